/**
 * Places the overlay in the page: a shadow root (so the page's CSS cannot reach
 * it) inside the site's player container (so it stays visible in fullscreen),
 * moved into whatever element the page sends fullscreen.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Overlay } from '../../components/Overlay';
import type { EpisodeView } from '../../utils/db/lookup';
import type { SiteAdapter } from '../../utils/sites/types';
import overlayCss from './overlay.css?inline';

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

export interface OverlayHost {
  /** Shows (or updates) the overlay for a recognised episode. */
  show(view: EpisodeView): void;
  /** Removes the overlay from the page. */
  hide(): void;
  /** Moves a shown overlay into the site's player container after the player replaced it. */
  reanchor(): void;
}

function viewKey(view: EpisodeView): string {
  return `${view.drama.id}#${view.episode ?? ''}`;
}

export async function createOverlayHost(ctx: ContentScriptContext, site: SiteAdapter): Promise<OverlayHost> {
  let view: EpisodeView | null = null;
  let anchor: Element = document.body;
  /** The episode the viewer closed the overlay on; it stays closed until the episode changes. */
  let closedKey: string | null = null;

  const ui = await createShadowRootUi<HTMLElement>(ctx, {
    name: 'between-takes-overlay',
    position: 'inline',
    anchor: () => anchor,
    append: 'last',
    css: overlayCss,
    isolateEvents: ISOLATED_EVENTS,
    onMount(container) {
      paint(container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });

  function paint(container: HTMLElement) {
    if (!view) return;
    const current = view;
    render(<Overlay key={viewKey(current)} view={current} onClose={() => close(current)} />, container);
  }

  function close(closing: EpisodeView) {
    closedKey = viewKey(closing);
    hide();
  }

  function hide() {
    view = null;
    if (ui.shadowHost.isConnected) ui.remove();
  }

  function show(next: EpisodeView) {
    if (viewKey(next) === closedKey) return;
    closedKey = null;
    view = next;
    const target = site.playerContainer(document) ?? document.body;
    ui.shadowHost.dataset['placement'] = target === document.body ? 'page' : 'player';
    if (!ui.shadowHost.isConnected || target !== anchor) {
      anchor = target;
      // The host may have left the page with a replaced player; unmount it all the same.
      if (ui.mounted !== undefined || ui.shadowHost.isConnected) ui.remove();
      ui.mount();
      followFullscreen();
    } else if (ui.mounted) {
      paint(ui.mounted);
    }
  }

  function reanchor() {
    if (!view) return;
    const target = site.playerContainer(document) ?? document.body;
    if (target !== anchor || !ui.shadowHost.isConnected) show(view);
  }

  /**
   * Keeps the overlay inside the fullscreen element, and back in the player
   * after. A fullscreen element that is a shadow host renders only its shadow
   * tree, so the overlay goes into that tree.
   */
  function followFullscreen() {
    if (!view) return;
    const host = ui.shadowHost;
    const fullscreen = document.fullscreenElement;
    if (fullscreen && fullscreen.tagName !== 'VIDEO') {
      const inside = fullscreen.shadowRoot ? host.getRootNode() === fullscreen.shadowRoot : fullscreen.contains(host);
      if (!inside) (fullscreen.shadowRoot ?? fullscreen).append(host);
    } else if (!fullscreen && host.parentElement !== anchor && anchor.isConnected) {
      anchor.append(host);
    }
  }

  ctx.addEventListener(document, 'fullscreenchange', followFullscreen);
  return { show, hide, reanchor };
}
