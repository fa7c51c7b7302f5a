/**
 * iQIYI (iq.com). Watch pages are /play/<slug>-<id>, the slug often ending
 * "-episode-<N>" and staying English when the page's titles are localized
 * ("治愈者 第14集"); links without a slug are /play/<id>. The page is Next.js:
 * `__NEXT_DATA__` → props.initialState.play.curVideoInfo holds albumName,
 * order (the episode) and albumId, but only for the video the page was loaded
 * with. The `h1` links to the album, /album/<slug>-<albumId>.
 */
import { parseEpisodeLabel, parseEpisodeSlug } from './readers/episode-label';
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

/** /play/healer-episode-14-19rrh0qk0p or /play/19rrh0qk0p: ids are 8–16 lower-case letters and digits. */
const WATCH_PATH = /^\/play\/(?:([^/]+)-)?([0-9a-z]{8,16})\/?$/;

/** The album link's id, after the album slug. */
const ALBUM_LINK = /\/album\/(?:[^/?#]*-)?([0-9a-z]{8,16})(?:[/?#]|$)/;

/** Where Next.js keeps the current video on iq.com. */
const CUR_VIDEO = ['props', 'initialState', 'play', 'curVideoInfo'] as const;

/** The names iQIYI puts in its page titles. */
const SITE_NAME = String.raw`iQIYI(?:\s*\|\s*iQ\.com)?|iQ\.com|爱奇艺|愛奇藝`;

export const iqiyi: SiteAdapter = {
  id: 'iqiyi',
  name: 'iQIYI',
  matches: ['*://*.iq.com/*'],

  isWatchPage(url) {
    return WATCH_PATH.test(url.pathname);
  },

  read(doc, url): Playing | null {
    const path = WATCH_PATH.exec(url.pathname);
    if (!path) return null;
    const readings: LayerReading[] = [];
    if (path[1]) {
      const slug = parseEpisodeSlug(decodeSegment(path[1]));
      readings.push({ title: slug.title.replace(/-/g, ' '), label: slug.episode ? { episode: slug.episode } : {} });
    }
    const data = nextDataFor(doc, path[2]!);
    const video = data ? pathValue(data, CUR_VIDEO) : undefined;
    const order = numberAt(video, ['order']);
    readings.push({ title: stringAt(video, ['albumName']), label: order ? { episode: order } : {} });
    // The h1 and document.title follow client-side navigation.
    const albumLink = doc.querySelector('h1 a[href*="/album/"]');
    readings.push({ title: textOf(doc, 'h1 a[href*="/album/"]') });
    for (const raw of [doc.title, metaContent(doc, 'og:title')]) {
      const split = splitShowTitle(raw, SITE_NAME);
      if (split) readings.push(split);
    }
    readings.push({ title: '', label: parseEpisodeLabel(stringAt(video, ['name'])) });
    const seriesId =
      seriesIdOf(pathValue(video, ['albumId'])) ??
      seriesIdOf(ALBUM_LINK.exec(albumLink?.getAttribute('href') ?? '')?.[1]);
    return playingFrom('iqiyi', readings, seriesId);
  },

  playerContainer(doc) {
    // .iqp-player is iQIYI's player root, the element it sends fullscreen.
    return firstOf(doc, ['.iqp-player', '#intl-video-wrap']) ?? videoContainer(doc);
  },
};
