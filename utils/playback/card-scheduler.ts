/**
 * Follows a playing <video> through its own events and says when a fact's
 * moment comes, so its card pops up: no animation-frame loop, no polling of currentTime. Facts are
 * found on the sorted timeline by binary search (timeline.ts).
 *
 * - `timeupdate` while playing: facts whose moment fell since the last update are due;
 * - `seeking`/`seeked`: a jump is not playback, so what was skipped is not due
 *   (seeking back does not replay it either: the caller remembers what was seen);
 * - `pause`: nothing becomes due while paused;
 * - `ratechange`: at 2× the time between two updates doubles, and the gap that
 *   counts as a jump rather than playback grows with it.
 */
import type { FactView } from '../messaging/views';
import { buildTimeline, dueBetween, type TimedFact } from './timeline';

/** What the scheduler needs of a video element (an HTMLVideoElement, or a stand-in in tests). */
export interface PlaybackSource extends EventTarget {
  currentTime: number;
  duration: number;
  paused: boolean;
  seeking: boolean;
  playbackRate: number;
}

export interface CardSchedulerOptions {
  video: PlaybackSource;
  facts: FactView[];
  /** The shortest gap between two untimed facts, in seconds of video. */
  gap: number;
  /** Facts already seen in this episode never become due again. */
  isSeen: (factId: string) => boolean;
  /** A fact's moment has come during playback. */
  onDue: (fact: FactView) => void;
  /** Playback time moved to another whole second (for unveiling facts in the list). */
  onTime?: (seconds: number) => void;
  /** Aborting it removes every listener. */
  signal: AbortSignal;
}

/** Longest step between two timeupdates that still counts as playing through, at 1×. */
const MAX_PLAY_STEP = 5;

export function scheduleCards(options: CardSchedulerOptions): void {
  const { video, facts, gap, isSeen, onDue, onTime, signal } = options;
  let timeline: TimedFact[] = buildTimeline(facts, video.duration, gap);
  let lastTime = video.currentTime;
  let lastSecond = Math.floor(lastTime);
  let rate = video.playbackRate || 1;
  const on = (type: string, handler: () => void) => video.addEventListener(type, handler, { signal });

  const tick = () => {
    const second = Math.floor(video.currentTime);
    if (second !== lastSecond) {
      lastSecond = second;
      onTime?.(video.currentTime);
    }
  };

  on('durationchange', () => {
    timeline = buildTimeline(facts, video.duration, gap);
  });
  on('ratechange', () => {
    rate = video.playbackRate || 1;
  });
  on('seeked', () => {
    lastTime = video.currentTime;
    tick();
  });
  on('timeupdate', () => {
    tick();
    const now = video.currentTime;
    if (video.seeking) return;
    if (video.paused || now < lastTime || now - lastTime > MAX_PLAY_STEP * Math.max(rate, 1)) {
      // Paused, or a jump the player made without a seek event (a new source, a skip).
      lastTime = now;
      return;
    }
    const due = dueBetween(timeline, lastTime, now);
    lastTime = now;
    for (const { fact } of due) if (!isSeen(fact.id)) onDue(fact);
  });
}
