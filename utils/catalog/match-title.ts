/**
 * Title matching: maps what a streaming page calls a show to one catalog drama.
 *
 * Titles are compared by key, a normal form that ignores what differs between
 * platforms and the press but never the words themselves: case, accents,
 * punctuation, spacing ("Bubble Gum" / "Bubblegum"), a leading English article
 * ("The Heirs" / "Heirs"), a trailing year ("Healer (2014)"), "&" for "and"
 * ("Bread, Love & Dreams"), and the few abbreviations stores write for a whole
 * word ("Dr. Romantic" / "Doctor Romantic", "Mr. Queen" / "Mister Queen"): each
 * is one fixed word for one fixed word, not a guess. There is no fuzzy step: a
 * title whose key no drama carries matches nothing, because showing the
 * nearest wrong drama is worse than showing nothing.
 */
import type { Drama } from './types';

const LEADING_ARTICLE = /^(?:the|a|an)\s+/;
const TRAILING_YEAR = /\s*[([]?\s*(?:19|20)\d\d\s*[)\]]?$/;

/**
 * Abbreviations that stand for exactly one word in a title, whichever store
 * writes them: "Dr." is "Doctor", never anything else, in a drama's name.
 * ("St." is left out: Saint or Street.)
 */
const WHOLE_WORDS: Readonly<Record<string, string>> = {
  dr: 'doctor',
  mr: 'mister',
  vs: 'versus',
  pt: 'part',
  vol: 'volume',
};
const ABBREVIATION = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${Object.keys(WHOLE_WORDS).join('|')})(?![\p{L}\p{N}])`,
  'gu',
);

/** The normal form under which titles are compared; '' when nothing is left. */
export function titleKey(title: string): string {
  let s = title.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();
  // "&" is the word "and"; other punctuation and symbols (commas, colons, dashes, quotes) separate words.
  s = s
    .replace(/&/g, ' and ')
    .replace(/[\p{P}\p{S}\p{Cc}\p{Cf}\p{Cs}]+/gu, ' ')
    .replace(ABBREVIATION, (word) => WHOLE_WORDS[word]!)
    .replace(/\s+/gu, ' ')
    .trim();
  // A title that is only a year ("1997") keeps it.
  const withoutYear = s.replace(TRAILING_YEAR, '');
  if (withoutYear && !/^\d+$/.test(withoutYear) && hadParenthesisedYear(title)) s = withoutYear;
  s = s.replace(LEADING_ARTICLE, '');
  return s.replace(/\s+/gu, '');
}

function hadParenthesisedYear(title: string): boolean {
  return parenthesisedYear(title) !== undefined;
}

/** The year a title ends with in brackets, "Cheese in the Trap (2018)" → 2018. */
function parenthesisedYear(title: string): number | undefined {
  const m = /[([]\s*((?:19|20)\d\d)\s*[)\]]\s*$/.exec(title.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * The longest title, as written, the matcher looks at. Titles reach it cleaned
 * and capped at 200 characters (page-data.ts, messages-schema.ts); this is the
 * last line against a string grown huge with invisible characters.
 */
export const MAX_MATCH_INPUT_LENGTH = 1000;

/** How far a listed year may be from the record's: a drama that aired over New Year is listed under either. */
export const YEAR_TOLERANCE = 1;

/** Whether a year on a page can name one of two dramas and not the other. */
export function yearsTellApart(a: number, b: number): boolean {
  return Math.abs(a - b) > YEAR_TOLERANCE;
}

/** Every key a drama can be found under: title, hangul, romanisations, aliases. */
export function titleKeysOf(drama: Pick<Drama, 'title' | 'titleKo' | 'romanized' | 'aliases'>): string[] {
  const keys = [drama.title, drama.titleKo, ...drama.romanized, ...drama.aliases].map(titleKey);
  return [...new Set(keys.filter((k) => k.length > 0))];
}

/** What a page says is playing, as far as matching is concerned. */
export interface TitleQuery {
  title: string;
  season?: number;
}

/**
 * Picks the one drama a title names. `candidatesFor(key)` returns the dramas
 * carrying that key (from a Map in tests, from the title index in the
 * background, db/title-index.ts). No candidate, or more than one after the season is considered,
 * gives null.
 */
export async function matchTitle<T extends Pick<Drama, 'season' | 'year'>>(
  query: TitleQuery,
  candidatesFor: (key: string) => Promise<T[]> | T[],
): Promise<T | null> {
  if (query.title.length > MAX_MATCH_INPUT_LENGTH) return null;
  const key = titleKey(query.title);
  if (!key) return null;
  let candidates = await candidatesFor(key);
  // A page that names a season must name the season the record describes: a
  // "Season 2" is a different production with different episodes.
  if (query.season !== undefined) candidates = candidates.filter((d) => d.season === query.season);
  // A year in the title tells a remake or a film adaptation from the drama:
  // "Cheese in the Trap (2018)" is the film, not the 2016 series.
  const year = parenthesisedYear(query.title);
  if (year !== undefined) candidates = candidates.filter((d) => Math.abs(d.year - year) <= YEAR_TOLERANCE);
  return candidates.length === 1 ? candidates[0]! : null;
}

/** An in-memory key → dramas index, for tests and the no-IndexedDB fallback. */
export function indexByTitleKey(dramas: Drama[]): (key: string) => Drama[] {
  const index = new Map<string, Drama[]>();
  for (const drama of dramas) {
    for (const key of drama.titleKeys) index.set(key, [...(index.get(key) ?? []), drama]);
  }
  return (key) => index.get(key) ?? [];
}
