/**
 * Prime Video, on primevideo.com and on the Amazon stores that carry it
 * (amazon.com, .co.uk, .de, .co.jp under /gp/video/). The player opens over a
 * detail page, /detail/<ASIN> (optionally /region/<r>/, /-/<lang>/ and a title
 * segment before the ASIN), so the URL never names the episode. The player,
 * `[id^="dv-web-player"]`, shows the series in `.atvwebplayersdk-title-text`
 * and the episode in `.atvwebplayersdk-subtitle-text` ("Season 1, Ep. 4 The
 * Ghouls", localized "Staffel 1, Folge 4 …"); a new player element is created
 * when the video changes.
 */
import { parseEpisodeLabel } from './readers/episode-label';
import { seriesIdOf, textOf } from './readers/page-data';
import { playingFrom, splitShowTitle } from './playing-builder';
import type { Playing, SiteAdapter } from './types';

/**
 * /detail/<ASIN>, /region/eu/detail/<ASIN>, /-/de/detail/<title>/<ASIN>,
 * /gp/video/detail/<ASIN>: ASINs are 10 (store) or 26 (Prime Video) upper-case
 * letters and digits.
 */
const WATCH_PATH =
  /^(?:\/region\/[a-z]{2})?(?:\/-\/[a-z]{2}(?:_[a-z]{2})?)?(?:\/gp\/video)?\/(?:detail|watch)\/(?:[^/]+\/)?([A-Z0-9]{10,26})(?:\/|$)/;

/** The player: one element per video, with an id such as "dv-web-player" or "dv-web-player-2". */
const PLAYER = '[id^="dv-web-player"]';

/** The names Prime Video puts in its page titles. */
const SITE_NAME = String.raw`Prime Video|Amazon\.[a-z.]+|Amazon`;

/** The Amazon stores that carry Prime Video under /gp/video/: nothing else of Amazon runs our code. */
const AMAZON_STORES = ['amazon.com', 'amazon.co.uk', 'amazon.de', 'amazon.co.jp'];

/** The newest player on the page: Prime appends a new one before it drops the old. */
function currentPlayer(doc: Document): Element | null {
  const players = doc.querySelectorAll(PLAYER);
  return players.length > 0 ? players[players.length - 1]! : null;
}

export const primevideo: SiteAdapter = {
  id: 'primevideo',
  name: 'Prime Video',
  matches: ['*://*.primevideo.com/*', ...AMAZON_STORES.map((host) => `*://*.${host}/gp/video/*`)],

  isWatchPage(url) {
    return WATCH_PATH.test(url.pathname);
  },

  read(doc, url): Playing | null {
    const path = WATCH_PATH.exec(url.pathname);
    if (!path) return null;
    // Until the player opens, the detail page plays nothing, whatever its title says.
    const player = currentPlayer(doc);
    if (!player) return null;
    const readings = [
      {
        title: textOf(player, '.atvwebplayersdk-title-text'),
        label: parseEpisodeLabel(textOf(player, '.atvwebplayersdk-subtitle-text')),
      },
    ];
    const fromTitle = splitShowTitle(
      doc.title.replace(/\s*[-–:]\s*(?:Season|Staffel|Saison|Temporada|시즌)\s*\d+.*$/i, ''),
      SITE_NAME,
    );
    if (fromTitle) readings.push({ title: fromTitle.title, label: {} });
    return playingFrom('primevideo', readings, seriesIdOf(path[1]));
  },

  playerContainer(doc) {
    return currentPlayer(doc);
  },
};
