/**
 * The spoiler guard inside an episode. Facts about later episodes never reach
 * the page at all (the background only answers with the episode playing); this
 * decides which facts of the current episode stay veiled until their moment.
 */
import type { FactView } from '../../entrypoints/background/lookup';

/** Where the video is. */
export interface PlaybackState {
  time: number;
  duration: number;
}

/** Untimed facts that give away plot belong to the ending: the last tenth of the episode. */
export const ENDING_FRACTION = 0.9;

/**
 * Whether a fact of the episode playing is about a moment that has not come yet:
 * a timestamped fact until its timestamp; an untimed spoiler until the ending
 * (always, when the episode's length is unknown). Drama-wide facts and facts
 * without a timestamp that spoil nothing are never veiled.
 */
export function isVeiled(fact: FactView, episode: number | null, playback: PlaybackState | null): boolean {
  if (fact.episode === null || fact.episode !== episode) return false;
  const time = playback?.time ?? 0;
  if (fact.at !== undefined) return time < fact.at;
  if (!fact.spoiler) return false;
  const duration = playback?.duration ?? NaN;
  return !(Number.isFinite(duration) && duration > 0 && time >= duration * ENDING_FRACTION);
}
