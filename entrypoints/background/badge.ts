/**
 * The toolbar button's badge, per tab: what each frame of the tab last said it
 * shows (`showBadge`), combined (utils/messaging/tab-badge.ts) and set with the
 * toolbar button's API. When a tab loads a page (a new document, or a site's
 * own navigation, which Chrome reports the same way) or closes, what its frames
 * said is dropped: the browser clears the badge of a new document itself, and a
 * page that stays says what it shows when that changes.
 *
 * The background listens to tab events only while some tab has something to
 * say, so it is not woken for every page the browser loads. Neither event needs
 * the tabs permission (only a tab's URL and title would).
 */
import { browser } from 'wxt/browser';
import { BADGE_COLORS, badgeLook, tabReport, type BadgeReport } from '../../utils/messaging/tab-badge';

/** The part of the toolbar button's API the badge needs: Chrome's `action` (MV3) and Firefox's `browserAction` (MV2) both have it. */
export interface ToolbarAction {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  /** Chrome 110+ and Firefox; left alone where missing (the browser's default, white, is used). */
  setBadgeTextColor?(details: { tabId: number; color: string }): Promise<void>;
}

/** Where the toolbar button's API lives: `action` in Manifest V3, `browserAction` in Firefox's Manifest V2. */
export function toolbarAction(
  api: { action?: ToolbarAction; browserAction?: ToolbarAction } = browser as never,
): ToolbarAction | null {
  return api.action ?? api.browserAction ?? null;
}

interface Listenable<F> {
  addListener(listener: F): void;
  removeListener(listener: F): void;
}

/** The tab events the badges follow (browser.tabs in the extension). */
export interface TabEvents {
  onUpdated: Listenable<(tabId: number, change: { status?: string }) => void>;
  onRemoved: Listenable<(tabId: number) => void>;
}

export interface TabBadges {
  /** A frame of a tab said what it shows: sets the tab's badge from all its frames. */
  report(tabId: number, frameId: number, report: BadgeReport): Promise<void>;
}

export function createTabBadges(
  action: ToolbarAction | null,
  events: TabEvents = browser.tabs as unknown as TabEvents,
): TabBadges {
  /** Per tab, what each frame (by frameId) last said, when it said more than nothing. */
  const tabs = new Map<number, Map<number, Exclude<BadgeReport, null>>>();

  const forget = (tabId: number) => {
    tabs.delete(tabId);
    if (tabs.size === 0) listen(false);
  };
  const onUpdated = (tabId: number, change: { status?: string }) => {
    if (change.status === 'loading') forget(tabId);
  };
  let listening = false;
  function listen(on: boolean) {
    if (on === listening) return;
    listening = on;
    if (on) {
      events.onUpdated.addListener(onUpdated);
      events.onRemoved.addListener(forget);
    } else {
      events.onUpdated.removeListener(onUpdated);
      events.onRemoved.removeListener(forget);
    }
  }

  // A tab closed meanwhile refuses: nothing to show then.
  const ignore = () => undefined;

  return {
    async report(tabId, frameId, report) {
      const frames = tabs.get(tabId) ?? new Map<number, Exclude<BadgeReport, null>>();
      if (report === null) frames.delete(frameId);
      else frames.set(frameId, report);
      if (frames.size > 0) {
        tabs.set(tabId, frames);
        listen(true);
      } else forget(tabId);

      if (!action) return;
      const look = badgeLook(tabReport(frames.values()));
      if (!look) {
        await action.setBadgeText({ tabId, text: '' }).catch(ignore);
        return;
      }
      await Promise.all([
        action.setBadgeBackgroundColor({ tabId, color: look.background }).catch(ignore),
        action.setBadgeTextColor?.({ tabId, color: BADGE_COLORS.text }).catch(ignore),
        action.setBadgeText({ tabId, text: look.text }).catch(ignore),
      ]);
    },
  };
}
