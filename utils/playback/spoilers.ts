/**
 * The spoiler rules, one definition for every surface (the overlay, its cards
 * and the toolbar popup). Facts about later episodes never reach the page at
 * all (the background only answers with the episode playing); these decide
 * which of the facts that do reach it stay veiled until the viewer gets there.
 */
import type { Fact } from '../catalog/types';
import type { EpisodeView, FactView } from '../messaging/views';

/** Where the video is. */
export interface PlaybackState {
  time: number;
  duration: number;
}

/** Where the viewer is in the drama: the episode playing (null: unknown) of how many. */
export interface EpisodePosition {
  episode: number | null;
  episodes: number;
}

/** Untimed facts that give away plot belong to the ending: the last tenth of the episode. */
export const ENDING_FRACTION = 0.9;

/**
 * The episode from which a drama-wide spoiler gives nothing away: the one its
 * source names, else the drama's final episode (never past it).
 */
export function spoilerFreeFrom(fact: Pick<Fact, 'spoilerFreeFrom'>, episodes: number): number {
  return Math.min(fact.spoilerFreeFrom ?? episodes, episodes);
}

/**
 * Whether a fact about the whole drama gives away plot the viewer, at
 * `episode` (their episode or their progress; null or 0 when unknown), has not
 * reached yet.
 */
export function isDramaWideSpoilerAhead(
  fact: Pick<Fact, 'episode' | 'spoiler' | 'spoilerFreeFrom'>,
  episode: number | null,
  episodes: number,
): boolean {
  return fact.episode === null && fact.spoiler && (episode ?? 0) < spoilerFreeFrom(fact, episodes);
}

/**
 * Whether a fact shown with an episode playing is veiled now: a drama-wide
 * spoiler until the episode where it stops being one; a fact of this episode
 * with a timestamp until its timestamp; an untimed spoiler of this episode
 * until the ending (always, when the episode's length is unknown). Other
 * facts are never veiled.
 */
export function isVeiled(
  fact: Pick<Fact, 'episode' | 'spoiler' | 'spoilerFreeFrom' | 'at'>,
  position: EpisodePosition,
  playback: PlaybackState | null,
): boolean {
  if (fact.episode === null) return isDramaWideSpoilerAhead(fact, position.episode, position.episodes);
  if (fact.episode !== position.episode) return false;
  const time = playback?.time ?? 0;
  if (fact.at !== undefined) return time < fact.at;
  if (!fact.spoiler) return false;
  const duration = playback?.duration ?? NaN;
  return !(Number.isFinite(duration) && duration > 0 && time >= duration * ENDING_FRACTION);
}

/**
 * Whether a fact is veiled in a list of the whole drama (the popup's search),
 * for a viewer who has watched up to episode `progress` (0: none): a fact about
 * a later episode, and a drama-wide spoiler not yet safe.
 */
export function isAheadOfProgress(
  fact: Pick<Fact, 'episode' | 'spoiler' | 'spoilerFreeFrom'>,
  progress: number,
  episodes: number,
): boolean {
  if (fact.episode === null) return isDramaWideSpoilerAhead(fact, progress, episodes);
  return fact.episode > progress;
}

/** The settings that decide what an episode's list shows. */
export interface ListingSettings {
  /** Veil what the viewer has not reached yet. */
  spoilerSafe: boolean;
  /** List facts about the drama as a whole. */
  dramaWideFacts: boolean;
}

/** What an episode's list shows, and which of it is veiled now. */
export interface EpisodeListing {
  episodeFacts: FactView[];
  /** Empty when the viewer keeps drama-wide facts off. */
  dramaFacts: FactView[];
  veiled(fact: FactView): boolean;
}

/**
 * The list of facts for the episode playing, as the overlay shows it and the
 * popup's This tab shows it too: the same facts, veiled by the same rule at the
 * same point of playback (the tab tells the popup where its video is).
 */
export function episodeListing(
  view: EpisodeView,
  settings: ListingSettings,
  playback: PlaybackState | null,
): EpisodeListing {
  const position = { episode: view.episode, episodes: view.drama.episodes };
  return {
    episodeFacts: view.episodeFacts,
    dramaFacts: settings.dramaWideFacts ? view.dramaFacts : [],
    veiled: (fact) => settings.spoilerSafe && isVeiled(fact, position, playback),
  };
}
