/**
 * Disney+. Watch pages are /<locale>/play/<uuid> (before 2024 /video/<uuid>;
 * trakt-tools/universal-trakt-scrobbler DisneyplusParser.ts), and /watch/… on
 * the www.apps.disneyplus web app (killergerbah/asbplayer extension/src/pages.json).
 *
 * The player `<disney-web-player>` shows the series in `title-bug`'s shadow
 * root, `.title-field`, and the episode in `.subtitle-field` ("S1:E6 Title",
 * "S1: afl. 6 Title", "S1：第6話「…」"), filled a few seconds late and only while
 * the controls show (Midra429/NCOverlay vod-disneyPlus.content); in an A/B-test
 * markup title-bug sits in `main-app-controls-overlay`'s shadow root
 * (Dreamlinerm/Netflix-Prime-Auto-Skip disney.ts); older markup has the fields
 * in the light DOM. Every lookup searches open shadow roots. Before all of
 * these, the player's own metadata, which only the page world can read:
 * `disney-web-player`.mediaPlayer.mediaPlaybackCriteria.metadata
 * {title.text, subtitle.text} (PreMiD/Activities websites/D/Disney+/presence.ts).
 */
import { parseEpisodeLabel } from './readers/episode-label';
import { textDeep, videoContainer } from './readers/page-data';
import { playingFrom } from './playing-builder';
import type { Playing, SiteAdapter } from './types';

/** /en-gb/play/<uuid>, /play/<uuid>, /video/<uuid>; /watch/<id> on the web app. */
const WATCH_PATH =
  /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?(?:(?:play|video)\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|watch\/[\w-]+)\/?$/i;

export const disneyplus: SiteAdapter = {
  id: 'disneyplus',
  name: 'Disney+',
  matches: ['*://*.disneyplus.com/*'],
  pageWorld: true,

  isWatchPage(url) {
    return WATCH_PATH.test(url.pathname);
  },

  read(doc, url, page): Playing | null {
    if (!this.isWatchPage(url)) return null;
    return playingFrom('disneyplus', [
      { title: page?.title ?? '', label: parseEpisodeLabel(page?.label ?? '') },
      { title: textDeep(doc, '.title-field'), label: parseEpisodeLabel(textDeep(doc, '.subtitle-field')) },
    ]);
  },

  playerContainer(doc) {
    // The player element holds its UI (title-bug) beside the video; a child added
    // to a shadow host without a slot is not rendered, so then its parent.
    const player = doc.querySelector('disney-web-player');
    if (player) return player.shadowRoot ? player.parentElement : player;
    return videoContainer(doc);
  },
};
