/**
 * The cards of the episode playing: which fact pops up now, which wait their
 * turn, how long a card stays, and which facts the viewer has already seen
 * (they never pop up again in that episode). Timed by the video's own events
 * (utils/playback/card-scheduler.ts), with plain timers it clears itself (WXT's
 * ctx.setTimeout leaves an abort listener behind per call).
 */
import { dramaEpisodeKey } from '../../utils/catalog/episode-key';
import type { EpisodeView, FactView } from '../../utils/messaging/views';
import { scheduleCards, type PlaybackSource } from '../../utils/playback/card-scheduler';
import { isDramaWideSpoilerAhead, isVeiled, type PlaybackState } from '../../utils/playback/spoilers';
import type { Settings } from '../../utils/preferences/settings';

/** The settings that shape cards. */
export type CardSettings = Pick<
  Settings,
  'autoCards' | 'cardSeconds' | 'cardGapSeconds' | 'dramaWideFacts' | 'spoilerSafe'
>;

export interface CardSessionOptions {
  /** What the overlay shows changed: a card came or went, or a veiled fact's moment passed. */
  onChange: () => void;
  /** A card popped up: it counts as seen in this episode from now on. */
  onSeen: (view: EpisodeView, fact: FactView) => void;
  /** Aborted when the content script is invalidated: every listener and timer goes. */
  lifetime: AbortSignal;
}

export interface CardSession {
  /** The fact popping up now, if any. */
  readonly card: FactView | null;
  /** Where the video is, when one is followed. */
  readonly playback: PlaybackState | null;
  /** Follows `video` for this episode's cards; starts again only when the episode, the video or a card setting changed. */
  follow(view: EpisodeView, settings: CardSettings, video: (PlaybackSource & { paused: boolean }) | null): void;
  /** Closes the card showing; the next waiting one follows while the video plays. */
  dismiss(): void;
  /** Stops following: no card, nothing waiting. */
  stop(): void;
}

/** Which of the episode's facts are veiled now: changes only when a moment passes. */
function veilSignature(view: EpisodeView, playback: PlaybackState | null): string {
  const position = { episode: view.episode, episodes: view.drama.episodes };
  return view.episodeFacts
    .filter((fact) => isVeiled(fact, position, playback))
    .map((fact) => fact.id)
    .join(' ');
}

/** The facts that may pop up: a drama-wide spoiler the viewer has not reached never does. */
function cardFacts(view: EpisodeView, settings: CardSettings): FactView[] {
  if (!settings.dramaWideFacts) return view.episodeFacts;
  const ahead = (fact: FactView) =>
    settings.spoilerSafe && isDramaWideSpoilerAhead(fact, view.episode, view.drama.episodes);
  return [...view.episodeFacts, ...view.dramaFacts.filter((fact) => !ahead(fact))];
}

export function createCardSession({ onChange, onSeen, lifetime }: CardSessionOptions): CardSession {
  let card: FactView | null = null;
  let queue: FactView[] = [];
  let timer: number | undefined;
  let video: (PlaybackSource & { paused: boolean }) | null = null;
  let view: EpisodeView | null = null;
  let settings: CardSettings | null = null;
  let seen = new Set<string>();
  let session: AbortController | null = null;
  let sessionKey = '';
  let lastVeil = '';
  let playback: PlaybackState | null = null;

  const readPlayback = (): PlaybackState | null =>
    video ? { time: video.currentTime, duration: video.duration } : null;

  function clearTimer() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  function show(fact: FactView) {
    if (card) {
      if (!queue.some((f) => f.id === fact.id)) queue.push(fact);
      return;
    }
    card = fact;
    if (view && !seen.has(fact.id)) {
      seen.add(fact.id);
      onSeen(view, fact);
    }
    clearTimer();
    timer = window.setTimeout(dismiss, (settings?.cardSeconds ?? 12) * 1000);
    onChange();
  }

  function dismiss() {
    clearTimer();
    card = null;
    // Waiting facts wait for playback: a paused video gets no new cards.
    const next = video && !video.paused ? queue.shift() : undefined;
    if (next && !seen.has(next.id)) show(next);
    else onChange();
  }

  function stop() {
    session?.abort();
    session = null;
    sessionKey = '';
    queue = [];
    card = null;
    clearTimer();
  }

  function follow(nextView: EpisodeView, nextSettings: CardSettings, nextVideo: typeof video) {
    video = nextVideo;
    playback = readPlayback();
    const key = [
      dramaEpisodeKey(nextView.drama.id, nextView.episode),
      video ? 'video' : '',
      nextSettings.autoCards,
      nextSettings.dramaWideFacts,
      nextSettings.cardGapSeconds,
      nextSettings.spoilerSafe,
    ].join('|');
    view = nextView;
    settings = nextSettings;
    if (key === sessionKey) return;
    stop();
    sessionKey = key;
    seen = new Set(nextView.seenFactIds);
    session = new AbortController();
    const signal = AbortSignal.any([lifetime, session.signal]);
    if (!video) return;
    const playing = video;
    scheduleCards({
      video: playing,
      facts: cardFacts(nextView, nextSettings),
      gap: nextSettings.cardGapSeconds,
      isSeen: (id) => seen.has(id),
      onDue: (fact) => {
        if (nextSettings.autoCards) show(fact);
      },
      onTime: () => {
        playback = readPlayback();
        // Repaint only when a veiled fact's moment has come, not every second.
        const veil = veilSignature(nextView, playback);
        if (veil !== lastVeil) {
          lastVeil = veil;
          onChange();
        }
      },
      signal,
    });
    playing.addEventListener('play', () => !card && queue.length > 0 && dismiss(), { signal });
  }

  lifetime.addEventListener('abort', stop, { once: true });
  return {
    get card() {
      return card;
    },
    get playback() {
      return playback;
    },
    follow,
    dismiss,
    stop,
  };
}
