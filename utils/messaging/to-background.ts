/**
 * Every message the background answers, in one map: content scripts, the
 * popup and the options page send them; only the background registers
 * handlers (entrypoints/background/router.ts routes each to its handler).
 * Built on @webext-core/messaging for typed send/receive.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Pack, PackProblem } from '../catalog/pack';
import type { Drama } from '../catalog/types';
import type { CorrectionInput } from '../db/corrections';
import type { OwnFact } from '../db/database';
import type { DraftProblem, ImportSummary, OwnFactDraft } from '../db/own-facts';
import type { RemoteResult } from '../db/remote-packs';
import type { Playing, SiteId } from '../sites/types';
import type { BadgeMessage } from './tab-badge';
import type { EpisodeView, OwnFactsView } from './views';

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

export interface BackgroundProtocol {
  // ── From content scripts ──
  /** What the catalog knows about what a page is playing; null when nothing. The viewer's own
   *  facts are in it only when an extension page asks. */
  lookupEpisode(playing: Playing): EpisodeView | null;
  /** A fact popped up or was dismissed: it does not pop again in that episode. */
  markSeen(seen: SeenMessage): void;
  /** What this frame shows, for the toolbar button's badge on its tab (tab-badge.ts). */
  showBadge(message: BadgeMessage): void;

  // ── From the extension's own pages (popup, options, the own-facts frame) ──
  // The viewer's own facts are read and written only here: a content script shares its
  // page with the page's scripts, so its lookups come without them (lookupEpisode).
  /** The viewer's facts about an episode of a drama and about the whole drama; null for no such drama. */
  ownFactsFor(target: { dramaId: string; episode: number | null }): OwnFactsView | null;
  /** Adds a fact the viewer wrote (the own-facts frame). */
  addOwnFact(draft: OwnFactDraft): OwnFactResult;
  /** Edits one of the viewer's facts. */
  updateOwnFact(change: { id: string; draft: OwnFactDraft }): OwnFactResult;
  /** Deletes one of the viewer's facts; ok is false when there was no such fact. */
  deleteOwnFact(target: { id: string }): { ok: boolean };
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
}

export const { sendMessage: sendToBackground, onMessage: onBackgroundMessage } =
  defineExtensionMessaging<BackgroundProtocol>();
