/**
 * What the content script in a tab tells the popup about that tab, and the one
 * reason the popup gives when nothing is recognised there.
 */
import type { EpisodeView } from './views';
import type { SiteDiagnosis } from '../sites/diagnosis';
import type { Playing, SiteId } from '../sites/types';

/** The content script's answer to the popup's `tabState` message. */
export interface TabState {
  site: SiteId;
  /** The site's name as viewers know it. */
  siteName: string;
  /** Whether Between Takes is switched on for this site (and on at all). */
  siteOn: boolean;
  /** Whether the page is one that plays a video. */
  watchPage: boolean;
  /** What the page says is playing; null when it says nothing (yet). */
  playing: Playing | null;
  /** The key a correction for this series is stored under; null when the page names no series. */
  seriesKey: string | null;
  /** What the background answered for `playing`; null when it knows nothing or was not asked. */
  view: EpisodeView | null;
  /**
   * Where the episode's video was when the overlay last looked, in seconds (the point its
   * list is veiled at: a PlaybackState); null when the page has no video or the overlay is not showing.
   */
  playback: { time: number; duration: number } | null;
  /** The viewer's settings that shape the episode's list (the overlay's and the popup's). */
  spoilerSafe: boolean;
  dramaWideFacts: boolean;
  /** On a watch page that says nothing: which readers found nothing, for the popup's report. */
  diagnosis?: SiteDiagnosis | null;
}

/** Why the popup shows what it shows for a tab. */
export type TabStatus =
  | 'unsupported' // no content script: not a streaming site we support, or a browser page
  | 'site-off'
  | 'not-watch-page'
  | 'nothing-read' // a watch page whose title has not been read (yet)
  | 'not-in-catalog'
  | 'recognised';

/** The status of a tab from its content script's answer (null when no content script answered). */
export function tabStatus(state: TabState | null): TabStatus {
  if (!state) return 'unsupported';
  if (!state.siteOn) return 'site-off';
  if (state.view) return 'recognised';
  if (!state.watchPage) return 'not-watch-page';
  if (!state.playing) return 'nothing-read';
  return 'not-in-catalog';
}
