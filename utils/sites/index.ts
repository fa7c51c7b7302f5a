/** The registry of site adapters: adding a site is one file and one line here. */
import { disneyplus } from './disneyplus';
import { iqiyi } from './iqiyi';
import { kocowa } from './kocowa';
import { netflix } from './netflix';
import { ondemandkorea } from './ondemandkorea';
import { primevideo } from './primevideo';
import type { SiteAdapter } from './types';
import { viki } from './viki';
import { viu } from './viu';
import { wetv } from './wetv';

export const SITES: readonly SiteAdapter[] = [
  netflix,
  viki,
  kocowa,
  ondemandkorea,
  disneyplus,
  primevideo,
  iqiyi,
  wetv,
  viu,
];

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
