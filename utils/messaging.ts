/**
 * Every message between the extension's parts, in one place. Content scripts,
 * the popup and the options page send; the background answers (it alone opens
 * IndexedDB). Built on @webext-core/messaging for typed send/receive.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { EpisodeView } from './db/lookup';
import type { Playing } from './sites/types';

export interface ProtocolMap {
  /** What the catalog knows about what a page is playing; null when nothing. */
  lookupEpisode(playing: Playing): EpisodeView | null;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
