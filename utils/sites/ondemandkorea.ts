/**
 * OnDemandKorea. Watch pages are /(en/)player/vod/<program-slug>?contentId=<id>
 * (yt-dlp/yt-dlp yt_dlp/extractor/ondemandkorea.py OnDemandKoreaIE): the
 * contentId names the episode or film, and the same path without it is the
 * program's page, where nothing plays (OnDemandKoreaProgramIE). The program
 * slug is the series' stable id, and a title only as a last resort ("breakup
 * probation a week" for "Breakup Probation, A Week").
 *
 * yt-dlp reads the title and episode from ODK's playback API, not from the
 * page; no anchor shows the page's own markup. The page layers read here,
 * document.title and og:title "Show: E08" and JSON-LD TVEpisode, are our
 * assumption of what the page carries (docs/sites.md); a page without them
 * yields the slug alone and no episode.
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
const PLAYER_PATH = /^\/(?:(?:en|ko)\/)?player\/vod\/([a-z0-9][a-z0-9-]*)\/?$/;

/** The names OnDemandKorea appends to its page titles, in English and Korean. */
const SITE_NAME = String.raw`OnDemandKorea|On Demand Korea|ODK|온디맨드코리아`;

export const ondemandkorea: SiteAdapter = {
  id: 'ondemandkorea',
  name: 'OnDemandKorea',
  matches: ['*://*.ondemandkorea.com/*'],

  isWatchPage(url) {
    return PLAYER_PATH.test(url.pathname) && /^\d+$/.test(url.searchParams.get('contentId') ?? '');
  },

  read(doc, url): Playing | null {
    const path = this.isWatchPage(url) && PLAYER_PATH.exec(url.pathname);
    if (!path) return null;
    const slug = decodeSegment(path[1]!);
    // The slug is the most stable layer for the series but says nothing of the
    // episode; document.title follows the episode on client-side navigation,
    // JSON-LD and og:title describe the page as loaded.
    const readings: LayerReading[] = [{ title: slug.replace(/-/g, ' ') }];
    // A film's title is "<program>: Main Movie" (yt-dlp's test): the program is the title.
    const split = (raw: string) => splitShowTitle(raw.replace(/:\s*Main Movie\b/i, ''), SITE_NAME);
    const fromTitle = split(doc.title);
    if (fromTitle) readings.push(fromTitle);
    for (const obj of jsonLdObjects(doc)) {
      if (obj['@type'] !== 'TVEpisode') continue;
      const number = numberAt(obj, ['episodeNumber']);
      readings.push({ title: stringAt(obj, ['partOfSeries', 'name']), label: number ? { episode: number } : {} });
    }
    const fromOg = split(metaContent(doc, 'og:title'));
    if (fromOg) readings.push(fromOg);
    return playingFrom('ondemandkorea', readings, seriesIdOf(slug));
  },

  playerContainer(doc) {
    // No anchor names ODK's player root: a video.js root if there is one, else the video's parent.
    return doc.querySelector('.video-js') ?? videoContainer(doc);
  },
};
