/**
 * Every message between the extension's parts, in one place. Content scripts,
 * the popup and the options page send to the background (it alone seeds
 * IndexedDB and writes the viewer's corrections); the popup also sends to the
 * content script of one tab. Built on @webext-core/messaging for typed
 * send/receive.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CorrectionInput } from './db/corrections';
import type { EpisodeView } from './db/lookup';
import type { Playing, SiteId } from './sites/types';
import type { TabState } from './tab-state';

export interface ProtocolMap {
  /** To the background: what the catalog knows about what a page is playing; null when nothing. */
  lookupEpisode(playing: Playing): EpisodeView | null;
  /** To the background: seed the catalog and its search index if not done yet (the popup then reads them). */
  prepareCatalog(): boolean;
  /** To the background, from the popup: remember "this series on this site is that drama". False if refused. */
  setCorrection(correction: CorrectionInput): boolean;
  /** To the background, from the popup: forget a correction. Whether there was one. */
  clearCorrection(series: { site: SiteId; seriesKey: string }): boolean;
  /** To a tab's content script: what it sees and shows. */
  tabState(): TabState;
  /** To a tab's content script: ask the background again (a correction changed), then say what it shows. */
  refreshTab(): TabState;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
