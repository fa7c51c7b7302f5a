/**
 * Article import: a pasted behind-the-scenes article → candidate facts, each a
 * passage that speaks of a catalog drama, with the drama, the episode and the
 * people recognised, for the viewer to edit, accept or drop. Pure: no database.
 *
 * How an article is read, the way a person reads one:
 * - Paragraphs are split into sentences (Intl.Segmenter). A short line without
 *   closing punctuation ("4. Oh My Ghost", "9 Lee Joon Ki and IU") is a heading:
 *   it yields no candidate but sets what the lines under it are about.
 * - A sentence names a drama by a title or alias (as a capitalised phrase, so the
 *   adverb "nevertheless" is not the drama Nevertheless), by two or more of its
 *   cast, or by an actor who plays in only one catalog drama. A sentence naming
 *   none is about what the text under the current heading is about.
 * - Episodes: "episode 14", "ep. 14", "14화", "the final episode" (the drama's
 *   last); otherwise the episode carries on from the sentence before, a mention
 *   of "the (kiss) scene" points back to the last episode named, and "one of the
 *   scenes" / "another scene" means some other, unnamed scene (whole drama).
 * - Consecutive sentences of one paragraph about the same drama and episode make
 *   one candidate.
 */
import type { Drama } from './types';

/** How the drama of a candidate was recognised, strongest first. */
export type MatchedBy = 'title' | 'cast' | 'actor' | 'context';

export interface ArticleCandidate {
  /** The passage, as written in the article. */
  text: string;
  dramaId: string;
  /** The episode, or null for the drama as a whole. */
  episode: number | null;
  /** Cast members named in the passage (canonical names). */
  people: string[];
  matchedBy: MatchedBy;
}

type DramaInfo = Pick<Drama, 'id' | 'title' | 'titleKo' | 'romanized' | 'aliases' | 'episodes' | 'cast'>;

interface Token {
  word: string;
  start: number;
}

/** Lower-case, accent-free words with their offsets in the original text. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    out.push({ word: m[0].normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase(), start: m.index });
  }
  return out;
}

const words = (name: string) => tokens(name).map((t) => t.word);
const HANGUL = /\p{Script=Hangul}/u;

/** Where the phrase `needle` (as words) occurs in `hay`; `prefixLast` lets Korean particles follow the last word. */
function findPhrase(hay: Token[], needle: string[], prefixLast: boolean): number[] {
  const at: number[] = [];
  if (needle.length === 0) return at;
  for (let i = 0; i + needle.length <= hay.length; i++) {
    let ok = true;
    for (let j = 0; j < needle.length && ok; j++) {
      const w = hay[i + j]!.word;
      const last = j === needle.length - 1;
      ok = w === needle[j] || (last && prefixLast && w.startsWith(needle[j]!));
    }
    if (ok) at.push(i);
  }
  return at;
}

interface Matcher {
  drama: DramaInfo;
  titles: string[][];
  /** Each cast member: canonical name and every spelling as words. */
  cast: { actor: string; spellings: string[][] }[];
}

function matchers(dramas: DramaInfo[]): Matcher[] {
  return dramas.map((drama) => ({
    drama,
    titles: [drama.title, drama.titleKo, ...drama.romanized, ...drama.aliases].map(words).filter((w) => w.length > 0),
    cast: drama.cast.map((c) => ({ actor: c.actor, spellings: [c.actor, ...c.actorAliases].map(words) })),
  }));
}

/** Title mentions whose first letter is not lower-case: "Healer", “Healer”, 힐러, not "healer". */
function titleMentioned(sentence: string, toks: Token[], m: Matcher): boolean {
  return m.titles.some((title) => {
    const korean = HANGUL.test(title.join(''));
    return findPhrase(toks, title, korean).some((i) => {
      const first = sentence[toks[i]!.start]!;
      return first === first.toUpperCase();
    });
  });
}

/**
 * The cast members a sentence names. A one-word name ("Rain", "IU", "Eric")
 * counts only as a name is written, not in lower case: "from the rain" names nobody.
 */
function actorsNamed(sentence: string, toks: Token[], m: Matcher): string[] {
  const asName = (spelling: string[], at: number) =>
    spelling.length > 1 || !/\p{Ll}/u.test(sentence[toks[at]!.start] ?? '');
  return m.cast
    .filter((member) =>
      member.spellings.some((spelling) => findPhrase(toks, spelling, false).some((at) => asName(spelling, at))),
    )
    .map((member) => member.actor);
}

const EPISODE_PATTERNS: RegExp[] = [/\b(?:episode|ep\.?)\s*(\d{1,3})\b/i, /(\d{1,3})\s*(?:화|회)(?!\p{L})/u];
const FINAL_EPISODE = /\b(?:final|last)\s+episode\b|마지막\s*회|최종화/i;
/** "the scene", "the kiss scene", "the kissing scene": a scene already named. */
const SCENE_BACK_REFERENCE = /\bthe\s+(?:(?:teary\s+)?kiss(?:ing)?\s+)?scene\b/i;
/** Some other, unnamed scene. */
const OTHER_SCENE = /\b(?:one of the scenes|another scene|other scenes)\b/i;

function explicitEpisode(sentence: string, drama: DramaInfo): number | null | undefined {
  if (FINAL_EPISODE.test(sentence)) return drama.episodes;
  for (const pattern of EPISODE_PATTERNS) {
    const m = pattern.exec(sentence);
    if (m) {
      const n = Number(m[1]);
      if (n >= 1 && n <= drama.episodes) return n;
    }
  }
  return undefined;
}

/** A line that reads as a heading: short, no closing sentence punctuation. */
function isHeading(paragraph: string): boolean {
  return paragraph.length <= 100 && !/[.!?…:;,"”’)]$/.test(paragraph) && !paragraph.includes('. ');
}

function sentencesOf(paragraph: string): string[] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  return [...segmenter.segment(paragraph)].map((s) => s.segment.trim()).filter((s) => s.length > 0);
}

interface SentenceDrama {
  matcher: Matcher;
  by: MatchedBy;
  people: string[];
}

/** The dramas one sentence speaks of, by title, cast or single actor; empty when it names none. */
function dramasOf(sentence: string, all: Matcher[], context: Matcher[]): SentenceDrama[] {
  const toks = tokens(sentence);
  const found = new Map<string, SentenceDrama>();
  const named = new Map<string, string[]>();
  for (const m of all) {
    const actors = actorsNamed(sentence, toks, m);
    named.set(m.drama.id, actors);
    if (titleMentioned(sentence, toks, m)) found.set(m.drama.id, { matcher: m, by: 'title', people: actors });
    else if (actors.length >= 2) found.set(m.drama.id, { matcher: m, by: 'cast', people: actors });
  }
  // Actors not explained by a drama already found: one who plays in a single catalog
  // drama names it; one in several names the drama under discussion, if among them.
  const explained = new Set([...found.values()].flatMap((d) => d.people));
  const actorDramas = new Map<string, Matcher[]>();
  for (const m of all) {
    for (const actor of named.get(m.drama.id) ?? []) {
      if (!explained.has(actor)) actorDramas.set(actor, [...(actorDramas.get(actor) ?? []), m]);
    }
  }
  for (const [actor, ms] of actorDramas) {
    const inContext = ms.filter((m) => context.includes(m));
    const pick = ms.length === 1 ? ms[0] : inContext.length === 1 ? inContext[0] : undefined;
    if (!pick) continue;
    const entry = found.get(pick.drama.id);
    if (entry) entry.people = [...new Set([...entry.people, actor])];
    else found.set(pick.drama.id, { matcher: pick, by: 'actor', people: [actor] });
  }
  return [...found.values()];
}

/** Candidate facts from an article's text, in the article's order. */
export function articleCandidates(article: string, dramas: DramaInfo[]): ArticleCandidate[] {
  const all = matchers(dramas);
  const candidates: ArticleCandidate[] = [];
  const paragraphs = article
    .replace(/\r\n?/g, '\n')
    .split(/\n+/)
    // List numbering ("1.", "2)") says nothing about the drama and confuses sentence breaks.
    .map((p) => p.trim().replace(/^\d{1,3}[.)]\s+/, ''))
    .filter((p) => p.length > 0);

  let context: Matcher[] = [];
  /** Per drama, the episode the text is on and the last episode it named. */
  let current = new Map<string, number | null>();
  let lastNamed = new Map<string, number>();

  for (const paragraph of paragraphs) {
    if (isHeading(paragraph)) {
      // A new section: what it is about comes from the heading alone.
      context = dramasOf(paragraph, all, []).map((d) => d.matcher);
      current = new Map();
      lastNamed = new Map();
      continue;
    }
    let previous: ArticleCandidate[] = [];
    for (const sentence of sentencesOf(paragraph)) {
      let found = dramasOf(sentence, all, context);
      if (found.length === 0) {
        found = context.map((matcher) => ({
          matcher,
          by: 'context' as const,
          people: actorsNamed(sentence, tokens(sentence), matcher),
        }));
      } else {
        context = found.map((d) => d.matcher);
      }
      const next: ArticleCandidate[] = [];
      for (const { matcher, by, people } of found) {
        const id = matcher.drama.id;
        let episode = explicitEpisode(sentence, matcher.drama);
        if (episode !== undefined && episode !== null) lastNamed.set(id, episode);
        else if (OTHER_SCENE.test(sentence)) episode = null;
        else if (SCENE_BACK_REFERENCE.test(sentence) && lastNamed.has(id)) episode = lastNamed.get(id)!;
        else episode = current.get(id) ?? null;
        current.set(id, episode);

        const same = previous.find((c) => c.dramaId === id && c.episode === episode);
        if (same) {
          same.text = `${same.text} ${sentence}`;
          same.people = [...new Set([...same.people, ...people])];
          next.push(same);
        } else {
          const candidate: ArticleCandidate = { text: sentence, dramaId: id, episode, people, matchedBy: by };
          candidates.push(candidate);
          next.push(candidate);
        }
      }
      previous = next;
    }
  }
  return candidates;
}
