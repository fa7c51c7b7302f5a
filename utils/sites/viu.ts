/**
 * Viu. Watch pages are /ott/<cc>/<lang>/vod/<productId>/<slug> (yt-dlp/yt-dlp
 * viu.py ViuOTTIE and its PR #9329), and on the older Indonesian site
 * /ott/<cc>/<lang>/all/video-<lang>-<genre>-<type>-<slug>-<id> (ViuOTTIndonesiaIE).
 * The productId names one episode; a /vod/ page with no <video> is a details
 * view, not playing (PreMiD/Activities websites/V/Viu/presence.ts).
 *
 * In trust order: the page's `#series_title` and `#series_ep_title`
 * ("1150.Episode title", PreMiD), which follow the episode playing; the Next.js
 * data props.pageProps.fallback['@"PRODUCT_DETAIL","<productId>",0,true,'].data
 * → series.name, current_product.{number,is_movie} (wayneclub/Subtitle-Downloader
 * services/viu.py; before 2024 under pageProps.initialProps), keyed by the
 * productId so never stale; JSON-LD TVEpisode/Movie; the older site's
 * `window.__INITIAL_STATE__` content.clipDetails.{title,episode_no} (yt-dlp);
 * the URL's slug last.
 */
import { parseEpisodeSlug, parseLeadingEpisodeNumber } from './readers/episode-label';
import {
  decodeSegment,
  jsonLdObjects,
  nextData,
  numberAt,
  pathValue,
  seriesIdOf,
  stringAt,
  textOf,
  videoContainer,
} from './readers/page-data';
import { playingFrom, splitShowTitle, type LayerReading } from './playing-builder';
import type { PageData } from './page-world';
import type { Playing, SiteAdapter } from './types';

/** Groups: 1 productId and 2 slug (/vod/), or 3 the older site's slug and 4 its id (/all/video-…). */
const WATCH_PATH =
  /^\/ott\/[a-z]{2}\/[a-z]{2}(?:-[a-z]{2,4})?\/(?:vod\/(\d+)(?:\/([^/]*))?|all\/video-[a-z]+-[a-z]+-[a-z_]+?-([\w-]+)-(\d+))\/?$/i;

/** The episode's details in the Next.js data, for this productId only. */
function productDetail(doc: Document, productId: string, page?: PageData): unknown {
  const props = pathValue(nextData(doc, page), ['props', 'pageProps']);
  for (const fallback of [pathValue(props, ['fallback']), pathValue(props, ['initialProps', 'fallback'])]) {
    if (!fallback || typeof fallback !== 'object') continue;
    const key = Object.keys(fallback).find((k) => k.startsWith(`@"PRODUCT_DETAIL","${productId}",`));
    if (key) return pathValue(fallback, [key, 'data']);
  }
  return undefined;
}

/** The older site's `window.__INITIAL_STATE__ = {…}`, read as text from its script. */
function initialState(doc: Document): unknown {
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const m = /^\s*window\.__INITIAL_STATE__\s*=\s*([\s\S]*?);?\s*$/.exec(script.textContent ?? '');
    if (!m) continue;
    try {
      return JSON.parse(m[1]!);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export const viu: SiteAdapter = {
  id: 'viu',
  name: 'Viu',
  matches: ['*://*.viu.com/*'],
  pageWorld: true,

  isWatchPage(url) {
    return WATCH_PATH.test(url.pathname);
  },

  read(doc, url, page): Playing | null {
    const path = WATCH_PATH.exec(url.pathname);
    if (!path || !doc.querySelector('video')) return null;
    const [, productId, slug, oldSlug] = path;
    const readings: LayerReading[] = [
      // Viu writes the episode title as "14.Title": read it as that form only here.
      { title: textOf(doc, '#series_title'), label: parseLeadingEpisodeNumber(textOf(doc, '#series_ep_title')) },
    ];
    const detail = productId ? productDetail(doc, productId, page) : undefined;
    const film = pathValue(detail, ['current_product', 'is_movie']) === 1;
    const number = film ? undefined : numberAt(detail, ['current_product', 'number']);
    readings.push({ title: stringAt(detail, ['series', 'name']), label: number ? { episode: number } : {} });
    for (const obj of jsonLdObjects(doc)) {
      if (!['TVEpisode', 'Episode', 'Movie'].includes(obj['@type'] as string)) continue;
      const named = splitShowTitle(stringAt(obj, ['name']), 'Viu');
      const episode = numberAt(obj, ['episodeNumber']);
      readings.push({
        title: stringAt(obj, ['partOfSeries', 'name']) || (named?.title ?? ''),
        label: episode ? { episode } : (named?.label ?? {}),
      });
    }
    const clip = pathValue(initialState(doc), ['content', 'clipDetails']);
    const clipTitle = splitShowTitle(stringAt(clip, ['title']) || stringAt(clip, ['display_title']), 'Viu');
    const clipEpisode = numberAt(clip, ['episode_no']) ?? numberAt(clip, ['episodeno']);
    if (clipTitle)
      readings.push({ title: clipTitle.title, label: clipEpisode ? { episode: clipEpisode } : clipTitle.label });
    if (slug) readings.push({ title: decodeSegment(slug).replace(/[-_]+/g, ' ') });
    if (oldSlug) {
      const fromSlug = parseEpisodeSlug(oldSlug.replace(/_/g, '-'));
      readings.push({ title: fromSlug.title.replace(/-/g, ' '), label: fromSlug });
    }
    const seriesId = pathValue(detail, ['current_product', 'series_id']) ?? pathValue(detail, ['series', 'series_id']);
    return playingFrom('viu', readings, seriesIdOf(seriesId));
  },

  playerContainer(doc) {
    // No anchor names Viu's player root (PreMiD reads the first <video>).
    return videoContainer(doc);
  },
};
