/**
 * When the loader (entrypoints/watch-loader/) brings in the content script: after
 * the page's load event, then at an idle moment, never before. A stand-in window
 * whose load event and idle callbacks the test fires itself.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_TIMEOUT_MS, whenPageSettled, type SettlingWindow } from '../../entrypoints/watch-loader/settle';

/** A window with a document in `readyState`, a load event to fire, and (optionally) idle callbacks. */
function standIn(readyState: DocumentReadyState, { idle = true } = {}) {
  const events = new EventTarget();
  const idleCallbacks: { callback: () => void; timeout: number }[] = [];
  const win: SettlingWindow = {
    document: { readyState },
    addEventListener: (type, listener, options) => events.addEventListener(type, listener, options),
    setTimeout: (callback, ms) => setTimeout(callback, ms) as unknown as number,
    ...(idle
      ? {
          requestIdleCallback: (callback: () => void, options: { timeout: number }) =>
            idleCallbacks.push({ callback, timeout: options.timeout }),
        }
      : {}),
  };
  return {
    win,
    idleCallbacks,
    load: () => {
      (win.document as { readyState: DocumentReadyState }).readyState = 'complete';
      events.dispatchEvent(new Event('load'));
    },
    idle: () => idleCallbacks.splice(0).forEach(({ callback }) => callback()),
  };
}

describe('the loader’s timing', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for the page’s load event, then for an idle moment, and runs once', () => {
    const page = standIn('interactive');
    const run = vi.fn();
    whenPageSettled(page.win, run);
    vi.advanceTimersByTime(10_000);
    expect(page.idleCallbacks).toHaveLength(0); // no idle wait before the load event
    expect(run).not.toHaveBeenCalled();

    page.load();
    expect(run).not.toHaveBeenCalled(); // not within the load event
    expect(page.idleCallbacks.map((c) => c.timeout)).toEqual([IDLE_TIMEOUT_MS]);

    page.idle();
    expect(run).toHaveBeenCalledTimes(1);
    page.load(); // a second load event (a page may fire one of its own) brings in nothing more
    page.idle();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('on a page already loaded, waits only for an idle moment', () => {
    const page = standIn('complete');
    const run = vi.fn();
    whenPageSettled(page.win, run);
    expect(run).not.toHaveBeenCalled();
    page.idle();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('without requestIdleCallback, runs in a task after the load event', () => {
    const page = standIn('loading', { idle: false });
    const run = vi.fn();
    whenPageSettled(page.win, run);
    vi.advanceTimersByTime(10_000);
    expect(run).not.toHaveBeenCalled();
    page.load();
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
