/**
 * When facts pop up during an episode, and when a fact stops being a spoiler.
 *
 * A fact with a timestamp (`at`) has its own moment. Facts without one are
 * spread through the episode, at least `gap` seconds apart; those that give
 * away plot are placed in the episode's last tenth, where the ending plays, so a
 * card never reveals what has not happened yet. The same moment decides when
 * a veiled fact in the list unveils itself.
 */
import type { FactView } from '../messaging/views';
import { ENDING_FRACTION } from './spoilers';

export interface TimedFact {
  fact: FactView;
  /** Seconds into the episode. */
  time: number;
}

/** Where untimed facts go when the episode's length is unknown (live or still loading). */
const UNKNOWN_DURATION_START = 60;
/** Untimed, non-spoiling facts are spread over this part of the episode (after the cold open, before the credits). */
const SPREAD_FROM = 0.1;
const SPREAD_TO = 0.85;

function finite(duration: number): boolean {
  return Number.isFinite(duration) && duration > 0;
}

/** The moment a fact belongs to, given the episode's length. */
function momentOf(fact: FactView, duration: number, index = 0, count = 1, gap = 0): number {
  if (fact.at !== undefined) return fact.at;
  if (!finite(duration)) return UNKNOWN_DURATION_START + index * Math.max(gap, 30);
  if (fact.spoiler)
    return duration * ENDING_FRACTION + (duration * (1 - ENDING_FRACTION) * index) / Math.max(count, 1) / 2;
  return duration * (SPREAD_FROM + ((SPREAD_TO - SPREAD_FROM) * (index + 1)) / (count + 1));
}

/** Places facts on the episode's timeline, sorted by time; untimed facts stay `gap` apart where they can. */
export function buildTimeline(facts: FactView[], duration: number, gap: number): TimedFact[] {
  const timed = facts.filter((f) => f.at !== undefined).map((fact) => ({ fact, time: fact.at! }));
  const spoilers = facts.filter((f) => f.at === undefined && f.spoiler);
  const others = facts.filter((f) => f.at === undefined && !f.spoiler);
  const placed: TimedFact[] = [...timed];
  const place = (group: FactView[]) =>
    group.forEach((fact, i) => {
      let time = momentOf(fact, duration, i, group.length, gap);
      // Keep clear of cards already placed, without running past the end.
      const limit = finite(duration) ? duration * 0.97 : Infinity;
      for (const other of [...placed].sort((a, b) => a.time - b.time)) {
        if (Math.abs(other.time - time) < gap && time + gap <= limit) time = Math.max(time, other.time + gap);
      }
      placed.push({ fact, time });
    });
  place(others);
  place(spoilers);
  return placed.sort((a, b) => a.time - b.time);
}

/** Index of the first entry with time > t (binary search). */
function firstAfter(timeline: readonly TimedFact[], t: number): number {
  let lo = 0;
  let hi = timeline.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeline[mid]!.time <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The entries whose moment falls in (from, to]. */
export function dueBetween(timeline: readonly TimedFact[], from: number, to: number): TimedFact[] {
  if (to <= from) return [];
  return timeline.slice(firstAfter(timeline, from), firstAfter(timeline, to));
}
