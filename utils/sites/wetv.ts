/**
 * WeTV. Watch pages are /<lang>/play/<cid>-<Series-Slug>/<vid>-EP<n>-<Series-Slug>,
 * both slugs optional (/en/play/<cid>/<vid>); the cid is the series' stable id.
 * Moving to the next episode is client-side. The page shows the series in
 * `.play-sidebar__title` and marks the episode playing with
 * `li.play-video__item--selected`; `__NEXT_DATA__` → props.pageProps.data is a
 * JSON string with coverInfo.title and videoInfo.episode, for the video the page
 * was loaded with only.
 */
import { parseEpisodeLabel } from './readers/episode-label';
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

/**
 * Groups: 1 cid, 2 series slug, 3 vid, 4 episode, 5 slug after the episode.
 * cids and vids are lower-case letters and digits (15 and 11 on today's links).
 */
const WATCH_PATH =
  /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?play\/([0-9a-z]{8,24})(?:-([^/]+))?(?:\/([0-9a-z]{8,16})(?:-EP(\d{1,3}))?(?:-([^/]+))?)?\/?$/i;

/** The names WeTV puts in its page titles. */
const SITE_NAME = String.raw`WeTV|WeTV\.vip`;

/** The page's data for this video: a JSON string inside __NEXT_DATA__, parsed. */
function pageData(doc: Document, vid: string): unknown {
  const raw = pathValue(nextDataFor(doc, vid), ['props', 'pageProps', 'data']);
  if (typeof raw !== 'string') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined; // the page's broken data: fall back to the other layers
  }
}

export const wetv: SiteAdapter = {
  id: 'wetv',
  name: 'WeTV',
  matches: ['*://*.wetv.vip/*'],

  isWatchPage(url) {
    return WATCH_PATH.test(url.pathname);
  },

  read(doc, url): Playing | null {
    const path = WATCH_PATH.exec(url.pathname);
    if (!path) return null;
    const [, cid, seriesSlug, vid, ep, episodeSlug] = path;
    const readings: LayerReading[] = [];
    const urlEpisode = ep ? parseEpisodeLabel(`EP${ep}`) : {};
    const slug = decodeSegment(seriesSlug ?? episodeSlug ?? '').replace(/-/g, ' ');
    readings.push({ title: slug, label: urlEpisode });
    // The sidebar and the selected episode follow client-side navigation.
    const selected = textOf(doc, 'li.play-video__item--selected');
    readings.push({
      title: textOf(doc, '.play-sidebar__title'),
      label: /^\d{1,3}$/.test(selected) ? { episode: Number(selected) } : parseEpisodeLabel(selected),
    });
    const data = vid ? pageData(doc, vid) : undefined;
    const episode = numberAt(data, ['videoInfo', 'episode']);
    readings.push({ title: stringAt(data, ['coverInfo', 'title']), label: episode ? { episode } : {} });
    for (const raw of [metaContent(doc, 'og:title'), doc.title]) {
      const split = splitShowTitle(raw, SITE_NAME);
      if (split) readings.push(split);
    }
    return playingFrom('wetv', readings, seriesIdOf(cid));
  },

  playerContainer(doc) {
    // WeTV's Tencent player: .txp_player is the element it sends fullscreen.
    return firstOf(doc, ['.txp_player', '.play-video__player']) ?? videoContainer(doc);
  },
};
