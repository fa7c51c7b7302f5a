/**
 * Collects what the layers of a page say, most trusted first, into one
 * Playing: every title they name (no duplicates) and the episode of the first
 * layer that names one.
 */
import type { EpisodeLabel } from './episode-label';
import { uniqueTitles } from './page-data';
import type { Playing, SiteId } from './types';

/** One layer's reading: a series title ('' when the layer names none) and, when the layer says, its episode. */
export interface LayerReading {
  title: string;
  label?: EpisodeLabel;
}

/** Builds a Playing from layer readings in trust order; null when no layer names a title. */
export function playingFrom(site: SiteId, readings: LayerReading[], seriesId?: string): Playing | null {
  const titles = uniqueTitles(readings.map((r) => r.title));
  if (titles.length === 0) return null;
  const playing: Playing = { site, titles: titles.slice(0, 8) };
  // A reading may carry only an episode (title ''), such as the selected item
  // of an episode list; the first reading that names an episode decides.
  const withEpisode = readings.find((r) => r.label?.episode !== undefined);
  if (withEpisode?.label) {
    if (withEpisode.label.season !== undefined) playing.season = withEpisode.label.season;
    playing.episode = withEpisode.label.episode!;
  }
  if (seriesId !== undefined) playing.seriesId = seriesId;
  return playing;
}
