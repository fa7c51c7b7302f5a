/**
 * Places the overlay in the page and runs it while the episode plays: a shadow
 * root (so the page's CSS cannot reach it) inside the site's player container
 * (so it stays visible in fullscreen), moved into whatever element the page
 * sends fullscreen; pop-up cards timed by the video's own events.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { OwnFactActions } from '../../components/FactEditor';
import { Overlay } from '../../components/Overlay';
import type { EpisodeView, FactView } from '../background/lookup';
import { sendMessage } from '../../utils/messaging/protocol';
import { schedulePopups } from '../../utils/playback/card-scheduler';
import type { Settings } from '../../utils/preferences/settings';
import type { SiteAdapter } from '../../utils/sites/types';
import { isDramaWideSpoilerAhead, isVeiled, type PlaybackState } from '../../utils/playback/spoilers';
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
  /** Shows (or updates) the overlay for a recognised episode, with the viewer's settings. */
  show(view: EpisodeView, settings: Settings): void;
  /** Removes the overlay from the page. */
  hide(): void;
  /** Moves the overlay into the player container the page has now (a player may replace its container). */
  reanchor(): void;
  /** Whether the overlay is on the page now. */
  readonly visible: boolean;
}

function viewKey(view: EpisodeView): string {
  return `${view.drama.id}#${view.episode ?? ''}`;
}

/** The episode's <video>: the one in the player container, else the page's first. */
function findVideo(container: Element): HTMLVideoElement | null {
  return container.querySelector('video') ?? document.querySelector('video');
}

/** Which of the episode's facts are veiled now: changes only when a moment passes. */
function veilSignature(view: EpisodeView, playback: PlaybackState | null): string {
  const position = { episode: view.episode, episodes: view.drama.episodes };
  return view.episodeFacts
    .filter((fact) => isVeiled(fact, position, playback))
    .map((fact) => fact.id)
    .join(' ');
}

/** A drama-wide spoiler the viewer has not reached: veiled in the list, and never a card. */
function spoilerAhead(fact: FactView, view: EpisodeView, settings: Settings): boolean {
  return settings.spoilerSafe && isDramaWideSpoilerAhead(fact, view.episode, view.drama.episodes);
}

function resolvedTheme(theme: Settings['theme']): 'light' | 'dark' {
  if (theme !== 'system') return theme;
  return matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

/**
 * `onClose`: the viewer closed the overlay with its × button. `actions`: adding,
 * editing and deleting the viewer's own facts from the overlay.
 */
export async function createOverlayHost(
  ctx: ContentScriptContext,
  site: SiteAdapter,
  onClose: () => void,
  actions?: OwnFactActions,
): Promise<OverlayHost> {
  let view: EpisodeView | null = null;
  let settings: Settings | null = null;
  let anchor: Element = document.body;
  let playback: PlaybackState | null = null;
  let card: FactView | null = null;
  let queue: FactView[] = [];
  let cardTimer: number | undefined;
  let video: HTMLVideoElement | null = null;
  let seen = new Set<string>();
  /** Stops the pop-up scheduler of the episode shown. */
  let session: AbortController | null = null;
  let sessionKey = '';
  let lastVeil = '';
  /** A player we gave `position: relative` (see containOverlay), and what its inline value was. */
  let positioned: { el: HTMLElement; value: string; priority: string } | null = null;

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

  function paint(container = ui.mounted) {
    if (!view || !settings || !container) return;
    const current = view;
    render(
      <Overlay
        key={viewKey(current)}
        view={current}
        spoilerSafe={settings.spoilerSafe}
        dramaWideFacts={settings.dramaWideFacts}
        playback={playback}
        card={card}
        onDismissCard={dismissCard}
        onClose={onClose}
        actions={actions}
      />,
      container,
    );
  }

  function readPlayback(): PlaybackState | null {
    return video ? { time: video.currentTime, duration: video.duration } : null;
  }

  function remember(fact: FactView) {
    if (!view || seen.has(fact.id)) return;
    seen.add(fact.id);
    sendMessage('markSeen', { dramaId: view.drama.id, episode: view.episode, factId: fact.id }).catch(() => undefined);
  }

  function popUp(fact: FactView) {
    if (card) {
      if (!queue.some((f) => f.id === fact.id)) queue.push(fact);
      return;
    }
    card = fact;
    remember(fact);
    if (cardTimer !== undefined) clearTimeout(cardTimer);
    // A plain timer (see page-watcher.ts on ctx.setTimeout), cleared with the session.
    cardTimer = window.setTimeout(dismissCard, (settings?.cardSeconds ?? 12) * 1000);
    paint();
  }

  function dismissCard() {
    if (cardTimer !== undefined) clearTimeout(cardTimer);
    cardTimer = undefined;
    card = null;
    // Queued facts wait for playback: a paused video gets no new pop-ups.
    const next = video && !video.paused ? queue.shift() : undefined;
    if (next && !seen.has(next.id)) popUp(next);
    else paint();
  }

  function stopSession() {
    session?.abort();
    session = null;
    sessionKey = '';
    queue = [];
    card = null;
    if (cardTimer !== undefined) clearTimeout(cardTimer);
    cardTimer = undefined;
  }

  /** Starts following the video for this episode's pop-ups (once per episode and settings). */
  function startSession(next: EpisodeView, nextSettings: Settings) {
    video = findVideo(anchor);
    playback = readPlayback();
    const key = [
      viewKey(next),
      video ? 'video' : '',
      nextSettings.autoPopups,
      nextSettings.dramaWideFacts,
      nextSettings.cardGapSeconds,
      nextSettings.spoilerSafe,
    ].join('|');
    if (key === sessionKey) return;
    stopSession();
    sessionKey = key;
    seen = new Set(next.seenFactIds);
    session = new AbortController();
    const signal = AbortSignal.any([ctx.signal, session.signal]);
    if (!video) return;
    const playing = video;
    schedulePopups({
      video: playing,
      facts: nextSettings.dramaWideFacts
        ? [...next.episodeFacts, ...next.dramaFacts.filter((fact) => !spoilerAhead(fact, next, nextSettings))]
        : next.episodeFacts,
      gap: nextSettings.cardGapSeconds,
      isSeen: (id) => seen.has(id),
      onDue: (fact) => {
        if (nextSettings.autoPopups) popUp(fact);
      },
      onTime: () => {
        playback = readPlayback();
        // Re-render only when a veiled fact's moment has come, not every second.
        const veil = veilSignature(next, playback);
        if (veil !== lastVeil) {
          lastVeil = veil;
          paint();
        }
      },
      signal,
    });
    playing.addEventListener('play', () => !card && queue.length > 0 && dismissCard(), { signal });
  }

  /**
   * The overlay is positioned against the player. A page whose CSS forces the
   * player to `position: static` (a global reset with !important) would send it
   * to a corner of the page instead: give that player back a containing block,
   * with an inline !important that outranks any stylesheet, and only then.
   */
  function containOverlay(target: Element) {
    if (positioned?.el === target) return;
    releasePlayer();
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
  function releasePlayer() {
    if (!positioned) return;
    const { el, value, priority } = positioned;
    positioned = null;
    if (value) el.style.setProperty('position', value, priority);
    else el.style.removeProperty('position');
  }

  function hide() {
    view = null;
    stopSession();
    releasePlayer();
    if (ui.shadowHost.isConnected) ui.remove();
  }

  function show(next: EpisodeView, nextSettings: Settings) {
    const episodeChanged = !view || viewKey(view) !== viewKey(next);
    view = next;
    settings = nextSettings;
    const host = ui.shadowHost;
    const target = site.playerContainer(document) ?? document.body;
    host.dataset['placement'] = target === document.body ? 'page' : 'player';
    host.dataset['corner'] = nextSettings.position;
    host.dataset['theme'] = resolvedTheme(nextSettings.theme);
    if (episodeChanged) stopSession();
    if (!host.isConnected || target !== anchor) {
      anchor = target;
      // The host may have left the page with a replaced player; unmount it all the same.
      if (ui.mounted !== undefined || host.isConnected) ui.remove();
      ui.mount();
      followFullscreen();
    }
    containOverlay(target);
    startSession(next, nextSettings);
    paint();
  }

  function reanchor() {
    if (!view || !settings) return;
    const target = site.playerContainer(document) ?? document.body;
    if (target !== anchor || !ui.shadowHost.isConnected) show(view, settings);
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
  ctx.onInvalidated(() => {
    stopSession();
    releasePlayer();
  });
  return {
    show,
    hide,
    reanchor,
    get visible() {
      return ui.shadowHost.isConnected;
    },
  };
}
