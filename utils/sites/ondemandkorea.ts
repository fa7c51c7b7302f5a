/**
 * OnDemandKorea. Watch pages are /(en/|ko/)player/vod/<program-slug>?contentId=<id>:
 * the program slug names the series (and is its stable id on the site), the
 * contentId the episode. The page carries JSON-LD (TVEpisode with partOfSeries)
 * and titles like "Breakup Probation, A Week: E08" or, in Korean, "힐러 14회".
 * No open-source adapter exists; the shapes follow public test data.
 */
import {
  decodeSegment,
  jsonLdObjects,
  metaContent,
  numberAt,
  seriesIdOf,
  stringAt,
  videoContainer,
} from './readers/page-data';
import { playingFrom, splitShowTitle, type LayerReading } from './playing-builder';
import type { Playing, SiteAdapter } from './types';

/** The program slug is lower-case words joined by hyphens. */
const WATCH_PATH = /^\/(?:(?:en|ko)\/)?player\/vod\/([a-z0-9][a-z0-9-]*)\/?$/;

/** The names OnDemandKorea appends to its page titles, in English and Korean. */
const SITE_NAME = String.raw`OnDemandKorea|On Demand Korea|ODK|온디맨드코리아`;

export const ondemandkorea: SiteAdapter = {
  id: 'ondemandkorea',
  name: 'OnDemandKorea',
  matches: ['*://*.ondemandkorea.com/*'],

  isWatchPage(url) {
    return WATCH_PATH.test(url.pathname);
  },

  read(doc, url): Playing | null {
    const path = WATCH_PATH.exec(url.pathname);
    if (!path) return null;
    const slug = decodeSegment(path[1]!);
    // The slug is the most stable layer for the series but says nothing of the
    // episode; document.title follows the episode on client-side navigation,
    // JSON-LD and og:title describe the page as loaded.
    const readings: LayerReading[] = [{ title: slug.replace(/-/g, ' ') }];
    const fromTitle = splitShowTitle(doc.title, SITE_NAME);
    if (fromTitle) readings.push(fromTitle);
    for (const obj of jsonLdObjects(doc)) {
      if (obj['@type'] !== 'TVEpisode') continue;
      const number = numberAt(obj, ['episodeNumber']);
      readings.push({ title: stringAt(obj, ['partOfSeries', 'name']), label: number ? { episode: number } : {} });
    }
    const fromOg = splitShowTitle(metaContent(doc, 'og:title'), SITE_NAME);
    if (fromOg) readings.push(fromOg);
    return playingFrom('ondemandkorea', readings, seriesIdOf(slug));
  },

  playerContainer(doc) {
    // ODK's player is video.js; its root is the element sent fullscreen.
    return doc.querySelector('.video-js') ?? videoContainer(doc);
  },
};
