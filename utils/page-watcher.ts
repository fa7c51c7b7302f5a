/**
 * Notices what a streaming page is playing, and when that changes, without a
 * polling loop and without an observer left on the whole document:
 *
 * - URL changes (client-side navigation) through WXT's `wxt:locationchange`;
 * - a new video (`loadedmetadata`, `emptied`), caught in the capture phase on
 *   the document because media events do not bubble;
 * - `document.title` changes, through an observer on <head> only;
 * - the player's title bar appearing or changing, through an observer on the
 *   player container, or on <body> only while no player container exists yet.
 *
 * A trigger schedules a read right after the current task (so the title shows
 * without delay), and reads are kept at least MIN_READ_INTERVAL_MS apart, so a
 * page mutating a thousand times a second costs ten reads a second.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Playing, SiteAdapter } from './sites/types';

/** The shortest time between two reads of the page. */
export const MIN_READ_INTERVAL_MS = 100;

/** Media events that mean the player loaded or dropped a video. */
const MEDIA_EVENTS = ['loadedmetadata', 'emptied', 'durationchange'] as const;

function samePlaying(a: Playing | null, b: Playing | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The URL without its fragment: what identifies one video on every site. */
function pageKey(url: URL): string {
  return url.origin + url.pathname + url.search;
}

/**
 * Calls `onChange` with what the page is playing whenever that changes (null on
 * pages that play nothing we can read). While the URL stays the same, a read
 * that finds nothing keeps the last answer: players hide their title bar when
 * the controls fade. Returns a function that stops watching.
 */
export function watchPlaying(
  ctx: ContentScriptContext,
  site: SiteAdapter,
  onChange: (playing: Playing | null) => void,
): () => void {
  let current: Playing | null = null;
  let currentPage = '';
  let timer: number | undefined;
  let lastRead = -Infinity;
  let observedContainer: Element | null = null;

  const containerObserver = new MutationObserver(schedule);
  const headObserver = new MutationObserver(schedule);

  function observeContainer() {
    const container = site.isWatchPage(new URL(location.href))
      ? (site.playerContainer(document) ?? document.body)
      : null;
    if (container === observedContainer) return;
    containerObserver.disconnect();
    observedContainer = container;
    if (container) containerObserver.observe(container, { childList: true, subtree: true, characterData: true });
  }

  const stopped = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stopped.signal]);

  function read() {
    timer = undefined;
    if (signal.aborted) return;
    lastRead = performance.now();
    const url = new URL(location.href);
    observeContainer();
    const page = pageKey(url);
    let next = site.read(document, url);
    if (next === null && page === currentPage && site.isWatchPage(url)) next = current;
    currentPage = page;
    if (samePlaying(next, current)) return;
    current = next;
    onChange(next);
  }

  function schedule() {
    if (timer !== undefined || signal.aborted) return;
    // Not ctx.setTimeout: WXT's wrapper adds an abort listener per call and never
    // removes it, which leaks one listener per read. This timer is cleared on abort.
    timer = window.setTimeout(read, Math.max(0, lastRead + MIN_READ_INTERVAL_MS - performance.now()));
  }

  // WXT starts its URL watcher only for listeners added through the context.
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  for (const type of MEDIA_EVENTS) document.addEventListener(type, schedule, { capture: true, signal });
  if (document.head) headObserver.observe(document.head, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    containerObserver.disconnect();
    headObserver.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });
  read();
  return () => stopped.abort();
}
