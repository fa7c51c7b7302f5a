/**
 * What a page must not be able to do to the content script: switch it off, or stop
 * the overlay from mounting. Both gaps are WXT 0.21.4's (docs/upstream.md has a
 * minimal reproduction for its maintainers).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * WXT invalidates a content script's context when the document receives the
 * custom event `<extension id>:<entrypoint>:wxt:content-script-started` from
 * another instance of the same script (to stop the old one after a re-injection).
 * Any page script can dispatch that event (content-script events carry no mark a
 * page's lack), and it switched the overlay off. Nothing of ours is re-injected
 * into a running page (no `scripting` permission, and an orphaned script notices
 * by itself: noticeInvalidation), so the event is ignored altogether.
 */
export function ignoreScriptStartedEvents(ctx: ContentScriptContext): void {
  // WXT asks this of each event as it arrives, so replacing it on the context is enough.
  ctx.verifyScriptStartedEvent = () => false;
}

/**
 * The overlay's host element: a custom element name the page cannot know in
 * advance, so it cannot define that name first (a page-defined element upgrades
 * ours, and its constructor can take the shadow root or remove it). The attribute
 * `data-between-takes` is how tests and our own code find it.
 */
export function overlayHostName(): string {
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `between-takes-${[...random].map((n) => n.toString(36)).join('')}`;
}

export const OVERLAY_HOST_ATTRIBUTE = 'data-between-takes';
export const OVERLAY_HOST_SELECTOR = `[${OVERLAY_HOST_ATTRIBUTE}]`;
