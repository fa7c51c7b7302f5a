/**
 * Reads season and episode numbers from the labels streaming sites print.
 * Every form below is one a long-maintained reader of that site parses, or one
 * its saved pages show (docs/sites.md names the file):
 *
 * - "S2:E1", "Episode 1" (Netflix; Dreamlinerm/Netflix-Prime-Auto-Skip
 *   src/content-script/netflix.ts), "Flg. 1" (its German example);
 * - "Season 1, Ep. 4 The Ghouls" (Prime Video; trakt-tools/universal-trakt-scrobbler
 *   src/services/amazon-prime/AmazonPrimeParser.ts), "シーズン1、エピソード1 …" and
 *   "S1 E1 …" (Midra429/NCOverlay src/entrypoints/vod-primeVideo.content/index.ts),
 *   "Staffel 2, F. 1" (Dreamlinerm src/content-script/shared-functions.ts);
 * - "S1:E6 Title" (Disney+; PreMiD/Activities websites/D/Disney+/presence.ts),
 *   "S1: afl. 6 Title" (universal-trakt-scrobbler DisneyplusParser.ts),
 *   "S1：第6話「…」" and "第6話" (NCOverlay vod-disneyPlus.content/index.ts);
 * - "航海王 第1000集" (iQIYI; yt-dlp/yt-dlp yt_dlp/extractor/iqiyi.py IqIE);
 * - "EP1: Show", "EP1：Show", "EP06B: Show" (WeTV; yt-dlp tencent.py WeTvEpisodeIE
 *   and its issue #5909), "Teaser EP18: Show" (ngsoft/userscripts src/wetv_example.json);
 * - "1150.Title" (Viu; PreMiD websites/V/Viu/presence.ts `#series_ep_title`),
 *   "Detective Conan - Episode 1150" (yt-dlp viu.py, Indonesian site);
 * - URL slugs "-episode-1000" (iQIYI) and "-season3-episode-1".
 *
 * The Korean (14화, 16회, 시즌 1 에피소드 14), Spanish, Portuguese and French words
 * were read before these sources were studied and no anchor contradicts them;
 * no anchor shows a site printing them either.
 *
 * The number beside an episode's title wins over the words of that title
 * ("Season 1, Ep. 5 A Special Night" is episode 5). Specials, trailers, teasers
 * and previews have no episode number: a word of that kind before the number
 * ("Teaser EP18", "Special Episode 1"), or as all that follows a label without a
 * season ("Episode 14 Preview", "第1集预告"), marks one. After a season and episode
 * ("S1:E6 The Trailer") the rest is always the episode's title.
 */

export interface EpisodeLabel {
  season?: number;
  episode?: number;
}

/** Words that mark a video as something other than a numbered episode. */
const NOT_AN_EPISODE_WORDS = String.raw`\b(?:specials?|trailers?|teasers?|previews?|highlights?|making|recap|behind the scenes|clips?)\b|스페셜|예고편?|미리보기|特别篇?|预告片?|預告片?|花絮`;
const NOT_AN_EPISODE = new RegExp(NOT_AN_EPISODE_WORDS, 'i');
const NOT_AN_EPISODE_ALL = new RegExp(NOT_AN_EPISODE_WORDS, 'gi');

/**
 * The largest episode number we believe: four digits, as long-running shows
 * reach (iQIYI's One Piece 1000, Viu's Detective Conan 1150 and Entertainment
 * Weekly 1622, in yt-dlp's tests).
 */
export const MAX_EPISODE = 9999;

/** An episode number: one to four digits. */
const N = String.raw`(\d{1,4})`;

/** Words for "episode" after a season. */
const EPISODE_WORD = String.raw`(?:Episode|Ep\.?|E|F\.|Flg\.|Afl\.?|Aflevering|Folge|Épisode|Ép\.?|Episodio|Episódio|에피소드|エピソード)`;

/** A season and an episode, in that order: [season, episode] in groups 1 and 2. */
const SEASON_EPISODE: RegExp[] = [
  // S1:E5, S1 E5, S01E05, and Disney+'s "S1: afl. 6"
  new RegExp(String.raw`(?:^|[^\p{L}])S(?:eason)?\s*(\d{1,2})\s*[:.,\s-]?\s*${EPISODE_WORD}\s*${N}(?![\p{L}\d])`, 'iu'),
  // Season 1, Ep. 4 / Staffel 2, F. 1 / シーズン1、エピソード1 / 시즌 1 에피소드 4
  new RegExp(
    String.raw`(?:Season|Staffel|Saison|Temporada|시즌|シーズン)\s*(\d{1,2})\s*[,:、-]?\s*${EPISODE_WORD}\s*${N}(?![\p{L}\d])`,
    'iu',
  ),
  // Disney+ in Japanese: S1：第6話 (the full-width colon is ":" once NFKC-normalised)
  new RegExp(String.raw`(?:^|[^\p{L}])S\s*(\d{1,2})\s*:?\s*第\s*${N}\s*[話话集]`, 'iu'),
];

/** An episode alone: the number in group 1. */
const EPISODE_ONLY: RegExp[] = [
  // Episode 5, Ep. 5, EP5, E5 (not part of a longer word); WeTV's split "EP06B" is episode 6
  new RegExp(String.raw`(?:^|[^\p{L}])(?:Episode|Ep\.?|E)\s*${N}(?:(?<=EP\d+)[AB])?(?![\p{L}\d])`, 'iu'),
  // Korean: 14화, 제14화, 14회
  new RegExp(String.raw`(?:제\s*)?${N}\s*(?:화|회)(?![\p{L}])`, 'u'),
  // Chinese and Japanese: 第5集, 第 5 集, 第5話
  new RegExp(String.raw`第\s*${N}\s*[集话話]`, 'u'),
  // Folge 3, Flg. 3, Épisode 3, Episodio 3, Afl. 3, Aflevering 3, 에피소드 3, エピソード3
  new RegExp(
    String.raw`(?:^|[^\p{L}])(?:Folge|Flg\.|Épisode|Episodio|Episódio|Afl\.?|Aflevering|에피소드|エピソード)\s*${N}(?!\d)`,
    'iu',
  ),
];

function inRange(n: number, max: number): number | undefined {
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
}

/** Whether `rest` (what follows an episode number) says only "preview", "teaser 2", "预告"… */
function onlyNotAnEpisode(rest: string): boolean {
  const words = rest.replace(/[\s\p{P}\d]+/gu, ' ').trim();
  return words !== '' && words.replace(NOT_AN_EPISODE_ALL, '').trim() === '';
}

/** Parses an episode label; returns {} when it names no numbered episode. */
export function parseEpisodeLabel(label: string): EpisodeLabel {
  const text = label.normalize('NFKC');
  const tries: [RegExp, boolean][] = [
    ...SEASON_EPISODE.map((p): [RegExp, boolean] => [p, true]),
    ...EPISODE_ONLY.map((p): [RegExp, boolean] => [p, false]),
  ];
  for (const [pattern, withSeason] of tries) {
    const m = pattern.exec(text);
    if (!m) continue;
    if (NOT_AN_EPISODE.test(text.slice(0, m.index))) return {};
    if (!withSeason && onlyNotAnEpisode(text.slice(m.index + m[0].length))) return {};
    const episode = inRange(Number(m[withSeason ? 2 : 1]), MAX_EPISODE);
    if (episode === undefined) continue;
    const season = withSeason ? inRange(Number(m[1]), 99) : undefined;
    return season === undefined ? { episode } : { season, episode };
  }
  return {};
}

/**
 * Reads a label that starts with the episode number, "5.Title" or "1150.Title",
 * as Viu's episode title does (PreMiD Viu presence.ts: `split('.')[0]`). Only
 * for labels known to be of that form: a title such as "1997" or "2gether" is
 * not an episode number elsewhere.
 */
export function parseLeadingEpisodeNumber(label: string): EpisodeLabel {
  const text = label.normalize('NFKC').trim();
  const m = /^(\d{1,4})\s*\.(?!\d)(.*)$/.exec(text);
  if (!m || onlyNotAnEpisode(m[2]!)) return {};
  const episode = inRange(Number(m[1]), MAX_EPISODE);
  return episode === undefined ? {} : { episode };
}

/**
 * Reads "-episode-5", "-ep-5", "-ep5" and "-season3-episode-1" at the end of a
 * URL slug (iQIYI: yt-dlp iqiyi.py's "one-piece-episode-1000", and
 * "be-my-wife-season3-episode-1" from its issue tracker).
 */
export function parseEpisodeSlug(slug: string): { title: string; season?: number; episode?: number } {
  const m = /^(.*?)(?:-season-?(\d{1,2}))?-(?:episode|ep)-?(\d{1,4})$/i.exec(slug);
  if (!m) return { title: slug };
  const episode = inRange(Number(m[3]), MAX_EPISODE);
  if (episode === undefined) return { title: m[1]! };
  const season = m[2] ? inRange(Number(m[2]), 99) : undefined;
  return season === undefined ? { title: m[1]!, episode } : { title: m[1]!, season, episode };
}
