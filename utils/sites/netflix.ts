/**
 * Netflix. Watch pages are /watch/<digits> and say nothing about the show in the
 * URL or document.title ("Netflix"). The player's title bar,
 * [data-uia="video-title"], holds an <h4> with the series title and spans with
 * the episode label ("E14", "S2:E3", or localized: "14화") and the episode
 * title. It exists only while the player's controls show, so it can appear late
 * and disappear again; the page watcher keeps what it last read for the same URL.
 */
import { parseEpisodeLabel } from './readers/episode-label';
import { cleanText, uniqueTitles } from './readers/page-data';
import type { Playing, SiteAdapter } from './types';

const WATCH_PATH = /^\/watch\/\d+\/?$/;

export const netflix: SiteAdapter = {
  id: 'netflix',
  name: 'Netflix',
  matches: ['*://*.netflix.com/*'],

  isWatchPage(url) {
    return WATCH_PATH.test(url.pathname);
  },

  read(doc, url): Playing | null {
    if (!this.isWatchPage(url)) return null;
    const titleBar = doc.querySelector('[data-uia="video-title"]');
    if (!titleBar) return null;
    const heading = titleBar.querySelector('h4');
    // Films render the title as plain text in the title bar, with no <h4>.
    const title = cleanText(heading ? heading.textContent : titleBar.textContent);
    if (!title) return null;
    const playing: Playing = { site: 'netflix', titles: uniqueTitles([title]) };
    for (const span of titleBar.querySelectorAll('span')) {
      const label = parseEpisodeLabel(cleanText(span.textContent));
      if (label.episode !== undefined) {
        if (label.season !== undefined) playing.season = label.season;
        playing.episode = label.episode;
        break;
      }
    }
    return playing;
  },

  playerContainer(doc) {
    // The element Netflix sends fullscreen; the older markup used .watch-video.
    return doc.querySelector('[data-uia="watch-video"], .watch-video, [data-uia="player"]');
  },
};
