/**
 * Viu. Watch pages are /ott/<cc>/<lang>/vod/<productId>/<slug>; the productId
 * names one episode, the slug is usually the series title ("The%20Prime%20Minister%20and%20I").
 * The page shows the series in `#series_title` and the episode in
 * `#series_ep_title` as "N.Episode title". Its Next.js data holds
 * productDetail.data.series (name, series_id: the series' stable id) and
 * current_product (number, product_id), for the episode the page was loaded with.
 */
import { parseLeadingEpisodeNumber } from './readers/episode-label';
import {
  decodeSegment,
  firstOf,
  metaContent,
  nextDataFor,
  numberAt,
  pathValue,
  seriesIdOf,
  stringAt,
  textOf,
  videoContainer,
} from './readers/page-data';
import { playingFrom, splitShowTitle, type LayerReading } from './playing-builder';
import type { Playing, SiteAdapter } from './types';

/** /ott/sg/en-us/vod/3421/<slug>: country code, language, numeric productId. */
const WATCH_PATH = /^\/ott\/[a-z]{2}\/[a-z]{2}(?:-[a-z]{2,4})?\/vod\/(\d+)(?:\/([^/]*))?\/?$/i;

/** Where Viu's Next.js data keeps the episode's details. */
const PRODUCT_DETAIL = ['props', 'pageProps', 'productDetail', 'data'] as const;

/** The names Viu puts in its page titles. */
const SITE_NAME = String.raw`Viu`;

export const viu: SiteAdapter = {
  id: 'viu',
  name: 'Viu',
  matches: ['*://*.viu.com/*'],

  isWatchPage(url) {
    return WATCH_PATH.test(url.pathname);
  },

  read(doc, url): Playing | null {
    const path = WATCH_PATH.exec(url.pathname);
    if (!path) return null;
    const [, productId, slug] = path;
    const readings: LayerReading[] = [
      // Viu writes the episode title as "14.Title": read it as that form only here.
      { title: textOf(doc, '#series_title'), label: parseLeadingEpisodeNumber(textOf(doc, '#series_ep_title')) },
    ];
    const detail = pathValue(nextDataFor(doc, productId!), PRODUCT_DETAIL);
    const number = numberAt(detail, ['current_product', 'number']);
    readings.push({ title: stringAt(detail, ['series', 'name']), label: number ? { episode: number } : {} });
    for (const raw of [doc.title, metaContent(doc, 'og:title')]) {
      const split = splitShowTitle(raw, SITE_NAME);
      if (split) readings.push(split);
    }
    if (slug) readings.push({ title: decodeSegment(slug).replace(/[-_]+/g, ' ') });
    return playingFrom('viu', readings, seriesIdOf(pathValue(detail, ['series', 'series_id'])));
  },

  playerContainer(doc) {
    // Viu's player root (#videoPlayer, .viu-player) is the element it sends fullscreen.
    return firstOf(doc, ['#videoPlayer', '.viu-player']) ?? videoContainer(doc);
  },
};
