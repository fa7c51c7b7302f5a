// @vitest-environment happy-dom
/**
 * The overlay out of the picture: the collapsed bar comes and goes with the
 * player's controls (presence.ts), dark over video unless the viewer picks light,
 * and never in the corner where a site keeps its top controls.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { placedCorner } from '../../entrypoints/watch/placement';
import { followControls, IDLE_MS } from '../../entrypoints/watch/presence';
import { overlayTheme } from '../../utils/preferences/settings';
import { SITES } from '../../utils/sites';

/** The part of WXT's context presence.ts uses. */
function fakeContext() {
  const lifetime = new AbortController();
  const ctx = {
    addEventListener: (target: EventTarget, type: string, handler: EventListener, options: AddEventListenerOptions) =>
      target.addEventListener(type, handler, { ...options, signal: lifetime.signal }),
    onInvalidated: (callback: () => void) => lifetime.signal.addEventListener('abort', callback),
  };
  return { ctx: ctx as unknown as ContentScriptContext, lifetime };
}

function setup() {
  document.body.innerHTML = '<div id="player"><video></video><div id="host"></div></div><div id="elsewhere"></div>';
  const host = document.getElementById('host')!;
  const video = { paused: false } as HTMLVideoElement;
  const state = { video: video as HTMLVideoElement | null, open: false };
  const { ctx, lifetime } = fakeContext();
  const presence = followControls(
    ctx,
    host,
    () => document.getElementById('player')!,
    () => state.video,
    () => state.open,
  );
  presence.check();
  const idle = () => host.hasAttribute('data-idle');
  const move = (id: string) => document.getElementById(id)!.dispatchEvent(new Event('pointermove', { bubbles: true }));
  return { presence, state, video, idle, move, lifetime };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the bar and the player’s controls', () => {
  it('shows at first, and hides once the video has played IDLE_MS with nothing from the viewer', () => {
    const { idle } = setup();
    expect(idle()).toBe(false);
    vi.advanceTimersByTime(IDLE_MS - 1);
    expect(idle()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(idle()).toBe(true);
  });

  it('shows again when the pointer moves over the player, not elsewhere in the page, and hides after IDLE_MS more', () => {
    const { idle, move } = setup();
    vi.advanceTimersByTime(IDLE_MS);
    move('elsewhere');
    expect(idle()).toBe(true);
    move('player');
    expect(idle()).toBe(false);
    vi.advanceTimersByTime(IDLE_MS / 2);
    move('player'); // still moving: the idle time starts again
    vi.advanceTimersByTime(IDLE_MS - 1);
    expect(idle()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(idle()).toBe(true);
  });

  it.each(['keydown', 'focusin', 'pointerdown'])('shows again on %s', (type) => {
    const { idle } = setup();
    vi.advanceTimersByTime(IDLE_MS);
    document.body.dispatchEvent(new Event(type, { bubbles: true }));
    expect(idle()).toBe(false);
  });

  it('stays while the video is paused, while the list is open, and when the page has no video', () => {
    const { idle, state, video, presence } = setup();
    vi.advanceTimersByTime(IDLE_MS);
    (video as { paused: boolean }).paused = true;
    document.querySelector('video')!.dispatchEvent(new Event('pause')); // pause does not bubble: caught on the way down
    expect(idle()).toBe(false);
    vi.advanceTimersByTime(IDLE_MS * 3);
    expect(idle()).toBe(false);

    (video as { paused: boolean }).paused = false;
    document.querySelector('video')!.dispatchEvent(new Event('play'));
    vi.advanceTimersByTime(IDLE_MS);
    expect(idle()).toBe(true);
    state.open = true;
    presence.check();
    expect(idle()).toBe(false);
    vi.advanceTimersByTime(IDLE_MS * 3);
    expect(idle()).toBe(false);

    state.open = false;
    state.video = null;
    vi.advanceTimersByTime(IDLE_MS * 3);
    expect(idle()).toBe(false);
  });

  it('stops when the content script is invalidated', () => {
    const { idle, lifetime, move } = setup();
    lifetime.abort();
    vi.advanceTimersByTime(IDLE_MS * 2);
    expect(idle()).toBe(false); // its last look-again was cancelled
    move('player');
    expect(idle()).toBe(false);
  });
});

describe('where and how the overlay sits', () => {
  it('is dark over video unless the viewer picks light: "system" means dark there', () => {
    expect(overlayTheme('system')).toBe('dark');
    expect(overlayTheme('dark')).toBe('dark');
    expect(overlayTheme('light')).toBe('light');
  });

  it('takes the viewer’s corner, except a top corner on a site that names its safe one', () => {
    expect(placedCorner('top-right', undefined)).toBe('top-right');
    expect(placedCorner('top-right', 'top-left')).toBe('top-left');
    expect(placedCorner('top-left', 'top-left')).toBe('top-left');
    expect(placedCorner('bottom-right', 'top-left')).toBe('bottom-right');
  });

  it('lets a site name a safe corner only as a top corner', () => {
    for (const site of SITES) if (site.safeCorner) expect(site.safeCorner).toMatch(/^top-/);
  });
});
