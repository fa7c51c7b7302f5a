/**
 * Kocowa. Watch pages are /<locale>/media/<episodeId>/<slug> (locale such as
 * en_us, es_us, pt_br); the URL names the episode only by id. The player is
 * Brightcove (video.js): its dock shows the series in `.vjs-dock-title` and the
 * episode in `.vjs-dock-description` ("E14", localized "Episodio 14"). The page
 * also carries JSON-LD and og:title for the episode it was loaded with.
 */
import { parseEpisodeLabel } from './readers/episode-label';
import { firstOf, jsonLdObjects, metaContent, numberAt, stringAt, textOf, videoContainer } from './readers/page-data';
import { playingFrom, splitShowTitle, type LayerReading } from './playing-builder';
import type { Playing, SiteAdapter } from './types';

/** /en_us/media/123456/healer-e14: the locale is lower-case language_region, the id digits. */
const WATCH_PATH = /^\/[a-z]{2}_[a-z]{2}\/media\/\d+(?:\/[^/]*)?\/?$/;

/** The names Kocowa appends to its page titles. */
const SITE_NAME = String.raw`KOCOWA\+?|Kocowa`;

export const kocowa: SiteAdapter = {
  id: 'kocowa',
  name: 'Kocowa',
  matches: ['*://*.kocowa.com/*'],

  isWatchPage(url) {
    return WATCH_PATH.test(url.pathname);
  },

  read(doc, url): Playing | null {
    if (!this.isWatchPage(url)) return null;
    const readings: LayerReading[] = [];
    // The player's dock is what is playing now; JSON-LD and og:title describe
    // the episode the page was loaded with.
    const dock = doc.querySelector('#play-container') ?? doc;
    readings.push({
      title: textOf(dock, '.vjs-dock-title'),
      label: parseEpisodeLabel(textOf(dock, '.vjs-dock-description')),
    });
    for (const obj of jsonLdObjects(doc)) {
      if (obj['@type'] !== 'TVEpisode') continue;
      const number = numberAt(obj, ['episodeNumber']);
      readings.push({ title: stringAt(obj, ['partOfSeries', 'name']), label: number ? { episode: number } : {} });
    }
    for (const raw of [metaContent(doc, 'og:title'), doc.title]) {
      const split = splitShowTitle(raw, SITE_NAME);
      if (split) readings.push(split);
    }
    return playingFrom('kocowa', readings);
  },

  playerContainer(doc) {
    // #play-container wraps the Brightcove player and is what Kocowa sends fullscreen.
    return firstOf(doc, ['#play-container', '.video-js']) ?? videoContainer(doc);
  },
};
