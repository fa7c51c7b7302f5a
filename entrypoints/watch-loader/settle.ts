/**
 * When the loader brings in the content script: after the page's load event,
 * at the first idle moment that follows (or after IDLE_TIMEOUT_MS at most, on a
 * page that keeps its main thread busy). Nothing of ours then competes with the
 * page's own loading, and the page's first work after it takes precedence.
 */

/** The longest the content script waits for an idle moment once the page has loaded. */
export const IDLE_TIMEOUT_MS = 1000;

/** What whenPageSettled needs of a window (a real one in the loader, a stand-in in tests). */
export interface SettlingWindow {
  readonly document: { readonly readyState: DocumentReadyState };
  addEventListener(type: 'load', listener: () => void, options: { once: true }): void;
  requestIdleCallback?: (callback: () => void, options: { timeout: number }) => number;
  setTimeout(callback: () => void, ms: number): number;
}

/** Calls `run` once, after the page's load event and then an idle moment. */
export function whenPageSettled(win: SettlingWindow, run: () => void): void {
  const idle = () => {
    if (typeof win.requestIdleCallback === 'function')
      win.requestIdleCallback(() => run(), { timeout: IDLE_TIMEOUT_MS });
    else win.setTimeout(run, 0);
  };
  // At document_idle the page may have loaded already (Firefox injects after it, Chrome on a fast page).
  if (win.document.readyState === 'complete') idle();
  else win.addEventListener('load', idle, { once: true });
}
