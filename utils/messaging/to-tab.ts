/**
 * Every message a tab's content script answers: the background relays the
 * show/hide shortcut, the popup asks what the tab shows. Only the content
 * script's entry registers handlers.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { TabState } from './tab-state';

/** The manifest command that shows and hides the overlay (declared in wxt.config.ts). */
export const TOGGLE_OVERLAY_COMMAND = 'toggle-overlay';

export interface TabProtocol {
  /** The viewer pressed the show/hide shortcut (a manifest command). */
  toggleOverlay(): void;
  /** What it sees and shows (the popup's "This tab"). */
  tabState(): TabState;
  /** Ask the background again (a correction changed), then say what it shows. */
  refreshTab(): TabState;
}

export const { sendMessage: sendToTab, onMessage: onTabMessage } = defineExtensionMessaging<TabProtocol>();
