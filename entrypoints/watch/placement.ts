/**
 * Where the overlay lives in the page: a shadow root (so the page's CSS cannot
 * reach it) inside the site's player container (so it stays visible in
 * fullscreen), moved into whatever element the page sends fullscreen, and back.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { overlayTheme, type Settings } from '../../utils/preferences/settings';
import type { Corner, SiteAdapter } from '../../utils/sites/types';
import { OVERLAY_HOST_ATTRIBUTE, overlayHostName } from './hardening';

/** Events that must not reach the page's player (its shortcuts and click-to-pause). */
const ISOLATED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'click',
  'dblclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
];

export interface Placement {
  /** Puts the overlay in the player container the page has now, in the viewer's corner and theme. */
  place(settings: Pick<Settings, 'position' | 'theme'>): void;
  /** Whether the overlay is on the page, in the player container the page has now. */
  inPlace(): boolean;
  /** Takes the overlay out of the page. */
  remove(): void;
  /** The element the overlay is anchored in: the player container, or the body. */
  readonly anchor: Element;
  /** The shadow host: its data attributes say where the overlay sits and how it looks. */
  readonly host: HTMLElement;
  /** The overlay's container inside the shadow root, while mounted. */
  readonly container: HTMLElement | undefined;
  /** Whether the overlay is on the page now. */
  readonly visible: boolean;
}

export interface PlacementOptions {
  css: string;
  /** Draw into the container (just mounted). */
  render: (container: HTMLElement) => void;
  /** Clear the container (about to be removed). */
  clear: (container: HTMLElement) => void;
}

/**
 * The corner the overlay sits in: the viewer's, except a top corner on a site
 * whose player keeps its own controls in the other top corner (its adapter names
 * the safe one): the overlay then takes the safe corner, so it never covers them.
 */
export function placedCorner(position: Corner, safe: Corner | undefined): Corner {
  return safe && position.startsWith('top') ? safe : position;
}

/**
 * The overlay's host element and its open shadow root: the page's CSS stops at
 * it (`all: initial`), and the events a player listens for stop at it too.
 * (What WXT's createShadowRootUi does for us, without the auto-mount machinery
 * it bundles, which the content script's size budget cannot carry.)
 */
function shadowUi(css: string, render: (c: HTMLElement) => void, clear: (c: HTMLElement) => void) {
  const shadowHost = document.createElement(overlayHostName());
  const shadow = shadowHost.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${css}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (e) => e.stopPropagation());
  let mounted: HTMLElement | undefined;
  return {
    shadowHost,
    get mounted() {
      return mounted;
    },
    mount(anchor: Element) {
      anchor.append(shadowHost);
      render(container);
      mounted = container;
    },
    remove() {
      if (mounted) clear(mounted);
      shadowHost.remove();
      container.replaceChildren();
      mounted = undefined;
    },
  };
}

export async function createPlacement(
  ctx: ContentScriptContext,
  site: SiteAdapter,
  { css, render, clear }: PlacementOptions,
): Promise<Placement> {
  let anchor: Element = document.body;
  /** A player we gave `position: relative` (see contain), and what its inline value was. */
  let positioned: { el: HTMLElement; value: string; priority: string } | null = null;

  const ui = shadowUi(css, render, clear);
  ctx.onInvalidated(() => ui.remove());
  ui.shadowHost.setAttribute(OVERLAY_HOST_ATTRIBUTE, '');
  const currentTarget = () => site.playerContainer(document) ?? document.body;

  /**
   * The overlay is positioned against the player. A page whose CSS forces the
   * player to `position: static` (a global reset with !important) would send it
   * to a corner of the page instead: give that player back a containing block,
   * with an inline !important that outranks any stylesheet, and only then.
   */
  function contain(target: Element) {
    if (positioned?.el === target) return;
    release();
    if (target === document.body || !(target instanceof HTMLElement)) return;
    if (getComputedStyle(target).position !== 'static') return;
    positioned = {
      el: target,
      value: target.style.getPropertyValue('position'),
      priority: target.style.getPropertyPriority('position'),
    };
    target.style.setProperty('position', 'relative', 'important');
  }

  /** Gives the player its own inline position back. */
  function release() {
    if (!positioned) return;
    const { el, value, priority } = positioned;
    positioned = null;
    if (value) el.style.setProperty('position', value, priority);
    else el.style.removeProperty('position');
  }

  /**
   * Keeps the overlay inside the fullscreen element, and back in the player
   * after. A fullscreen element that is a shadow host renders only its shadow
   * tree, so the overlay goes into that tree.
   */
  function followFullscreen() {
    if (!ui.shadowHost.isConnected && ui.mounted === undefined) return;
    const host = ui.shadowHost;
    const fullscreen = document.fullscreenElement;
    if (fullscreen && fullscreen.tagName !== 'VIDEO') {
      const inside = fullscreen.shadowRoot ? host.getRootNode() === fullscreen.shadowRoot : fullscreen.contains(host);
      if (!inside) (fullscreen.shadowRoot ?? fullscreen).append(host);
    } else if (!fullscreen && host.parentElement !== anchor && anchor.isConnected) {
      anchor.append(host);
    }
  }

  function place(settings: Pick<Settings, 'position' | 'theme'>) {
    const host = ui.shadowHost;
    const target = currentTarget();
    host.dataset['placement'] = target === document.body ? 'page' : 'player';
    host.dataset['corner'] = placedCorner(settings.position, site.safeCorner);
    host.dataset['theme'] = overlayTheme(settings.theme);
    if (!host.isConnected || target !== anchor) {
      anchor = target;
      // The host may have left the page with a replaced player; unmount it all the same.
      if (ui.mounted !== undefined || host.isConnected) ui.remove();
      ui.mount(anchor);
      followFullscreen();
    }
    contain(target);
  }

  function remove() {
    release();
    if (ui.shadowHost.isConnected) ui.remove();
  }

  ctx.addEventListener(document, 'fullscreenchange', followFullscreen);
  ctx.onInvalidated(release);
  return {
    place,
    inPlace: () => ui.shadowHost.isConnected && currentTarget() === anchor,
    remove,
    get anchor() {
      return anchor;
    },
    host: ui.shadowHost,
    get container() {
      return ui.mounted;
    },
    get visible() {
      return ui.shadowHost.isConnected;
    },
  };
}
