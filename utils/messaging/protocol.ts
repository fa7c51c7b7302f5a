/**
 * Every message between the extension's parts, in one place. Content scripts,
 * the popup and the options page send; the background answers (it alone opens
 * IndexedDB for content scripts). Built on @webext-core/messaging for typed
 * send/receive.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Pack, PackProblem } from '../catalog/pack';
import type { Drama } from '../catalog/types';
import type { CorrectionInput } from '../db/corrections';
import type { OwnFact } from '../db/database';
import type { EpisodeView } from '../../entrypoints/background/lookup';
import type { DraftProblem, ImportSummary, OwnFactDraft } from '../db/own-facts';
import type { RemoteResult } from '../db/remote-packs';
import type { Playing, SiteId } from '../sites/types';
import type { TabState } from './tab-state';

/** The manifest command that shows and hides the overlay (declared in wxt.config.ts). */
export const TOGGLE_OVERLAY_COMMAND = 'toggle-overlay';

export interface SeenMessage {
  dramaId: string;
  episode: number | null;
  factId: string;
}

/** The answer to adding or editing one of the viewer's facts. */
export type OwnFactResult = { ok: true; fact: OwnFact } | { ok: false; problems: DraftProblem[] };

/** The answer to a pack import. */
export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; problems: PackProblem[] };

/** Whether the background reached IndexedDB, or answers from the built-in catalog in memory. */
export type StorageStatus = { persistent: true } | { persistent: false; reason: string };

/** What the options page needs of a drama: article import and the drama picker. */
export type DramaSummary = Pick<Drama, 'id' | 'title' | 'titleKo' | 'romanized' | 'aliases' | 'episodes' | 'cast'>;

export interface ProtocolMap {
  // ── To the background, from content scripts ──
  /** What the catalog knows about what a page is playing; null when nothing. */
  lookupEpisode(playing: Playing): EpisodeView | null;
  /** A fact popped up or was dismissed: it does not pop again in that episode. */
  markSeen(seen: SeenMessage): void;
  /** Adds a fact the viewer wrote (overlay). */
  addOwnFact(draft: OwnFactDraft): OwnFactResult;
  /** Edits one of the viewer's facts. */
  updateOwnFact(change: { id: string; draft: OwnFactDraft }): OwnFactResult;
  /** Deletes one of the viewer's facts; ok is false when there was no such fact. */
  deleteOwnFact(target: { id: string }): { ok: boolean };

  // ── To the background, from the extension's own pages (popup, options) ──
  /** Whether the viewer's data can be saved (false: IndexedDB is unavailable, the built-in catalog is in use). */
  storageStatus(): StorageStatus;
  /** Seed the catalog and its search index if not done yet (the popup then reads them). */
  prepareCatalog(): boolean;
  /** Remember "this series on this site is that drama". False if refused. */
  setCorrection(correction: CorrectionInput): boolean;
  /** Forget a correction. Whether there was one. */
  clearCorrection(series: { site: SiteId; seriesKey: string }): boolean;
  /** Every fact the viewer wrote, as an "own-facts" pack. */
  exportOwnFacts(): Pack;
  /** Imports a pack's JSON text, whole or not at all. */
  importPack(file: { json: string }): ImportResult;
  /** Every drama in the catalog, by title. */
  listDramas(): DramaSummary[];
  /** Fetches changed shards from a remote pack manifest and swaps them in. */
  updateRemotePacks(target: { manifestUrl: string }): RemoteResult;

  // ── To a tab's content script ──
  /** The viewer pressed the show/hide shortcut (a manifest command). */
  toggleOverlay(): void;
  /** What it sees and shows (the popup's "This tab"). */
  tabState(): TabState;
  /** Ask the background again (a correction changed), then say what it shows. */
  refreshTab(): TabState;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
