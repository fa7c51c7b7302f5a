/**
 * What the popup's components need from the outside world, as one interface:
 * the real implementation (entrypoints/popup/services.ts) talks to IndexedDB,
 * the settings and the tab; tests pass their own.
 */
import type { CorrectionInput } from '../../utils/db/corrections';
import type { SourcedFact } from '../../utils/catalog/fact-source';
import type { SearchIndex } from '../../utils/search/search-index';
import type { SiteId } from '../../utils/sites/types';
import type { TabState } from '../../utils/messaging/tab-state';

/** The search index, in two steps, so the search box answers before people and the words of facts are read. */
export interface IndexLoading {
  /** Every name of every drama: title queries answer from this. */
  titles: Promise<SearchIndex>;
  /** The whole index, with people and the words of facts. */
  full: Promise<SearchIndex>;
}

export interface PopupServices {
  /** False when IndexedDB is unavailable: the built-in catalog is shown and nothing can be saved. */
  storagePersistent(): Promise<boolean>;
  /** The search index over the whole catalog (already loading: the same answer on every call). */
  loadIndex(): IndexLoading;
  /** Every fact of a drama with its source, drama-wide first, then by episode. */
  factsOfDrama(dramaId: string): Promise<SourcedFact[]>;
  /** The highest episode of a drama the viewer has watched; 0 for none. */
  progressIn(dramaId: string): Promise<number>;
  /** What the tab's content script sees; null when the tab has none. */
  tabState(): Promise<TabState | null>;
  /** Makes the tab ask the background again, then says what it shows. */
  refreshTab(): Promise<TabState | null>;
  /** Switches Between Takes on or off for a site. */
  setSiteOn(site: SiteId, on: boolean): Promise<void>;
  /** Remembers a correction; false if the background refused it. */
  setCorrection(correction: CorrectionInput): Promise<boolean>;
  clearCorrection(site: SiteId, seriesKey: string): Promise<boolean>;
}
