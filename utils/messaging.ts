/**
 * Every message between the extension's parts, in one place. Content scripts,
 * the popup and the options page send; the background answers (it alone opens
 * IndexedDB). Built on @webext-core/messaging for typed send/receive.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Pack, PackProblem } from './catalog/pack';
import type { Drama } from './catalog/types';
import type { OwnFact } from './db/facts-store';
import type { EpisodeView } from './db/lookup';
import type { DraftProblem, ImportSummary, OwnFactDraft } from './db/own-facts';
import type { RemoteResult } from './db/remote-packs';
import type { Playing } from './sites/types';

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

/** What the options page needs of a drama: article import and the drama picker. */
export type DramaSummary = Pick<Drama, 'id' | 'title' | 'titleKo' | 'romanized' | 'aliases' | 'episodes' | 'cast'>;

export interface ProtocolMap {
  // Content script → background
  /** What the catalog knows about what a page is playing; null when nothing. */
  lookupEpisode(playing: Playing): EpisodeView | null;
  /** A fact popped up or was dismissed: it does not pop again in that episode. */
  markSeen(seen: SeenMessage): void;

  // Background → content script
  /** The viewer pressed the show/hide shortcut (a manifest command). */
  toggleOverlay(): void;
  /** Adds a fact the viewer wrote (overlay, options page). */
  addOwnFact(draft: OwnFactDraft): OwnFactResult;
  /** Edits one of the viewer's facts. */
  updateOwnFact(change: { id: string; draft: OwnFactDraft }): OwnFactResult;
  /** Deletes one of the viewer's facts; ok is false when there was no such fact. */
  deleteOwnFact(target: { id: string }): { ok: boolean };
  /** Every fact the viewer wrote, as an "own-facts" pack (options page only). */
  exportOwnFacts(): Pack;
  /** Imports a pack's JSON text, whole or not at all (options page only). */
  importPack(file: { json: string }): ImportResult;
  /** Every drama in the catalog, by title (options page only). */
  listDramas(): DramaSummary[];
  /** Fetches changed shards from a remote pack manifest and swaps them in (options page only). */
  updateRemotePacks(target: { manifestUrl: string }): RemoteResult;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
