import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  getSettings,
  isSiteOn,
  watchSettings,
  withDefaults,
  type Settings,
} from '../../utils/preferences/settings';
import { resetSettings, settingsItem, updateSettings } from '../../utils/preferences/settings-store';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('starts from the defaults: everything on, spoiler-safe, top right', async () => {
    const settings = await getSettings();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.spoilerSafe).toBe(true);
    expect(Object.values(settings.sites).every(Boolean)).toBe(true);
  });

  it('reads what the versioned storage item writes (the content script reads the raw key)', async () => {
    await updateSettings({ position: 'bottom-left', cardSeconds: 20 });
    expect(await getSettings()).toMatchObject({ position: 'bottom-left', cardSeconds: 20, spoilerSafe: true });
    expect(await settingsItem.getValue()).toMatchObject({ position: 'bottom-left' });
  });

  it('completes settings stored by an older version with the defaults of what it did not know', () => {
    const old = { enabled: true, sites: { netflix: false, viki: true } } as unknown as Partial<Settings>;
    const settings = withDefaults(old);
    expect(settings.sites.netflix).toBe(false);
    expect(settings.sites.wetv).toBe(true); // a site added later
    expect(settings.theme).toBe('system');
  });

  it('keeps the choice a version-1 viewer made under "autoPopups", now "autoCards", before and after migrating', async () => {
    const v1 = { ...DEFAULT_SETTINGS, autoCards: undefined, autoPopups: false };
    delete v1.autoCards;
    await fakeBrowser.storage.sync.set({ settings: v1, settings$: { v: 1 } });
    // The content script reads the raw key, maybe before any migration ran.
    expect((await getSettings()).autoCards).toBe(false);
    // The popup and options page hold the versioned item, which migrates what is stored when it loads.
    await settingsItem.migrate();
    const migrated = (await fakeBrowser.storage.sync.get('settings')).settings as Record<string, unknown>;
    expect(migrated).toMatchObject({ autoCards: false });
    expect(migrated).not.toHaveProperty('autoPopups');
    await updateSettings({ cardSeconds: 20 });
    const stored = (await fakeBrowser.storage.sync.get('settings')).settings as Record<string, unknown>;
    expect(stored).toMatchObject({ autoCards: false, cardSeconds: 20 });
    expect(stored).not.toHaveProperty('autoPopups');
  });

  it('tells watchers about every change, complete, and stops when unwatched', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await updateSettings({ sites: { ...DEFAULT_SETTINGS.sites, netflix: false } });
    await resetSettings();
    unwatch();
    await updateSettings({ enabled: false });
    expect(seen.map((s) => isSiteOn(s, 'netflix'))).toEqual([false, true]);
    expect(seen.every((s) => s.theme === 'system')).toBe(true);
  });

  it('switches a site off with the master switch too', () => {
    expect(isSiteOn({ ...DEFAULT_SETTINGS, enabled: false }, 'viki')).toBe(false);
    expect(isSiteOn(DEFAULT_SETTINGS, 'viki')).toBe(true);
  });
});
