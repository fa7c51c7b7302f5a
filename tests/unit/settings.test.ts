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
