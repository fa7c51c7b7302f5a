/**
 * Netflix. Watch pages are /watch/<videoId>; the URL and document.title
 * ("Netflix") say nothing of the show. What plays is read, as every anchor
 * reads it, from the player's own data for the video id, in the page world
 * (entrypoints/page-reader.ts: the playing session's id and its metadata,
 * trakt-tools/universal-trakt-scrobbler NetflixApi.ts and killergerbah/asbplayer
 * netflix-page.ts), believed only when its id is the URL's. The player's title
 * bar is the fallback (PreMiD/Activities' Netflix presence before 2024-05,
 * Dreamlinerm/Netflix-Prime-Auto-Skip netflix.ts): `[data-uia="video-title"]`
 * holds an <h4> with the series, a first span with the label ("S2:E1",
 * "Episode 1", "Flg. 1") and a span with the episode's title; a film's bar is
 * its title alone. The bar exists only while the controls show: after Netflix
 * moves to the next episode by itself, only the player's data says what plays.
 */
import { parseEpisodeLabel } from './readers/episode-label';
import { cleanText } from './readers/page-data';
import { playingFrom, type LayerReading } from './playing-builder';
import type { Playing, SiteAdapter } from './types';

const WATCH_PATH = /^\/watch\/(\d+)\/?$/;

export const netflix: SiteAdapter = {
  id: 'netflix',
  name: 'Netflix',
  matches: ['*://*.netflix.com/*'],
  pageWorld: true,

  isWatchPage(url) {
    return WATCH_PATH.test(url.pathname);
  },

  read(doc, url, page): Playing | null {
    const id = WATCH_PATH.exec(url.pathname)?.[1];
    if (!id) return null;
    const readings: LayerReading[] = [];
    if (page?.videoId === id && page.title) {
      readings.push({ title: page.title, label: page.film ? {} : { season: page.season, episode: page.episode } });
    }
    const titleBar = doc.querySelector('[data-uia="video-title"]');
    if (titleBar) {
      const heading = titleBar.querySelector('h4');
      readings.push({
        // A film's title bar is its title as plain text, with no <h4>.
        title: cleanText(heading ? heading.textContent : titleBar.textContent),
        // The first span is the label; the next is the episode's own title.
        label: heading ? parseEpisodeLabel(cleanText(titleBar.querySelector('span')?.textContent)) : {},
      });
    }
    return playingFrom('netflix', readings);
  },

  playerContainer(doc) {
    // [data-uia="player"] is the player (Midra429/NCOverlay vod-netflix.content);
    // .watch-video, around it, is the element our fixtures send fullscreen.
    return doc.querySelector('[data-uia="watch-video"], .watch-video, [data-uia="player"]');
  },
};
