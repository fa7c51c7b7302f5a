/**
 * The remote-packs setting: off (no manifest URL) by default. Kept in its own
 * local storage item, apart from the sync settings, because the last result is
 * about this browser's database, not the viewer's preferences.
 */
import { storage } from 'wxt/utils/storage';
import type { RemoteResult } from '../db/remote-packs';

export interface RemotePacksSetting {
  /** The pack manifest's URL; '' means remote packs are off. */
  manifestUrl: string;
  /** The last update's outcome and when it ended. */
  last: { at: number; result: RemoteResult } | null;
}

export const REMOTE_PACKS_OFF: RemotePacksSetting = { manifestUrl: '', last: null };

export const remotePacksItem = storage.defineItem<RemotePacksSetting>('local:remotePacks', {
  fallback: REMOTE_PACKS_OFF,
  version: 1,
});
