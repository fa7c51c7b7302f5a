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

export interface PresenceParts {
  host: () => HTMLElement;
  /** The player: pointer movement over it (or anywhere, in fullscreen) counts. */
  anchor: () => Element;
  video: () => HTMLVideoElement | null;
  /** Whether the list of facts is open. */
  open: () => boolean;
}

export interface Presence {
  /** The viewer did something (or a new episode is named): show the bar and start the idle time again. */
  wake(): void;
  /** Decide again now (the video or the list changed). */
  check(): void;
}

export function followControls(ctx: ContentScriptContext, parts: PresenceParts): Presence {
  let last = performance.now();
  let timer = 0;

  function check() {
    clearTimeout(timer);
    timer = 0;
    const host = parts.host();
    const video = parts.video();
    const left = last + IDLE_MS - performance.now();
    const playing = !!video && !video.paused;
    const idle = playing && left <= 0 && !parts.open() && !host.matches(':hover, :focus-within');
    host.toggleAttribute('data-idle', idle);
    // Look again when the idle time runs out, or, while held (hovered, focused, open), after another one.
    if (playing && !idle) timer = window.setTimeout(check, left > 0 ? left : IDLE_MS);
  }

  function wake() {
    last = performance.now();
    // While shown with a look-again pending, noting the time is enough: pointermove comes often.
    if (!timer || parts.host().hasAttribute('data-idle')) check();
  }

  const onActivity = (event: Event) => {
    if (event.type !== 'pointermove' || document.fullscreenElement || parts.anchor().contains(event.target as Node))
      wake();
  };
  // In the capture phase, before the page (or our own isolation) can stop them; play and pause do not bubble.
  for (const type of ['pointermove', 'pointerdown', 'keydown', 'focusin', 'play', 'pause'])
    ctx.addEventListener(document, type as 'focusin', onActivity, { capture: true, passive: true });
  ctx.onInvalidated(() => clearTimeout(timer));
  return { wake, check };
}
