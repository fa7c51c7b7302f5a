/**
 * Reads season and episode numbers from the labels streaming sites print:
 * "E14", "S2:E3", "Season 1, Ep. 4", "S1: afl. 6", "Episode 5", "EP5", "14화",
 * "第5集", "Folge 3", "5.Title" (where a site is known to write it), and URL
 * slugs ending "-episode-5". Specials, trailers and teasers
 * have no episode number, whatever digits their label holds.
 */

export interface EpisodeLabel {
  season?: number;
  episode?: number;
}

/** Words that mark a video as something other than a numbered episode. */
const NOT_AN_EPISODE =
  /\b(?:special|specials|trailer|teaser|preview|highlights?|making|recap|behind the scenes|clip)\b|스페셜|예고|미리보기|特别|预告|花絮/i;

/** The largest episode number we believe; guards against years and ids. */
const MAX_EPISODE = 500;

/** Words for "episode" in the UI languages Disney+, Prime Video and Kocowa use after a season. */
const EPISODE_WORD = String.raw`(?:Episode|Ep\.?|E|Afl\.?|Aflevering|Folge|Épisode|Ép\.?|Episodio|Episódio|Avsnitt|Afsnit|Jakso|Odcinek|Bölüm|Tập|에피소드)`;

const SEASON_EPISODE: RegExp[] = [
  // S1:E5, S1 E5, S01E05, S1.E5, and Disney+'s localized "S1: afl. 6", "S1: Folge 6"
  new RegExp(
    String.raw`(?:^|[^\p{L}])S(?:eason)?\s*(\d{1,2})\s*[:.,\s-]?\s*${EPISODE_WORD}\s*(\d{1,3})(?![\p{L}\d])`,
    'iu',
  ),
  // Season 1, Ep. 4 / Season 1 Episode 4 / Staffel 1, Folge 4 / Saison 1, épisode 4 / 시즌 1 에피소드 4
  new RegExp(
    String.raw`(?:Season|Staffel|Saison|Temporada|Stagione|Seizoen|Säsong|Sezon|시즌)\s*(\d{1,2})\s*[,:-]?\s*${EPISODE_WORD}\s*(\d{1,3})(?![\p{L}\d])`,
    'iu',
  ),
];

const EPISODE_ONLY: RegExp[] = [
  // Episode 5, Ep. 5, Ep5, EP5, E5 (not part of a longer word)
  /(?:^|[^\p{L}])(?:Episode|Ep\.?|E)\s*(\d{1,3})(?![\p{L}\d])/iu,
  // Korean: 14화, 제14화, 14회
  /(?:제\s*)?(\d{1,3})\s*(?:화|회)(?![\p{L}])/u,
  // Chinese: 第5集, 第 5 集
  /第\s*(\d{1,3})\s*[集话話]/u,
  // Other UI languages Netflix and Disney+ use: Folge 3, Épisode 3, Episodio 3, Afl. 3, Aflevering 3, Avsnitt 3, Jakso 3, Odcinek 3, Bölüm 3
  /(?:^|[^\p{L}])(?:Folge|Épisode|Episodio|Episódio|Afl\.?|Aflevering|Avsnitt|Afsnit|Jakso|Odcinek|Bölüm|Tập|에피소드)\s*(\d{1,3})(?!\d)/iu,
  // Japanese: 第5話
  /第\s*(\d{1,3})\s*話/u,
];

function inRange(n: number, max: number): number | undefined {
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
}

/** Parses an episode label; returns {} when it names no numbered episode. */
export function parseEpisodeLabel(label: string): EpisodeLabel {
  const text = label.normalize('NFKC');
  if (NOT_AN_EPISODE.test(text)) return {};
  for (const pattern of SEASON_EPISODE) {
    const m = pattern.exec(text);
    if (m) {
      const season = inRange(Number(m[1]), 99);
      const episode = inRange(Number(m[2]), MAX_EPISODE);
      if (episode !== undefined) return season === undefined ? { episode } : { season, episode };
    }
  }
  for (const pattern of EPISODE_ONLY) {
    const m = pattern.exec(text);
    if (m) {
      const episode = inRange(Number(m[1]), MAX_EPISODE);
      if (episode !== undefined) return { episode };
    }
  }
  return {};
}

/**
 * Reads a label that starts with the episode number, "5.Title" or "14. Title",
 * as Viu's episode title does. Only for labels known to be of that form: a
 * title such as "1997" or "2gether" is not an episode number elsewhere.
 */
export function parseLeadingEpisodeNumber(label: string): EpisodeLabel {
  const text = label.normalize('NFKC').trim();
  if (NOT_AN_EPISODE.test(text)) return {};
  const m = /^(\d{1,3})\s*\.(?!\d)/.exec(text);
  const episode = m ? inRange(Number(m[1]), MAX_EPISODE) : undefined;
  return episode === undefined ? {} : { episode };
}

/** Reads "-episode-5" / "-ep-5" / "-ep5" at the end of a URL slug. */
export function parseEpisodeSlug(slug: string): { title: string; episode?: number } {
  const m = /^(.*?)-(?:episode|ep)-?(\d{1,3})$/i.exec(slug);
  if (!m) return { title: slug };
  const episode = inRange(Number(m[2]), MAX_EPISODE);
  return episode === undefined ? { title: m[1]! } : { title: m[1]!, episode };
}
