/** The registry of site adapters: adding a site is one file and one line here. */
import { netflix } from './netflix';
import type { SiteAdapter, SiteId } from './types';
import { viki } from './viki';

export const SITES: readonly SiteAdapter[] = [netflix, viki];

/** The adapter for a page's hostname, or undefined on a site we do not support. */
export function siteForHost(hostname: string): SiteAdapter | undefined {
  return SITES.find((site) =>
    site.matches.some((pattern) => {
      const host = /^\*:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '';
      const base = host.replace(/^\*\./, '');
      return hostname === base || hostname.endsWith('.' + base);
    }),
  );
}

export function siteById(id: SiteId): SiteAdapter | undefined {
  return SITES.find((site) => site.id === id);
}
