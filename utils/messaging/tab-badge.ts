/**
 * The toolbar button's badge for a tab: how many facts the overlay lists for
 * the episode recognised there, "off" where Between Takes is switched off for
 * the site, nothing otherwise. Each frame of a supported site says what it
 * shows (`showBadge`, to-background.ts); the background combines the frames of
 * a tab and sets the badge (entrypoints/background/badge.ts).
 */
import { t } from '../i18n';
import { listedFactCount, type EpisodeView } from './views';

/**
 * What one frame says: the number of facts its overlay lists for the episode
 * recognised there, 'off' when the site (or Between Takes as a whole) is
 * switched off, null when nothing is recognised (a browse page, a title not in
 * the catalog, a title not read yet).
 */
export type BadgeReport = number | 'off' | null;

/**
 * A frame's `showBadge` message: what it shows, and when its document started
 * (`performance.timeOrigin`, ms since 1970): the top frame's report drops what the
 * frames of an older page said.
 */
export interface BadgeMessage {
  report: BadgeReport;
  documentStart: number;
}

/** What a frame says, from what it knows: the site's switch, the episode recognised, the drama-wide facts setting. */
export function badgeReport(siteOn: boolean, view: EpisodeView | null, dramaWideFacts: boolean): BadgeReport {
  if (!siteOn) return 'off';
  return view ? listedFactCount(view, dramaWideFacts) : null;
}

/**
 * A tab's report from its frames' reports. A recognised episode wins (the
 * frame holding the player; the most facts if two frames recognise one, as a
 * page and the player frame it embeds both can): a hidden helper frame of the
 * site, which recognises nothing, must not clear it. Then "off", then nothing.
 */
export function tabReport(frames: Iterable<BadgeReport>): BadgeReport {
  let result: BadgeReport = null;
  for (const report of frames) {
    if (typeof report === 'number') result = typeof result === 'number' ? Math.max(result, report) : report;
    else if (report === 'off' && result === null) result = 'off';
  }
  return result;
}

/** The badge's colours: the overlay's light-theme amber for a count, a neutral grey for "off"; white text on both. */
export const BADGE_COLORS = { count: '#a3520b', off: '#6b6b76', text: '#ffffff' } as const;

/** The longest count the badge shows; more shows as "99+". */
export const BADGE_MAX = 99;

export interface BadgeLook {
  /** A few characters: the toolbar button has room for about four. */
  text: string;
  background: string;
}

/**
 * How the badge looks for a tab's report; null for no badge. A recognised
 * episode whose overlay lists no facts shows none either: a "0" would only
 * draw the eye to nothing (the popup still says what is recognised).
 */
export function badgeLook(report: BadgeReport): BadgeLook | null {
  if (report === 'off') return { text: t('badgeOff'), background: BADGE_COLORS.off };
  if (report === null || report <= 0) return null;
  return { text: report > BADGE_MAX ? `${BADGE_MAX}+` : String(report), background: BADGE_COLORS.count };
}
