/**
 * Collects what the layers of a page say, most trusted first, into one
 * Playing: every title they name (no duplicates) and the episode of the first
 * layer that names one.
 */
import { parseEpisodeLabel, type EpisodeLabel } from './readers/episode-label';
import { uniqueTitles } from './readers/page-data';
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

/**
 * The label at the end of a page or player title, after the show's name:
 * "Heirs - Episode 14", "Breakup Probation, A Week: E08", "Healer E14",
 * "Cute Programmer EP1", "힐러 14화", "治愈者 第14集". It must start at a word
 * boundary, so the "E" inside "Hae-young" is not a label.
 */
const LABEL_AT_END =
  /^(.+?)\s*(?:[-–—|:·]\s*)?((?<![\p{L}\d])(?:(?:S(?:eason)?\s*\d{1,2}\s*[:.,]?\s*)?(?:Episode|Ep\.?|EP|E|Episodio|Episódio|Épisode|Folge)\s*\d{1,4}|第\s*\d{1,4}\s*[集话話]|제?\s*\d{1,4}\s*[화회])(?![\p{L}\d]).*)$/iu;

/**
 * Splits a page or player title into the show's name and its episode label,
 * after dropping the site's name ("| Rakuten Viki", "- Disney+") and a leading
 * "Watch". `siteName` is a regex source for the names the site appends.
 * Returns null when only the site's name is left (a page still loading).
 */
export function splitShowTitle(raw: string, siteName: string): LayerReading | null {
  const site = new RegExp(String.raw`^(?:${siteName})$`, 'i');
  const text = raw
    .replace(new RegExp(String.raw`\s*[|–—:-]\s*(?:${siteName})\s*$`, 'i'), '')
    .replace(new RegExp(String.raw`^(?:${siteName})\s*[|–—:-]\s*`, 'i'), '')
    .replace(/^Watch\s+/i, '')
    .trim();
  if (!text || site.test(text)) return null;
  const m = LABEL_AT_END.exec(text);
  if (!m) return { title: text };
  return { title: m[1]!, label: parseEpisodeLabel(m[2]!) };
}
