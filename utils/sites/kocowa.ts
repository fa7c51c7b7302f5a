/**
 * Kocowa. The only maintained reader of its pages, PreMiD/Activities
 * websites/K/KOCOWA/presence.ts, takes a path containing /video/ with a
 * `#play-container` as a watch page since 2026-06 (before: /<locale>/media/<id>/<slug>),
 * and reads the Brightcove (video.js) player's dock: the series in
 * `.vjs-dock-title`, the episode in `.vjs-dock-description`, both empty at
 * first. No reader uses any other layer of Kocowa's pages, so neither do we:
 * with no dock, nothing is read.
 */
import { parseEpisodeLabel } from './readers/episode-label';
import { textOf, videoContainer } from './readers/page-data';
import { playingFrom } from './playing-builder';
import type { Playing, SiteAdapter } from './types';

/** /en_us/media/123456/healer-e14 (older), or any path with /video/ (since 2026-06). */
const WATCH_PATH = /^\/[a-z]{2}_[a-z]{2}\/media\/\d+(?:\/[^/]*)?\/?$|\/video\//;

export const kocowa: SiteAdapter = {
  id: 'kocowa',
  name: 'Kocowa',
  matches: ['*://*.kocowa.com/*'],

  isWatchPage(url) {
    return WATCH_PATH.test(url.pathname);
  },

  read(doc, url): Playing | null {
    const dock = this.isWatchPage(url) && doc.querySelector('#play-container');
    if (!dock) return null;
    return playingFrom('kocowa', [
      { title: textOf(dock, '.vjs-dock-title'), label: parseEpisodeLabel(textOf(dock, '.vjs-dock-description')) },
    ]);
  },

  playerContainer(doc) {
    // #play-container wraps the Brightcove player and is what Kocowa sends fullscreen.
    return doc.querySelector('#play-container') ?? videoContainer(doc);
  },
};
