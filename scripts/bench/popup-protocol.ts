/**
 * What the popup benchmark's two halves share: the harness page inside the
 * bench extension (popup-harness.ts) and the script that runs it
 * (popup-timing.ts).
 */
import type { popupProbe } from './bench-page';

/** What the benchmark asks of a run (GET /config). */
export interface HarnessConfig {
  dramas: number;
  facts: number;
  runs: number;
  /** How many times to open popup.html in a new tab too (0: none). */
  tabRuns: number;
  /** A word only facts hold, typed once the words of facts are loaded. */
  factWord: string;
  /** The popup's performance marks to report. */
  marks: string[];
}

/** One open of a page, as the harness measured it. */
export interface PageOpen {
  /** The open call (openPopup or tabs.create) → the page's navigation start. */
  openToNavigation: number;
  /** Navigation start → HTML parsed. */
  domInteractive: number;
  /** Navigation start → each mark (NaN when the page never set it). */
  marks: Record<string, number>;
  /** The open call → interactive (the popup), or → its script's first mark (the blank page). */
  openToReady: number;
}

/** One open of the popup, with the queries typed into it. */
export interface PopupOpen extends PageOpen {
  focused: boolean;
  titleAnswer: number;
  titleRight: boolean;
  factAnswer: number;
}

export interface HarnessResult {
  seedMs: number;
  probe: Awaited<ReturnType<typeof popupProbe>>;
  /** The real toolbar popup. */
  popup: PopupOpen[];
  /** popup.html opened in a new tab (chrome.tabs.create), as the earlier method did, without a debugger. */
  tab: PopupOpen[];
  /** A blank extension page with one classic script, opened as the toolbar popup: the browser's own floor. */
  blank: PageOpen[];
}

/** The popup's performance marks, in the order they happen (entrypoints/popup/, utils/db/search-index-early-read.ts). */
export const POPUP_MARKS: [name: string, label: string][] = [
  ['bt-early-read', 'first script: reading the index starts (search-early-read.js)'],
  ['bt-script', 'popup script running (page and modules loaded)'],
  ['bt-rendered', 'first render committed, search box focused'],
  ['bt-db-open', 'IndexedDB open (by the early read, or else the popup)'],
  ['bt-titles-ready', 'titles part read and loaded: **interactive**'],
  ['bt-facts-ready', 'second part (people, words of facts) read and loaded'],
];

/** The bench copy's blank page (popup-timing.ts writes it). */
export const BLANK_PAGE = 'bench-blank.html';
/** The mark the blank page's one script sets. */
export const BLANK_MARK = 'bt-blank-script';
