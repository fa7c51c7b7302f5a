/** What a site adapter reads from a streaming page. */
import type { PageData } from './page-world';

/** Every site Between Takes knows, by a short stable id. */
export const SITE_IDS = [
  'netflix',
  'viki',
  'kocowa',
  'ondemandkorea',
  'disneyplus',
  'primevideo',
  'iqiyi',
  'wetv',
  'viu',
] as const;
export type SiteId = (typeof SITE_IDS)[number];

/** A corner of the player. */
export type Corner = 'top-right' | 'top-left' | 'bottom-right' | 'bottom-left';

/** What the page says is playing: titles from the most trusted layer first. */
export interface Playing {
  site: SiteId;
  /** Candidate series titles, most trusted layer first, no duplicates. */
  titles: string[];
  season?: number;
  /** Absent for specials, trailers and pages that do not say. */
  episode?: number;
  /**
   * The site's own stable id of the series (Viki "21789c", a WeTV cid, an
   * iQIYI album id, an OnDemandKorea program slug…), where the URL or the
   * page's data gives one: a viewer's manual correction is remembered under it.
   */
  seriesId?: string;
}

/** Everything Between Takes knows about one streaming site, in one object. */
export interface SiteAdapter {
  id: SiteId;
  /** The site's name as viewers know it, e.g. "Rakuten Viki". */
  name: string;
  /** Match patterns for the content script: only these pages ever run our code. */
  matches: string[];
  /**
   * Whether its pages hold what plays in their own scripts' objects, out of the
   * content script's reach: the page-world reader (entrypoints/page-reader.ts)
   * is then injected and its checked answer passed to `read`.
   */
  pageWorld?: true;
  /** Whether a URL of this site is a page that plays one video. */
  isWatchPage(url: URL): boolean;
  /**
   * Pure: what (document, url) says is playing, or null when it says nothing yet;
   * `page` is the page world's checked answer, for adapters with `pageWorld`.
   */
  read(doc: Document, url: URL, page?: PageData): Playing | null;
  /** The element that holds the player and goes fullscreen; the overlay lives in it. */
  playerContainer(doc: Document): Element | null;
  /**
   * The top corner this site's player leaves free, for a player that keeps its
   * controls in the other one lower than the band every top corner clears
   * (overlay.css: 12 % of the player's height): a viewer's top corner is then
   * replaced by this one. No adapter names one yet.
   */
  safeCorner?: Corner;
}
