/**
 * Prime Video, on primevideo.com and on the Amazon stores that carry it. The
 * player opens over a title's page, so the URL never names the episode:
 * /detail/<id> (optionally /region/<r>/, /gp/video/, /-/<lang>/ before it),
 * and on the stores also /dp/<ASIN> and /gp/product/<ASIN>.
 *
 * The open player is `.dv-player-fullscreen` (Midra429/NCOverlay
 * vod-primeVideo.content, which dropped the `dv-web-player` id in 2026;
 * Dreamlinerm/Netflix-Prime-Auto-Skip amazon.ts); the page keeps a closed or
 * empty `#dv-web-player-2` beside it (Dreamlinerm's saved amazon.de page), and
 * a trailer `<video class="tst-video-overlay-player-html5">` that is not the
 * player (universal-trakt-scrobbler AmazonPrimeParser.ts). Its title bar shows
 * the series in `.atvwebplayersdk-title-text` and the episode in
 * `.atvwebplayersdk-subtitle-text` or `.atvwebplayersdk-episode-info`
 * ("Season 1, Ep. 4 The Ghouls", "S1 E1 …", "シーズン1、エピソード1 …").
 */
import { parseEpisodeLabel } from './readers/episode-label';
import { seriesIdOf, textOf } from './readers/page-data';
import { playingFrom, splitShowTitle } from './playing-builder';
import type { Playing, SiteAdapter } from './types';

/**
 * A title's page: "/detail/<id>" anywhere in the path (universal-trakt-scrobbler's
 * `/\/detail\//`), or a store's "/dp/<ASIN>" and "/gp/product/<ASIN>" (yt-dlp
 * amazon.py). Ids are 10 (store) or 26 (Prime Video) upper-case letters and
 * digits, or "amzn1.dv.gti.<uuid>" (public links; no anchor names that form).
 */
const WATCH_PATH = /\/(?:detail|dp|gp\/product)\/(?:[^/]+\/)?([A-Z0-9]{10,26}|amzn1\.dv\.gti\.[0-9a-f-]{36})(?:\/|$)/;

/** The open player: the newest `.dv-player-fullscreen` that holds the film's video, not a trailer's. */
function openPlayer(doc: Document): Element | null {
  const players = [...doc.querySelectorAll('.dv-player-fullscreen')].filter((p) =>
    p.querySelector('video:not(.tst-video-overlay-player-html5)'),
  );
  return players.at(-1) ?? null;
}

/** The Amazon stores that carry Prime Video (universal-trakt-scrobbler AmazonPrimeService.ts, and more). */
const AMAZON_STORES = [
  'amazon.com',
  'amazon.ca',
  'amazon.co.uk',
  'amazon.de',
  'amazon.fr',
  'amazon.it',
  'amazon.es',
  'amazon.in',
  'amazon.co.jp',
  'amazon.com.au',
];

/** On a store, only its video pages run our code, in any language (/-/en/…). */
const STORE_PATHS = ['/gp/video/*', '/-/*/gp/video/*', '/dp/*', '/*/dp/*', '/gp/product/*', '/-/*/gp/product/*'];

export const primevideo: SiteAdapter = {
  id: 'primevideo',
  name: 'Prime Video',
  matches: [
    '*://*.primevideo.com/*',
    ...AMAZON_STORES.flatMap((host) => STORE_PATHS.map((path) => `*://*.${host}${path}`)),
  ],

  isWatchPage(url) {
    return WATCH_PATH.test(url.pathname);
  },

  read(doc, url): Playing | null {
    const path = WATCH_PATH.exec(url.pathname);
    // Until the player opens, the page plays nothing, whatever its title says.
    const player = path && openPlayer(doc);
    if (!player) return null;
    const title = textOf(player, '.atvwebplayersdk-title-text');
    const readings = [
      {
        title,
        label: parseEpisodeLabel(
          textOf(player, '.atvwebplayersdk-subtitle-text') || textOf(player, '.atvwebplayersdk-episode-info'),
        ),
      },
    ];
    // The title bar shows only with the controls; the page's title names the
    // show whose player is open ("Watch Healer - Season 1 | Prime Video").
    const fromTitle = splitShowTitle(
      doc.title.replace(/\s*[-–:]\s*(?:Season|Staffel|Saison|Temporada|시즌|シーズン)\s*\d+.*$/i, ''),
      String.raw`Prime Video|Amazon\.[a-z.]+|Amazon`,
    );
    if (fromTitle) readings.push({ title: fromTitle.title, label: {} });
    return playingFrom('primevideo', readings, seriesIdOf(path[1]));
  },

  playerContainer(doc) {
    return openPlayer(doc);
  },
};
