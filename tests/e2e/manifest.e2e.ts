/**
 * Least privilege, checked on what ships: the built manifests for Chrome and
 * Firefox ask for no more than the features need. The content script: only the
 * small loader is injected, and the module it imports is open to the supported
 * sites alone. And the icons: every size the stores and the toolbar need, each a
 * PNG of that size.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/browser';
import { SITES } from '../../utils/sites';
import { PAGE_WORLD_MATCHES, SUPPORTED_MATCHES } from '../../utils/sites/matches';
import { WATCH_LOADER_FILE, WATCH_MODULE_FILE } from '../../utils/sites/watch-scripts';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[]; css?: string[]; all_frames?: boolean; run_at?: string }[];
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  browser_action?: { default_icon?: Record<string, string> };
};

/** Sizes the stores and the toolbar ask for: 16 and 32 (toolbar), 48 (extensions page), 96 and 128 (stores). */
const ICON_SIZES = ['16', '32', '48', '96', '128'];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG file's width and height, read from its IHDR chunk (always the first, at byte 8); null if not a PNG. */
function pngSize(file: string): { width: number; height: number } | null {
  const bytes = readFileSync(file);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const manifest = (target: string): Manifest =>
  JSON.parse(readFileSync(join(ROOT, '.output', target, 'manifest.json'), 'utf8')) as Manifest;

const BROAD = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*'];

describe.each(['chrome-mv3', 'firefox-mv2'])('the %s manifest', (target) => {
  const m = manifest(target);

  it('asks only for storage', () => {
    // MV2 lists host access among permissions; there must be none beyond storage.
    expect(m.permissions ?? []).toEqual(['storage']);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_permissions ?? []).toEqual([]);
  });

  it('runs its content script on the supported streaming sites only', () => {
    const matches = (m.content_scripts ?? []).flatMap((c) => c.matches);
    expect(new Set(matches)).toEqual(new Set(SUPPORTED_MATCHES));
    for (const pattern of matches) expect(BROAD).not.toContain(pattern);
  });

  it.each(SITES.map((site) => [site.name, site] as const))(
    'runs its content script wherever %s’s adapter matches',
    (_name, site) => {
      const matches = (m.content_scripts ?? []).flatMap((c) => c.matches);
      for (const pattern of site.matches) expect(matches).toContain(pattern);
    },
  );

  it('injects only the small loader, in every frame, once the document is parsed', () => {
    expect(m.content_scripts).toHaveLength(1);
    const [script] = m.content_scripts!;
    expect(script!.js).toEqual([WATCH_LOADER_FILE]);
    expect(script!.css).toBeUndefined();
    expect(script!.all_frames).toBe(true);
    expect(script!.run_at).toBe('document_idle');
    // What the browser parses at injection: a few hundred bytes, not the content script proper.
    expect(statSync(join(ROOT, '.output', target, WATCH_LOADER_FILE)).size).toBeLessThan(1024);
    expect(existsSync(join(ROOT, '.output', target, WATCH_MODULE_FILE))).toBe(true);
  });

  it('loads no remote code, and exposes to web pages only the own-facts frame, the page-world reader and the content script module, to the sites that use them', () => {
    const text = JSON.stringify(m);
    expect(text).not.toMatch(/https?:\/\//); // no remote script, update URL or CSP source
    const exposed = m['web_accessible_resources'];
    if (target === 'firefox-mv2') {
      // MV2 has no per-site list; Firefox gives every install its own random address anyway.
      expect(exposed).toEqual(['own-facts.html', 'page-reader.js', WATCH_MODULE_FILE]);
    } else {
      const origins = (matches: string[]) => [
        ...new Set(matches.map((p) => p.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*'))),
      ];
      expect(exposed).toEqual([
        { resources: ['own-facts.html'], matches: origins(SUPPORTED_MATCHES), use_dynamic_url: true },
        { resources: ['page-reader.js'], matches: origins(PAGE_WORLD_MATCHES), use_dynamic_url: true },
        // The module the loader imports: the supported sites only, at a per-session address.
        { resources: [WATCH_MODULE_FILE], matches: origins(SUPPORTED_MATCHES), use_dynamic_url: true },
      ]);
      // Netflix, Disney+, iQIYI, WeTV and Viu: not Prime Video, Viki, Kocowa or OnDemandKorea.
      expect(origins(PAGE_WORLD_MATCHES)).toHaveLength(5);
    }
    expect(m['externally_connectable']).toBeUndefined();
    expect(m['content_security_policy']).toBeUndefined(); // the browsers' strict default
  });
});

describe.each([
  ['chrome-mv3', 'action'],
  ['firefox-mv2', 'browser_action'],
] as const)('the %s icons', (target, actionKey) => {
  const m = manifest(target);

  /** Each icon named in an icon map is in the build, and a PNG of exactly the size it is listed under. */
  function expectIconFiles(icons: Record<string, string>) {
    for (const [size, path] of Object.entries(icons)) {
      const file = join(ROOT, '.output', target, path);
      expect(existsSync(file), `${path} is in the build`).toBe(true);
      expect(pngSize(file), `${path} is a ${size}×${size} PNG`).toEqual({ width: Number(size), height: Number(size) });
    }
  }

  it('lists an icon of every size the stores and the toolbar need', () => {
    expect(Object.keys(m.icons ?? {}).sort((a, b) => Number(a) - Number(b))).toEqual(ICON_SIZES);
    expectIconFiles(m.icons ?? {});
  });

  it(`gives the toolbar button its icon (${actionKey}.default_icon)`, () => {
    const toolbar = m[actionKey]?.default_icon ?? {};
    expect(Object.keys(toolbar)).toEqual(expect.arrayContaining(['16', '32']));
    expectIconFiles(toolbar);
  });
});

describe('the Firefox manifest', () => {
  it('declares that no data is collected', () => {
    const gecko = (manifest('firefox-mv2')['browser_specific_settings'] as { gecko: Record<string, unknown> }).gecko;
    expect(gecko['data_collection_permissions']).toEqual({ required: ['none'] });
  });
});
