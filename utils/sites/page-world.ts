/**
 * What the page-world reader (entrypoints/page-reader.ts) hands the content
 * script: a few plain claims the site's own scripts hold about the video
 * playing, where the content script's isolated world cannot see them
 * (Netflix's player API, Disney+'s `mediaPlayer`, a Next.js page's
 * `window.__NEXT_DATA__`).
 *
 * The channel is a DOM event on `window`, which the page can also send: every
 * answer is checked here, field by field, and what passes is only ever another
 * claim about a title and an episode, like the page's DOM. The background
 * matches it against the catalog, so a forged answer can at worst name a
 * drama the catalog has, as a forged title bar can.
 */
import { MAX_EPISODE } from './readers/episode-label';
import { cleanText } from './readers/page-data';

export { PAGE_ASK, PAGE_DATA } from './page-world-events';

/** The longest answer accepted: Next.js data of a real WeTV page is a few hundred KB. */
export const MAX_PAGE_DATA_LENGTH = 2_000_000;

/** What the page's own scripts say, after checking. */
export interface PageData {
  /** Netflix: the id of the video its player is playing (digits). */
  videoId?: string;
  /** The series' (or film's) title. */
  title?: string;
  /** An episode label as the site prints it ("S1:E6 Title"). */
  label?: string;
  season?: number;
  episode?: number;
  /** The video is a film: it has no episode. */
  film?: boolean;
  /** The page's Next.js data, when the page keeps it out of the DOM: plain JSON, read like the DOM's. */
  next?: unknown;
}

function whole(value: unknown, max: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max ? value : undefined;
}

/** The checked form of an answer's detail, or null when it is not one. */
export function pageDataOf(detail: unknown): PageData | null {
  if (typeof detail !== 'string' || detail.length > MAX_PAGE_DATA_LENGTH) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(detail);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const data: PageData = {};
  if (typeof r['videoId'] === 'string' && /^\d{1,20}$/.test(r['videoId'])) data.videoId = r['videoId'];
  const title = typeof r['title'] === 'string' ? cleanText(r['title']) : '';
  if (title) data.title = title;
  const label = typeof r['label'] === 'string' ? cleanText(r['label']) : '';
  if (label) data.label = label;
  const season = whole(r['season'], 99);
  if (season) data.season = season;
  const episode = whole(r['episode'], MAX_EPISODE);
  if (episode) data.episode = episode;
  if (r['film'] === true) data.film = true;
  if (r['next'] && typeof r['next'] === 'object') data.next = r['next'];
  return data;
}
