/**
 * Runs the overlay while an episode plays: where it sits (placement.ts), which
 * card pops up when (card-session.ts), and drawing the Overlay component with
 * both. It sends no message itself: what must reach the background (a card
 * seen, an own fact written) goes through the callbacks the content script's
 * entry gives it.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Overlay } from '../../components/Overlay';
import { dramaEpisodeKey } from '../../utils/catalog/episode-key';
import type { EpisodeView, FactView } from '../../utils/messaging/views';
import type { PlaybackState } from '../../utils/playback/spoilers';
import type { Settings } from '../../utils/preferences/settings';
import type { SiteAdapter } from '../../utils/sites/types';
import { createCardSession } from './card-session';
import overlayCss from './overlay.css?inline';
import { createPlacement } from './placement';
import { followControls } from './presence';

export interface OverlayHost {
  /** Shows (or updates) the overlay for a recognised episode, with the viewer's settings. */
  show(view: EpisodeView, settings: Settings): void;
  /** Removes the overlay from the page. */
  hide(): void;
  /** Moves the overlay into the player container the page has now (a player may replace its container). */
  reanchor(): void;
  /** Whether the overlay is on the page now. */
  readonly visible: boolean;
  /** Where the video is as the overlay's list last saw it (its veils follow this); null while hidden. */
  readonly playback: PlaybackState | null;
}

export interface OverlayHostCallbacks {
  /** The viewer closed the overlay with its × button. */
  onClose: () => void;
  /** A card popped up: it counts as seen in that episode. */
  onSeen: (view: EpisodeView, fact: FactView) => void;
  /**
   * The address of the own-facts frame for an episode (an extension page): the viewer's
   * facts never enter the page's DOM, only that frame, which the page cannot read.
   */
  ownFactsFrame?: (view: EpisodeView, settings: Settings) => string;
}

/** The episode's <video>: the one in the player container, else the page's first. */
function findVideo(container: Element): HTMLVideoElement | null {
  return container.querySelector('video') ?? document.querySelector('video');
}

export async function createOverlayHost(
  ctx: ContentScriptContext,
  site: SiteAdapter,
  { onClose, onSeen, ownFactsFrame }: OverlayHostCallbacks,
): Promise<OverlayHost> {
  let view: EpisodeView | null = null;
  let settings: Settings | null = null;
  /** The own-facts frame's address for `view` and `settings`: made when they change, not at every paint. */
  let frameUrl: string | undefined;

  const cards = createCardSession({ onChange: () => paint(), onSeen, lifetime: ctx.signal });
  const placement = await createPlacement(ctx, site, {
    css: overlayCss,
    render: (container) => paint(container),
    clear: (container) => render(null, container),
  });
  const presence = followControls(
    ctx,
    placement.host,
    () => placement.anchor,
    () => (view ? findVideo(placement.anchor) : null),
    () => !!placement.container?.querySelector('.bt-panel'),
  );

  function paint(container = placement.container) {
    if (!view || !settings || !container) return;
    render(
      <Overlay
        key={dramaEpisodeKey(view.drama.id, view.episode)}
        view={view}
        spoilerSafe={settings.spoilerSafe}
        dramaWideFacts={settings.dramaWideFacts}
        playback={cards.playback}
        card={cards.card}
        onDismissCard={cards.dismiss}
        onClose={onClose}
        ownFactsFrame={frameUrl}
      />,
      container,
    );
  }

  function show(next: EpisodeView, nextSettings: Settings) {
    const episodeChanged =
      !view || dramaEpisodeKey(view.drama.id, view.episode) !== dramaEpisodeKey(next.drama.id, next.episode);
    view = next;
    settings = nextSettings;
    frameUrl = ownFactsFrame?.(next, nextSettings);
    if (episodeChanged) cards.stop();
    placement.place(nextSettings);
    cards.follow(next, nextSettings, findVideo(placement.anchor));
    paint();
    // A new episode is named with the bar showing, as the player shows its title.
    if (episodeChanged) presence.wake();
    else presence.check();
  }

  function hide() {
    view = null;
    cards.stop();
    placement.remove();
  }

  function reanchor() {
    if (view && settings && !placement.inPlace()) show(view, settings);
  }

  return {
    show,
    hide,
    reanchor,
    get visible() {
      return placement.visible;
    },
    get playback() {
      return view ? cards.playback : null;
    },
  };
}
