/**
 * The viewer's settings: one WXT storage item in the sync area (so they follow
 * the viewer's browser profile), with versioned defaults. Every part of the
 * extension reads them through here; content scripts watch them and apply
 * changes to open tabs at once.
 *
 * Reading and watching go straight to `browser.storage.sync` (the item's value
 * lives under its plain key, "settings"): the content script then does not
 * carry @wxt-dev/storage, a fifth of its size. Writing goes through the storage
 * item (settings-store.ts), which keeps the version and runs migrations.
 */
import { browser } from 'wxt/browser';
import { SITE_IDS, type Corner, type SiteId } from '../sites/types';

export type CardPosition = Corner;
export type Theme = 'system' | 'light' | 'dark';

/**
 * How the overlay (and its own-facts frame) looks over video: dark unless the
 * viewer picks light. "System" means dark there, whatever the system's or the
 * page's scheme: a light panel glares over a dark picture. The popup and the
 * options page, which are not over video, follow the system's scheme.
 */
export function overlayTheme(theme: Theme): 'light' | 'dark' {
  return theme === 'light' ? 'light' : 'dark';
}

export interface Settings {
  /** Master switch: off means Between Takes does nothing on any site. */
  enabled: boolean;
  /** Per-site switches. */
  sites: Record<SiteId, boolean>;
  /** Fact cards pop up on their own while the episode plays. */
  autoCards: boolean;
  /** How long a card stays, in seconds. */
  cardSeconds: number;
  /** The shortest gap between two cards, in seconds. */
  cardGapSeconds: number;
  /** Which corner of the player the overlay and its cards sit in. */
  position: CardPosition;
  /** Veil facts about moments later in the episode until they happen. */
  spoilerSafe: boolean;
  /** Show facts about the drama as a whole, not only the episode. */
  dramaWideFacts: boolean;
  theme: Theme;
}

/** Defaults a new viewer starts with; also what "Reset to defaults" restores. */
export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  sites: Object.fromEntries(SITE_IDS.map((id) => [id, true])) as Record<SiteId, boolean>,
  autoCards: true,
  cardSeconds: 12,
  cardGapSeconds: 90,
  position: 'top-right',
  spoilerSafe: true,
  dramaWideFacts: true,
  theme: 'system',
};

/** The key of the settings item in the sync storage area. */
export const SETTINGS_KEY = 'settings';

/** Settings as any version stored them: version 1 called `autoCards` "autoPopups". */
export type StoredSettings = Partial<Settings> & { autoPopups?: boolean };

/**
 * Settings as stored, completed with defaults: a field added in a later version,
 * or a site added later, takes its default rather than being undefined, and a
 * field an earlier version named otherwise keeps the viewer's value under its
 * new name (whatever context reads first, before any migration has run).
 */
export function withDefaults(stored: StoredSettings | null | undefined): Settings {
  const { autoPopups, ...current } = stored ?? {};
  return {
    ...DEFAULT_SETTINGS,
    ...(autoPopups === undefined ? {} : { autoCards: autoPopups }),
    ...current,
    sites: { ...DEFAULT_SETTINGS.sites, ...current.sites },
  };
}

export async function getSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return withDefaults(stored[SETTINGS_KEY] as StoredSettings | undefined);
}

/** Calls `onChange` with the complete settings whenever they change; returns an unwatch function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) {
      onChange(withDefaults(changes[SETTINGS_KEY]!.newValue as StoredSettings | undefined));
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Whether Between Takes should run on a site with these settings. */
export function isSiteOn(settings: Settings, site: SiteId): boolean {
  return settings.enabled && settings.sites[site];
}
