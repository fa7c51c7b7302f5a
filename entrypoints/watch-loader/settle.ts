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

/**
 * Calls `run` once, after the page's load event and then an idle moment, and
 * `loaded` (if given) at the load event. Returns `hurry`: someone is waiting for
 * the content script (the toolbar popup asked this tab what it shows), so once
 * the page has loaded it runs at once, without waiting for the idle moment.
 * Never before the load event.
 */
export function whenPageSettled(win: SettlingWindow, run: () => void, loaded?: () => void): () => void {
  let ran = false;
  let hasLoaded = false;
  let hurried = false;
  const once = () => {
    if (ran) return;
    ran = true;
    run();
  };
  const idle = () => {
    hasLoaded = true;
    loaded?.();
    if (hurried) once();
    else if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(once, { timeout: IDLE_TIMEOUT_MS });
    else win.setTimeout(once, 0);
  };
  // At document_idle the page may have loaded already (Firefox injects after it, Chrome on a fast page).
  if (win.document.readyState === 'complete') idle();
  else win.addEventListener('load', idle, { once: true });
  return () => {
    hurried = true;
    if (hasLoaded) once();
  };
}
