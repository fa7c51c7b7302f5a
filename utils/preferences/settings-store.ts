/**
 * Writing the viewer's settings (the popup and the options page): a WXT storage
 * item with a version, so a later release can migrate what is stored.
 */
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  getSettings,
  SETTINGS_KEY,
  withDefaults,
  type Settings,
  type StoredSettings,
} from './settings';

/** Bump with a migration in `migrations` when a field changes meaning. */
export const SETTINGS_VERSION = 2;

export const settingsItem = storage.defineItem<Settings>(`sync:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: {
    // Version 2 calls the cards cards: "autoPopups" became "autoCards", the viewer's choice kept.
    2: (stored: StoredSettings) => withDefaults(stored),
  },
});

/** Changes some settings, keeping the rest. */
export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = withDefaults({ ...(await getSettings()), ...change });
  await settingsItem.setValue(next);
  return next;
}

export async function resetSettings(): Promise<Settings> {
  await settingsItem.setValue(DEFAULT_SETTINGS);
  return DEFAULT_SETTINGS;
}
