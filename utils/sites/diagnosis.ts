/**
 * When a watch page of a supported site cannot be read (the site changed), what
 * the toolbar popup says and what its "Copy details" copies: the site, the
 * page's address with everything of the viewer's taken out, which readers
 * answered, and the extension's version. Nothing personal: no id, no slug (it
 * would name what the viewer watches), no query value, no title.
 */
import type { SiteId } from './types';

/** The readers an adapter tries, in trust order. */
export type ReaderName = 'player-data' | 'page';

export interface SiteDiagnosis {
  /** The page's address as a pattern: https://www.netflix.com/watch/* */
  pattern: string;
  /** Each reader tried on the page, and whether it named anything. */
  readers: { reader: ReaderName; answered: boolean }[];
  /** The extension's version. */
  version: string;
}

/** Path segments that name a page's kind on the supported sites, never what plays. */
const STRUCTURE = new Set(
  '- watch browse title videos player tv movies vod play video media detail region gp dp product ott all album season catalog storefront channel'.split(
    ' ',
  ),
);

/** A locale or language segment: en, en_us, en-gb, zh-hk. */
const LOCALE = /^[a-z]{2}(?:[-_][a-z]{2,4})?$/;

/**
 * A URL's form with the viewer's part taken out: each path segment that is not a
 * word of the site's structure becomes "*", query values become "*", and the
 * fragment goes.
 */
export function urlPattern(url: URL): string {
  const path = url.pathname
    .split('/')
    .map((segment) => (segment === '' || STRUCTURE.has(segment) || LOCALE.test(segment) ? segment : '*'))
    .join('/');
  const query = [...new Set(url.searchParams.keys())]
    .filter((key) => /^[\w-]{1,30}$/.test(key))
    .map((key) => `${key}=*`)
    .join('&');
  return `${url.protocol}//${url.host}${path}${query ? `?${query}` : ''}`;
}

/** The text "Copy details" puts on the clipboard: what a bug report needs, in English for the maintainers. */
export function diagnosisText(site: { id: SiteId; name: string }, diagnosis: SiteDiagnosis): string {
  return [
    `Between Takes ${diagnosis.version}: ${site.name} page not read`,
    `Site: ${site.id}`,
    `Page: ${diagnosis.pattern}`,
    ...diagnosis.readers.map(({ reader, answered }) => `Reader ${reader}: ${answered ? 'answered' : 'nothing'}`),
  ].join('\n');
}
