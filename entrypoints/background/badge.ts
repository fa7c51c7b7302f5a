/**
 * The toolbar button's badge, per tab: what each frame of the tab last said it
 * shows (`showBadge`), combined (utils/messaging/tab-badge.ts) and set with the
 * toolbar button's API.
 *
 * A new page in a tab starts afresh: the browser clears the badge of a new
 * document itself, and every report says when its document started
 * (`performance.timeOrigin`), so a report of the top frame drops what frames of
 * an older page said (every frame of a page starts after the page itself).
 * A player frame that a page removes without loading another keeps its count
 * until the tab loads a page: a message sent from `pagehide` as a frame goes did
 * not arrive in Chromium.
 *
 * No tab events are followed: `tabs.onUpdated` fires for every change of every
 * tab in the browser (loading, title, sound), and each would wake the background,
 * during the very page loads it should stay out of. What a closed tab said stays
 * in memory until the background next stops (a few numbers; it stops after 30 s idle).
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

export interface TabBadges {
  /**
   * A frame of a tab said what it shows: sets the tab's badge from all its frames. `documentStart`
   * is when the frame's document started (ms since 1970); the top frame's report drops the
   * reports of documents older than its own.
   */
  report(tabId: number, frameId: number, report: BadgeReport, documentStart?: number): Promise<void>;
}

/** What a frame last said, when it said more than nothing, and when its document started. */
interface FrameReport {
  report: Exclude<BadgeReport, null>;
  since: number;
}

export function createTabBadges(action: ToolbarAction | null): TabBadges {
  /** Per tab, each frame's report by frameId. */
  const tabs = new Map<number, Map<number, FrameReport>>();

  // A tab closed meanwhile refuses: nothing to show then.
  const ignore = () => undefined;

  return {
    async report(tabId, frameId, report, documentStart = 0) {
      const frames = tabs.get(tabId) ?? new Map<number, FrameReport>();
      // The top frame's page: frames of an older page (which started before it) are gone.
      if (frameId === 0) for (const [id, frame] of frames) if (frame.since < documentStart) frames.delete(id);
      if (report === null) frames.delete(frameId);
      else frames.set(frameId, { report, since: documentStart });
      if (frames.size > 0) tabs.set(tabId, frames);
      else tabs.delete(tabId);

      if (!action) return;
      const look = badgeLook(tabReport([...frames.values()].map((frame) => frame.report)));
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
