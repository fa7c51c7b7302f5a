/**
 * Least privilege, checked on what ships: the built manifests for Chrome and
 * Firefox ask for no more than the features need.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/browser';
import { SUPPORTED_MATCHES } from '../../utils/sites/matches';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches: string[] }[];
};

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

  it('loads no remote code and exposes nothing to web pages', () => {
    const text = JSON.stringify(m);
    expect(text).not.toMatch(/https?:\/\//); // no remote script, update URL or CSP source
    expect(m['web_accessible_resources']).toBeUndefined();
    expect(m['externally_connectable']).toBeUndefined();
    expect(m['content_security_policy']).toBeUndefined(); // the browsers' strict default
  });
});

describe('the Firefox manifest', () => {
  it('declares that no data is collected', () => {
    const gecko = (manifest('firefox-mv2')['browser_specific_settings'] as { gecko: Record<string, unknown> }).gecko;
    expect(gecko['data_collection_permissions']).toEqual({ required: ['none'] });
  });
});
