/**
 * The registry of site adapters: every adapter file in utils/sites/ is listed
 * once in utils/sites/index.ts, under an id SITE_IDS knows; each has fixtures,
 * every one of them naming the anchor it reduces; and its match patterns are
 * where the content script runs. (tests/e2e/manifest.e2e.ts checks the built
 * manifests.) Adding a site is its adapter file, its line in index.ts and its id
 * in SITE_IDS: this test says which is missing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITES } from '../../utils/sites';
import { PAGE_WORLD_MATCHES, SUPPORTED_MATCHES, WATCH_CONTENT_SCRIPT } from '../../utils/sites/matches';
import { SITE_IDS, type SiteAdapter } from '../../utils/sites/types';
import { FIXTURES_DIR } from '../helpers/fixtures';

const SITES_DIR = join(import.meta.dirname, '..', '..', 'utils', 'sites');

/** Files of utils/sites/ that are not adapters: the registry and what the adapters share. */
const NOT_ADAPTERS = [
  'index.ts',
  'types.ts',
  'matches.ts',
  'watch-scripts.ts',
  'playing-builder.ts',
  'page-world.ts',
  'page-world-events.ts',
  'page-world-reader.ts',
  'diagnosis.ts',
];

/** The repositories docs/sites.md reads the sites from; every fixture names one. */
const ANCHORS =
  /universal-trakt-scrobbler|asbplayer|NCOverlay|nco-utils|MALSync|PreMiD|Dreamlinerm|yt-dlp|Subtitle-Downloader|TMDB-Import|ngsoft|caocaochan/;

const isAdapter = (value: unknown): value is SiteAdapter =>
  !!value && typeof value === 'object' && 'id' in value && 'matches' in value && 'read' in value;

describe('the site registry', () => {
  it('lists every adapter file once, and nothing else', async () => {
    const files = readdirSync(SITES_DIR).filter(
      (name) => name.endsWith('.ts') && !NOT_ADAPTERS.includes(name) && statSync(join(SITES_DIR, name)).isFile(),
    );
    const exported: SiteAdapter[] = [];
    for (const file of files) {
      const module = (await import(`../../utils/sites/${file.replace(/\.ts$/, '')}`)) as Record<string, unknown>;
      const adapters = Object.values(module).filter(isAdapter);
      expect(adapters, `${file} exports one adapter`).toHaveLength(1);
      exported.push(adapters[0]!);
    }
    for (const adapter of exported) {
      expect(
        SITES.filter((s) => s === adapter),
        `${adapter.id} is listed once in utils/sites/index.ts`,
      ).toHaveLength(1);
    }
    expect(SITES).toHaveLength(exported.length);
  });

  it('knows every adapter’s id in SITE_IDS, once, in the same order', () => {
    expect(SITES.map((site) => site.id)).toEqual([...SITE_IDS]);
    expect(new Set(SITE_IDS).size).toBe(SITE_IDS.length);
  });

  it.each(SITES.map((site) => [site.id, site] as const))(
    '%s has fixtures, each naming the anchor shape it reduces',
    (id) => {
      const dir = join(FIXTURES_DIR, id);
      const pages = readdirSync(dir).filter((name) => name.endsWith('.html'));
      // A normal episode, a page that plays nothing, a localized one, and the rest (docs/sites.md).
      expect(pages.length, `tests/fixtures/${id}/ holds its pages`).toBeGreaterThanOrEqual(5);
      for (const page of pages) {
        const header = /<!--([\s\S]*?)-->/.exec(readFileSync(join(dir, page), 'utf8'))?.[1] ?? '';
        expect(header, `${id}/${page} names its anchor`).toMatch(ANCHORS);
        expect(header, `${id}/${page} names the address it serves`).toMatch(/Serves\s+https?:\/\//);
      }
    },
  );

  it.each(SITES.map((site) => [site.id, site] as const))(
    '%s runs the content script only where its match patterns say, and they are well formed',
    (_id, site) => {
      expect(site.matches.length).toBeGreaterThan(0);
      for (const pattern of site.matches) {
        expect(SUPPORTED_MATCHES).toContain(pattern);
        expect(pattern).toMatch(/^\*:\/\/\*\.[a-z0-9.-]+\.[a-z]{2,}\/\S*\*$/);
      }
      if (site.pageWorld) for (const pattern of site.matches) expect(PAGE_WORLD_MATCHES).toContain(pattern);
    },
  );

  it('gives the content script exactly the registry’s match patterns', () => {
    expect(WATCH_CONTENT_SCRIPT.matches).toEqual(SITES.flatMap((site) => site.matches));
  });
});
