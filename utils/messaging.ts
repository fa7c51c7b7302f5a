/**
 * Every message between the extension's parts, in one place. Content scripts,
 * the popup and the options page send; the background answers (it alone opens
 * IndexedDB). Built on @webext-core/messaging for typed send/receive.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { EpisodeView } from './db/lookup';
import type { Playing } from './sites/types';

/** The manifest command that shows and hides the overlay (declared in wxt.config.ts). */
export const TOGGLE_OVERLAY_COMMAND = 'toggle-overlay';

export interface SeenMessage {
  dramaId: string;
  episode: number | null;
  factId: string;
}

export interface ProtocolMap {
  // Content script → background
  /** What the catalog knows about what a page is playing; null when nothing. */
  lookupEpisode(playing: Playing): EpisodeView | null;
  /** A fact popped up or was dismissed: it does not pop again in that episode. */
  markSeen(seen: SeenMessage): void;

  // Background → content script
  /** The viewer pressed the show/hide shortcut (a manifest command). */
  toggleOverlay(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
