/**
 * Disney+. Watch pages are /<locale>/play/<uuid> (formerly /video/<uuid>, and
 * without a locale on some links); the URL names the video only by id. The
 * player shows the series in `.title-field` and the episode in
 * `.subtitle-field` ("S1:E6 Title", localized "S1: afl. 6 Titel"), only while
 * its controls show. The newer player is a web component whose `<video>` and
 * title fields sit in an open shadow root, so every lookup also searches open
 * shadow roots.
 */
import { parseEpisodeLabel } from './readers/episode-label';
import { firstOf, metaContent, queryDeep, textDeep, videoContainer } from './readers/page-data';
import { playingFrom, splitShowTitle, type LayerReading } from './playing-builder';
import type { Playing, SiteAdapter } from './types';

/** /en-gb/play/<uuid>, /play/<uuid>, /video/<uuid>: Disney's ids are UUIDs. */
const WATCH_PATH =
  /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?(?:play|video)\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/?$/i;

/** The names Disney+ puts in its page titles. */
const SITE_NAME = String.raw`Disney\+|Disney Plus`;

/** Wrappers around the player that Disney+ sends fullscreen (older and newer markup). */
const CONTAINER = ['#hudson-wrapper', '.btm-media-player'];

export const disneyplus: SiteAdapter = {
  id: 'disneyplus',
  name: 'Disney+',
  matches: ['*://*.disneyplus.com/*'],

  isWatchPage(url) {
    return WATCH_PATH.test(url.pathname);
  },

  read(doc, url): Playing | null {
    if (!this.isWatchPage(url)) return null;
    const readings: LayerReading[] = [
      { title: textDeep(doc, '.title-field'), label: parseEpisodeLabel(textDeep(doc, '.subtitle-field')) },
    ];
    for (const raw of [doc.title, metaContent(doc, 'og:title')]) {
      const split = splitShowTitle(raw, SITE_NAME);
      if (split) readings.push(split);
    }
    return playingFrom('disneyplus', readings);
  },

  playerContainer(doc) {
    // A light-DOM wrapper, never the shadow host itself: a child of a shadow
    // host without a slot is not rendered.
    const wrapper = firstOf(doc, CONTAINER);
    if (wrapper && !wrapper.shadowRoot) return wrapper;
    return queryDeep(doc, 'video') ? videoContainer(doc) : null;
  },
};
