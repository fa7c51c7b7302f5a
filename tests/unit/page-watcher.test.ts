// @vitest-environment happy-dom
/**
 * The page watcher over a live happy-dom page: what it observes on each kind of
 * page, and that it notices the changes players make without a page load.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MIN_READ_INTERVAL_MS, watchPlaying, type WatcherContext } from '../../entrypoints/watch/page-watcher';
import type { Playing, SiteAdapter } from '../../utils/sites/types';

/**
 * A small site in the shape of the real ones: watch pages are /watch/<n>, the
 * player is the last `.player`, its `.title` and `.episode` say what plays.
 */
function testSite(): SiteAdapter & { read: ReturnType<typeof vi.fn> } {
  const site = {
    id: 'primevideo' as const,
    name: 'Test',
    matches: ['*://localhost/*'],
    isWatchPage: (url: URL) => /^\/watch\/\d+$/.test(url.pathname),
    playerContainer: (doc: Document) => {
      const players = doc.querySelectorAll('.player');
      return players.length ? players[players.length - 1]! : null;
    },
    read: vi.fn((doc: Document, url: URL): Playing | null => {
      if (!site.isWatchPage(url)) return null;
      const player = site.playerContainer(doc);
      const title = player?.querySelector('.title')?.textContent ?? '';
      if (!title) return null;
      const episode = Number(player?.querySelector('.episode')?.textContent);
      return { site: 'primevideo', titles: [title], ...(episode ? { episode } : {}) };
    }),
  };
  return site;
}

/** The parts of WXT's ContentScriptContext the watcher uses, over the real window. */
function fakeContext() {
  const controller = new AbortController();
  const ctx: WatcherContext & { invalidate(): void } = {
    isValid: true,
    signal: controller.signal,
    addEventListener: ((target: EventTarget, type: string, handler: EventListener, options?: AddEventListenerOptions) =>
      target.addEventListener(type, handler, options)) as WatcherContext['addEventListener'],
    invalidate() {
      (this as { isValid: boolean }).isValid = false;
      controller.abort();
    },
  };
  return ctx;
}

/** Lets mutation records be delivered and a debounced read run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, MIN_READ_INTERVAL_MS * 2));

/** Client-side navigation as a site does it, and the event WXT dispatches for it. */
function navigate(path: string) {
  history.pushState({}, '', path);
  window.dispatchEvent(new Event('wxt:locationchange'));
}

function player(title: string, episode: number): HTMLElement {
  const el = document.createElement('div');
  el.className = 'player';
  const t = document.createElement('h1');
  t.className = 'title';
  t.textContent = title;
  const e = document.createElement('span');
  e.className = 'episode';
  e.textContent = String(episode);
  el.append(t, e);
  return el;
}

let site: ReturnType<typeof testSite>;
let ctx: ReturnType<typeof fakeContext>;
let changes: (Playing | null)[];
let containers: (Element | null)[];

function start() {
  watchPlaying(
    ctx,
    site,
    (playing) => changes.push(playing),
    (container) => containers.push(container),
  );
}

beforeEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
  site = testSite();
  ctx = fakeContext();
  changes = [];
  containers = [];
});
afterEach(() => ctx.invalidate());

describe('watchPlaying', () => {
  it('observes nothing on a page that plays nothing, and wakes on client-side navigation', async () => {
    history.replaceState({}, '', '/browse');
    start();
    await settle();
    const reads = site.read.mock.calls.length;
    document.body.append(player('Healer', 14)); // a preview on a browse page
    document.title = 'Healer';
    await settle();
    expect(site.read.mock.calls.length).toBe(reads);
    expect(changes).toEqual([]);

    navigate('/watch/1');
    await settle();
    expect(changes).toEqual([{ site: 'primevideo', titles: ['Healer'], episode: 14 }]);
  });

  it('observes <body> only until a player container appears, then only the container', async () => {
    history.replaceState({}, '', '/watch/1');
    start();
    const outside = document.createElement('aside');
    document.body.append(outside);
    const p = player('Healer', 14);
    document.body.append(p);
    await settle();
    expect(containers).toEqual([p]);
    expect(changes).toEqual([{ site: 'primevideo', titles: ['Healer'], episode: 14 }]);

    const reads = site.read.mock.calls.length;
    outside.textContent = 'a comment thread updating';
    await settle();
    expect(site.read.mock.calls.length).toBe(reads);

    p.querySelector('.episode')!.textContent = '15';
    await settle();
    expect(changes.at(-1)).toEqual({ site: 'primevideo', titles: ['Healer'], episode: 15 });
  });

  it('follows a player that replaces its container with a new one', async () => {
    history.replaceState({}, '', '/watch/1');
    const first = player('Weightlifting Fairy Kim Bok Joo', 14);
    document.body.append(first);
    start();
    await settle();
    expect(containers).toEqual([first]);

    const second = player('Weightlifting Fairy Kim Bok Joo', 15);
    first.replaceWith(second);
    await settle();
    expect(containers).toEqual([first, second]);
    expect(changes.at(-1)).toEqual({ site: 'primevideo', titles: ['Weightlifting Fairy Kim Bok Joo'], episode: 15 });

    // The new container is the one observed now.
    second.querySelector('.episode')!.textContent = '16';
    await settle();
    expect(changes.at(-1)?.episode).toBe(16);
  });

  it.each([
    ['with a player already found', true],
    ['while it still waits for a player', false],
  ])('notices a page that replaces <body> %s, and follows the new player', async (_name, playerFirst) => {
    history.replaceState({}, '', '/watch/1');
    const oldBody = document.body;
    if (playerFirst) oldBody.append(player('Healer', 14));
    start();
    await settle();

    // A single-page app rebuilding the document: a new <body> with a new player.
    const body = document.createElement('body');
    const next = player('Healer', 15);
    body.append(next);
    document.documentElement.replaceChild(body, oldBody);
    await settle();
    expect(containers.at(-1)).toBe(next);
    expect(changes.at(-1)).toEqual({ site: 'primevideo', titles: ['Healer'], episode: 15 });

    // The new player is the one observed now.
    next.querySelector('.episode')!.textContent = '16';
    await settle();
    expect(changes.at(-1)?.episode).toBe(16);
  });

  it('follows the title bar inside a player’s shadow root', async () => {
    history.replaceState({}, '', '/watch/1');
    const host = document.createElement('div');
    host.className = 'player';
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = player('Dr. Romantic', 5);
    shadow.append(inner);
    site.read.mockImplementation((doc: Document) => {
      const p = doc.querySelector('.player')?.shadowRoot;
      const episode = Number(p?.querySelector('.episode')?.textContent);
      return episode ? { site: 'primevideo', titles: ['Dr. Romantic'], episode } : null;
    });
    document.body.append(host);
    start();
    await settle();
    expect(changes).toEqual([{ site: 'primevideo', titles: ['Dr. Romantic'], episode: 5 }]);

    inner.querySelector('.episode')!.textContent = '6';
    await settle();
    expect(changes.at(-1)?.episode).toBe(6);
  });

  it('keeps the last answer while the title bar hides on the same video, and drops it on another page', async () => {
    history.replaceState({}, '', '/watch/1');
    const p = player('Healer', 14);
    document.body.append(p);
    start();
    await settle();
    p.querySelector('.title')!.textContent = '';
    await settle();
    expect(changes).toEqual([{ site: 'primevideo', titles: ['Healer'], episode: 14 }]);

    navigate('/browse');
    await settle();
    expect(changes.at(-1)).toBeNull();
    expect(containers.at(-1)).toBeNull();
  });

  it('notices a new video through media events caught on the document', async () => {
    history.replaceState({}, '', '/watch/1');
    const p = player('Healer', 14);
    document.body.append(p);
    start();
    await settle();
    const video = document.createElement('video');
    p.append(video);
    await settle();
    // The player loads the next episode without touching the DOM: only the video says so.
    site.read.mockImplementation(() => ({ site: 'primevideo', titles: ['Healer'], episode: 15 }));
    const reads = site.read.mock.calls.length;
    video.dispatchEvent(new Event('loadedmetadata'));
    await settle();
    expect(site.read.mock.calls.length).toBeGreaterThan(reads);
    expect(changes.at(-1)?.episode).toBe(15);
  });

  it('stops observing when the content script is invalidated', async () => {
    history.replaceState({}, '', '/watch/1');
    const p = player('Healer', 14);
    document.body.append(p);
    start();
    await settle();
    ctx.invalidate();
    const reads = site.read.mock.calls.length;
    p.querySelector('.episode')!.textContent = '15';
    document.title = 'changed';
    await settle();
    expect(site.read.mock.calls.length).toBe(reads);
  });
});
