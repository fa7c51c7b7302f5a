/**
 * Notices what a streaming page is playing, and when that changes, without a
 * polling loop and without an observer left on the whole document:
 *
 * - URL changes (client-side navigation) through WXT's `wxt:locationchange`;
 * - a new video (`loadstart`, `loadedmetadata`, `emptied`…), caught in the
 *   capture phase on the document because media events do not bubble;
 * - on watch pages only: `document.title` changes, through an observer on
 *   <head>;
 * - the player's title bar appearing or changing, through an observer on the
 *   player container (and the open shadow roots inside it);
 * - the player replacing its container (Prime Video builds a new one per
 *   video), through an observer on the container's parent, child list only;
 * - the page replacing <body> or <head> (some single-page apps rebuild the
 *   whole document), through an observer on <html>, child list only;
 * - the page world's answer changing (Netflix moving to the next episode by
 *   itself, its metadata arriving late), for sites that read it (page-world.ts).
 *
 * Only while a watch page has no player container yet is <body> observed; once
 * a container is known only it is. On other pages nothing is observed: only
 * URL changes wake the watcher.
 *
 * A trigger schedules a read right after the current task (so a title shows
 * without delay), and reads are kept at least MIN_READ_INTERVAL_MS apart, so a
 * page mutating a thousand times a second costs twenty reads a second.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Playing, SiteAdapter } from '../../utils/sites/types';
import type { PageWorld } from './page-world';

/** The shortest time between two reads of the page: well under the one second a change must be noticed in. */
export const MIN_READ_INTERVAL_MS = 50;

/** Media events that mean the player loaded, swapped or dropped a video. */
const MEDIA_EVENTS = ['loadstart', 'loadedmetadata', 'emptied', 'durationchange'] as const;

/** What of WXT's content-script context the watcher uses: everything it starts is tied to it. */
export type WatcherContext = Pick<ContentScriptContext, 'isValid' | 'signal' | 'addEventListener'>;

/** Called when the player container the overlay should live in changes (null when there is none). */
export type ContainerListener = (container: Element | null) => void;

function samePlaying(a: Playing | null, b: Playing | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The URL without its fragment: what identifies one video on every site. */
function pageKey(url: URL): string {
  return url.origin + url.pathname + url.search;
}

/** Open shadow roots inside `root` (web-component players keep their title fields there). */
function shadowRootsIn(root: Element): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (el: Element) => {
    if (el.shadowRoot) {
      found.push(el.shadowRoot);
      for (const inner of el.shadowRoot.querySelectorAll('*')) visit(inner);
    }
  };
  visit(root);
  for (const el of root.querySelectorAll('*')) visit(el);
  return found;
}

const SUBTREE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/**
 * Calls `onChange` with what the page is playing whenever that changes (null on
 * pages that play nothing we can read), and `onContainer` when the player
 * container appears, is replaced or goes. While the URL stays the same, a read
 * that finds nothing keeps the last answer: players hide their title bar when
 * the controls fade. Returns a function that stops watching.
 */
export function watchPlaying(
  ctx: WatcherContext,
  site: SiteAdapter,
  onChange: (playing: Playing | null) => void,
  onContainer: ContainerListener = () => {},
  pageWorld?: PageWorld,
): () => void {
  let current: Playing | null = null;
  let currentPage = '';
  let timer: number | undefined;
  let lastRead = -Infinity;
  let container: Element | null = null;
  /** The <body> observed while a watch page has no player container yet. */
  let watchedBody: HTMLElement | null = null;
  let watchedHead: HTMLHeadElement | null = null;
  let watchingDocument = false;
  let observedRoots = new WeakSet<Node>();

  // One observer for the player (container and its shadow roots) or, while
  // there is none, <body>; one for the container's parent; one for <head>.
  const playerObserver = new MutationObserver(schedule);
  const parentObserver = new MutationObserver(schedule);
  const headObserver = new MutationObserver(schedule);
  // Child list of <html> only: notices a page that replaces <body> (and with it
  // the player) or <head>, which the observers above, on the old nodes, cannot.
  const documentObserver = new MutationObserver(schedule);
  const stopped = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stopped.signal]);

  function stopPlayerObservers() {
    playerObserver.disconnect();
    parentObserver.disconnect();
    observedRoots = new WeakSet<Node>();
    watchedBody = null;
  }

  function setContainer(next: Element | null) {
    if (next === container) return;
    container = next;
    onContainer(next);
  }

  /** Points the observers at what matters on this page now. */
  function refreshObservers(isWatchPage: boolean) {
    if (!isWatchPage) {
      stopPlayerObservers();
      headObserver.disconnect();
      documentObserver.disconnect();
      watchedHead = null;
      watchingDocument = false;
      setContainer(null);
      return;
    }
    if (!watchingDocument) {
      documentObserver.observe(document.documentElement, { childList: true });
      watchingDocument = true;
    }
    if (watchedHead !== document.head && document.head) {
      headObserver.disconnect();
      headObserver.observe(document.head, SUBTREE);
      watchedHead = document.head;
    }
    const found = site.playerContainer(document);
    if (!found) {
      setContainer(null);
      if (watchedBody !== document.body && document.body) {
        stopPlayerObservers();
        playerObserver.observe(document.body, SUBTREE);
        watchedBody = document.body;
      }
      return;
    }
    if (found !== container || watchedBody) {
      stopPlayerObservers();
      playerObserver.observe(found, SUBTREE);
      if (found.parentNode) parentObserver.observe(found.parentNode, { childList: true });
      setContainer(found);
    }
    // Shadow roots can be attached after the container was found (custom
    // elements upgrade late); observe each one once.
    for (const root of shadowRootsIn(found)) {
      if (observedRoots.has(root)) continue;
      observedRoots.add(root);
      playerObserver.observe(root, SUBTREE);
    }
  }

  function read() {
    timer = undefined;
    if (signal.aborted || !ctx.isValid) return;
    lastRead = performance.now();
    const url = new URL(location.href);
    const isWatchPage = site.isWatchPage(url);
    refreshObservers(isWatchPage);
    const page = pageKey(url);
    let next = site.read(document, url, pageWorld?.read());
    if (next === null && page === currentPage && isWatchPage) next = current;
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

  pageWorld?.onChange(schedule);
  // WXT starts its URL watcher only for listeners added through the context.
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  for (const type of MEDIA_EVENTS) document.addEventListener(type, schedule, { capture: true, signal });
  signal.addEventListener('abort', () => {
    playerObserver.disconnect();
    parentObserver.disconnect();
    headObserver.disconnect();
    documentObserver.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });
  read();
  return () => stopped.abort();
}
