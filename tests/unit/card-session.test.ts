// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCardSession, type CardSettings } from '../../entrypoints/watch/card-session';
import type { EpisodeView } from '../../utils/messaging/views';
import { cardFact, FakeVideo } from '../helpers/fake-video';

const fact = cardFact;

const view = (extra: Partial<EpisodeView> = {}): EpisodeView => ({
  drama: { id: 'healer', title: 'Healer', titleKo: '힐러', year: 2014, network: 'KBS2', episodes: 20 },
  episode: 14,
  episodeFacts: [fact('a', { at: 30 }), fact('b', { at: 31 })],
  dramaFacts: [],
  seenFactIds: [],
  ...extra,
});

const settings: CardSettings = {
  autoCards: true,
  cardSeconds: 10,
  cardGapSeconds: 0,
  dramaWideFacts: true,
  spoilerSafe: true,
};

function setup() {
  const seen: string[] = [];
  const changes = vi.fn();
  const lifetime = new AbortController();
  const session = createCardSession({
    onChange: changes,
    onSeen: (_view, f) => seen.push(f.id),
    lifetime: lifetime.signal,
  });
  return { session, seen, changes, lifetime, video: new FakeVideo() };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the card session', () => {
  it('pops a card at its moment, counts it seen once, and takes it down after the set time', () => {
    const { session, seen, video } = setup();
    session.follow(view(), settings, video);
    video.playTo(31.5); // b comes due while a shows: it waits its turn
    expect(session.card?.id).toBe('a');
    expect(seen).toEqual(['a']);
    vi.advanceTimersByTime(9_999);
    expect(session.card?.id).toBe('a');
    vi.advanceTimersByTime(1);
    // The next card was waiting: it follows while the video plays.
    expect(session.card?.id).toBe('b');
    vi.advanceTimersByTime(10_000);
    expect(session.card).toBeNull();
    expect(seen).toEqual(['a', 'b']);
  });

  it('keeps a waiting card waiting while the video is paused, and shows it on play', () => {
    const { session, video } = setup();
    session.follow(view(), settings, video);
    video.playTo(31.5);
    video.pause();
    session.dismiss();
    expect(session.card).toBeNull();
    video.paused = false;
    video.dispatchEvent(new Event('play'));
    expect(session.card?.id).toBe('b');
  });

  it('never pops a fact already seen in the episode', () => {
    const { session, seen, video } = setup();
    session.follow(view({ seenFactIds: ['a'] }), settings, video);
    video.playTo(32);
    expect(seen).toEqual(['b']);
  });

  it('pops nothing with cards switched off, and follows once per episode and settings', () => {
    const off = setup();
    off.session.follow(view(), { ...settings, autoCards: false }, off.video);
    off.video.playTo(32);
    expect(off.session.card).toBeNull();

    const { session, seen, video } = setup();
    session.follow(view(), settings, video);
    session.follow(view(), settings, video); // the same episode again: not a second schedule
    video.playTo(30.5);
    expect(seen).toEqual(['a']);
  });

  it('never pops a drama-wide spoiler before the episode where it stops being one', () => {
    const ending = fact('ending', { episode: null, spoiler: true });
    const early = setup();
    early.session.follow(view({ episodeFacts: [], dramaFacts: [ending] }), settings, early.video);
    early.video.playTo(600);
    expect(early.seen).toEqual([]);

    const final = setup();
    final.session.follow(view({ episode: 20, episodeFacts: [], dramaFacts: [ending] }), settings, final.video);
    final.video.playTo(600);
    expect(final.seen).toEqual(['ending']);
  });

  it('stops with the content script', () => {
    const { session, lifetime, video } = setup();
    session.follow(view(), settings, video);
    lifetime.abort();
    video.playTo(32);
    expect(session.card).toBeNull();
  });
});
