/**
 * The collapsed bar comes and goes with the player's own controls. It shows
 * while the viewer moves the pointer over the player, presses a key or moves
 * focus, and while the video is paused; after IDLE_MS of none of these while
 * the video plays, the shadow host gets `data-idle` and overlay.css fades the
 * bar out (with no fade under reduced motion). Only the bar: a card that pops up
 * shows on its own. The bar stays while its list is open, the pointer rests on
 * it or focus is in it, and whenever the page has no video.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** How long the bar stays after the last sign of the viewer: players hide their controls after about as long. */
export const IDLE_MS = 3000;

export interface Presence {
  /** The viewer did something (or a new episode is named): show the bar and start the idle time again. */
  wake(): void;
  /** Decide again now (the video or the list changed). */
  check(): void;
}

/**
 * Follows the viewer for the overlay's shadow `host`: pointer movement over the
 * `player` (anywhere, in fullscreen), keys, focus, and the page's videos playing
 * and pausing. `video` is the episode's (null: none); `open` says whether the
 * list of facts is open. (Plain arguments, not an object: the content script
 * counts its bytes.)
 */
export function followControls(
  ctx: ContentScriptContext,
  host: HTMLElement,
  player: () => Element,
  video: () => HTMLVideoElement | null,
  open: () => boolean,
): Presence {
  let last = Date.now();
  let timer = 0;

  function check() {
    clearTimeout(timer);
    const playing = video()?.paused === false;
    const left = last + IDLE_MS - Date.now();
    const idle = playing && left <= 0 && !open() && !host.matches(':hover,:focus-within');
    host.toggleAttribute('data-idle', idle);
    // Look again when the idle time runs out, or, while held (hovered, focused, open), after another one.
    timer = playing && !idle ? window.setTimeout(check, left > 0 ? left : IDLE_MS) : 0;
  }

  function wake() {
    last = Date.now();
    // While shown with a look-again pending, noting the time is enough: pointermove comes often.
    if (!timer || host.hasAttribute('data-idle')) check();
  }

  // In the capture phase, before the page (or our own isolation) can stop them; play and pause do not bubble.
  for (const type of ['pointermove', 'pointerdown', 'keydown', 'focusin', 'play', 'pause'])
    ctx.addEventListener(
      document,
      type as 'focusin',
      (event) =>
        (event.type !== 'pointermove' || document.fullscreenElement || player().contains(event.target as Node)) &&
        wake(),
      { capture: true, passive: true },
    );
  ctx.onInvalidated(() => clearTimeout(timer));
  return { wake, check };
}
