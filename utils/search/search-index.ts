/**
 * Instant search over every drama and fact, for the toolbar popup.
 *
 * Three small inverted indexes map folded words (normalize.ts) to the dramas
 * they occur in: one for titles (every name a drama goes by), one for people
 * (actors and characters), one for the words of facts. Postings are drama
 * indexes, not fact ids, so the fact index of a 100,000-fact catalog stays a
 * few megabytes of typed arrays; which facts matched is worked out only for
 * the one drama the viewer opens.
 *
 * The stored form is made for the popup's first 100 ms (see
 * SearchIndexSnapshot): a few long strings and typed arrays, which IndexedDB's
 * structured clone copies in one go, instead of thousands of small objects it
 * would have to rebuild one by one; lists of strings are run together with
 * their ends beside them (packed-strings.ts), so loading splits nothing and a
 * string is made only for what a search visits. It comes in two parts: the titles every
 * drama goes by, which the first keystrokes need, kept small (about a quarter
 * of the whole for a 5,000-drama catalog); and people and the words of facts,
 * read right after. Until those arrive, a search leaves people and facts out.
 *
 * A drama is a result when every word of the query is found in it, in any
 * field and any order. Words match exactly, as a prefix (the query is being
 * typed), or in titles within one typo. Separately, the query with its spaces
 * removed matching the start of a title finds "Bubble Gum" for "bubblegum" and
 * "weight lifting" for "Weightlifting Fairy". Scores favour titles over people
 * over facts, exact over prefix over typo, and a query that is a whole title.
 */
import type { Drama, Fact } from '../catalog/types';
import { compactText, compactTitleForms, indexTerms, queryWords, withinOneEdit } from './normalize';
import { packedAt, packedCount, type PackedStrings } from './packed-strings';
import { decodeDrama, encodeDramas, type SearchDrama } from './record-codec';
import { addTerm, TermTable, type TermTableSnapshot } from './term-table';

/** Bump when the snapshot's shape or the way terms are made changes: stored indexes are then rebuilt. */
export const SEARCH_INDEX_FORMAT = 6;

/** Where a query word was found. */
export type MatchField = 'title' | 'people' | 'facts';
const FIELDS: readonly MatchField[] = ['title', 'people', 'facts'];

export interface SearchResult {
  drama: SearchDrama;
  score: number;
  /** The fields the query's words were found in, best field first. */
  fields: MatchField[];
  /** The other name or the person the query matched, when it is not the canonical title. */
  matched: { kind: 'name' | 'person'; text: string } | null;
}

/**
 * The first part of the index, as stored: enough to answer title queries.
 * Strings and typed arrays only, so reading it back is a copy of a few buffers
 * rather than a rebuild of an object graph. Korean titles are a string of
 * their own: one hangul character makes a whole string two bytes a character,
 * and the rest of the records are mostly Latin script.
 */
export interface SearchIndexSnapshot {
  format: typeof SEARCH_INDEX_FORMAT;
  /** Every drama's record (encodeDramas), decoded only for the results shown. */
  dramas: PackedStrings;
  /** Every drama's Korean title, in the same order. */
  titlesKo: PackedStrings;
  titles: TermTableSnapshot;
  /** Every name with its spaces and punctuation removed ("bubblegum"), for the whole-title bonus. */
  compactTitles: TermTableSnapshot;
}

/** The second part: people and the words of facts, stored apart so the popup need not wait for them. */
export interface PeopleAndFactsSnapshot {
  format: typeof SEARCH_INDEX_FORMAT;
  /** How many dramas the postings count: a second part only fits the index it was built with. */
  dramaCount: number;
  /** Every drama's people (encodeDramas' castOf), in the same order. */
  castOf: PackedStrings;
  people: TermTableSnapshot;
  facts: TermTableSnapshot;
}

const SCORE = {
  titleExact: 10,
  titlePrefix: 5, // + up to 3 the closer the prefix is to the whole word
  titleTypo: 5,
  peopleExact: 6,
  peoplePrefix: 3, // + up to 2
  factExact: 3,
  factPrefix: 1, // + up to 1
  wholeTitle: 12,
  titleStart: 6,
  wholePerson: 12,
};
/** Typos are forgiven only in words this long: in shorter ones one edit makes another word. */
const MIN_TYPO_LENGTH = 4;
/** Prefixes this short would match most of the facts' vocabulary: facts need the whole word. */
const MIN_FACT_PREFIX = 3;
const MIN_PEOPLE_PREFIX = 2;
/** A compact query shorter than this says too little to match the start of a title. */
const MIN_COMPACT_PREFIX = 3;
/** Caps the work of a short fact prefix ("the…") in a large catalog. */
const MAX_FACT_PREFIX_TERMS = 400;
const MAX_QUERY_WORDS = 12;

/** The names a drama goes by, canonical title first, without repeats. */
function namesOf(drama: Drama): string[] {
  return [...new Set([drama.title, drama.titleKo, ...drama.romanized, ...drama.aliases].filter(Boolean))];
}

function peopleOf(drama: Drama): string[] {
  return [...new Set(drama.cast.flatMap((c) => [c.actor, ...c.actorAliases, c.character]).filter(Boolean))];
}

/** The search index over a catalog's dramas and facts. */
export class SearchIndex {
  /** Drama records, decoded on first use: a search shows twenty of thousands. */
  private readonly decoded: (SearchDrama | undefined)[];

  private constructor(
    private readonly records: PackedStrings,
    private readonly titlesKo: PackedStrings,
    private readonly titles: TermTable,
    private readonly compactTitles: TermTable,
    /** The second part (people, and the words of facts): null until loaded (withFacts). */
    private readonly rest: { castOf: PackedStrings; people: TermTable; facts: TermTable } | null,
  ) {
    this.decoded = new Array<SearchDrama | undefined>(packedCount(records));
  }

  /** Builds the index from a catalog (at seed time, or in tests). */
  static build(dramas: Drama[], facts: Fact[]): SearchIndex {
    const position = new Map(dramas.map((d, i) => [d.id, i]));
    const factsByDrama: Fact[][] = dramas.map(() => []);
    for (const fact of facts) {
      const at = position.get(fact.dramaId);
      if (at !== undefined) factsByDrama[at]!.push(fact);
    }
    const titles = new Map<string, number[]>();
    const compactTitles = new Map<string, number[]>();
    const people = new Map<string, number[]>();
    const factTerms = new Map<string, number[]>();
    const searchDramas: SearchDrama[] = [];
    dramas.forEach((drama, d) => {
      const names = namesOf(drama);
      const persons = peopleOf(drama);
      searchDramas.push({
        id: drama.id,
        title: drama.title,
        titleKo: drama.titleKo,
        year: drama.year,
        episodes: drama.episodes,
        names,
        people: persons,
      });
      for (const form of names.flatMap(compactTitleForms)) addTerm(compactTitles, form, d);
      for (const name of names) for (const term of indexTerms(name)) addTerm(titles, term, d);
      for (const person of persons) {
        // The whole name run together too: "jichangwook".
        for (const term of [...indexTerms(person), compactText(person)]) addTerm(people, term, d);
      }
      for (const fact of factsByDrama[d]!) {
        for (const text of [fact.text, ...fact.people, ...fact.tags]) {
          for (const term of indexTerms(text)) addTerm(factTerms, term, d);
        }
      }
    });
    // Through the stored encoding, so a built index and a loaded one hold exactly the same records.
    const encoded = encodeDramas(searchDramas);
    const n = dramas.length;
    return new SearchIndex(
      encoded.dramas,
      encoded.titlesKo,
      TermTable.fromMap(titles, n),
      TermTable.fromMap(compactTitles, n),
      {
        castOf: encoded.castOf,
        people: TermTable.fromMap(people, n),
        facts: TermTable.fromMap(factTerms, n),
      },
    );
  }

  /** The index from its stored form: titles now, people and the words of facts when given (or later, withFacts). */
  static fromSnapshot(s: SearchIndexSnapshot, rest?: PeopleAndFactsSnapshot): SearchIndex {
    const index = new SearchIndex(
      s.dramas,
      s.titlesKo,
      TermTable.fromSnapshot(s.titles),
      TermTable.fromSnapshot(s.compactTitles),
      null,
    );
    return rest ? index.withFacts(rest) : index;
  }

  /** This index with people and the words of facts added; throws if they were built for another catalog. */
  withFacts(s: PeopleAndFactsSnapshot): SearchIndex {
    if (s.dramaCount !== this.size) {
      throw new Error(`the facts part is for ${s.dramaCount} dramas, the index has ${this.size}`);
    }
    return new SearchIndex(this.records, this.titlesKo, this.titles, this.compactTitles, {
      castOf: s.castOf,
      people: TermTable.fromSnapshot(s.people),
      facts: TermTable.fromSnapshot(s.facts),
    });
  }

  /** Whether people and the words of facts are loaded: until then, searches find titles only. */
  get hasFacts(): boolean {
    return this.rest !== null;
  }

  /** How many dramas the index covers. */
  get size(): number {
    return packedCount(this.records);
  }

  /** The drama at position `d`, decoded once. */
  drama(d: number): SearchDrama {
    return (this.decoded[d] ??= decodeDrama(
      packedAt(this.records, d),
      packedAt(this.titlesKo, d),
      this.rest ? packedAt(this.rest.castOf, d) : undefined,
    ));
  }

  /** The first part (titles), as plain data for IndexedDB. */
  toSnapshot(): SearchIndexSnapshot {
    return {
      format: SEARCH_INDEX_FORMAT,
      dramas: this.records,
      titlesKo: this.titlesKo,
      titles: this.titles.toSnapshot(),
      compactTitles: this.compactTitles.toSnapshot(),
    };
  }

  /** The second part (people and the words of facts) as plain data for IndexedDB; throws when it was never loaded. */
  factsSnapshot(): PeopleAndFactsSnapshot {
    if (!this.rest) throw new Error('people and the words of facts are not loaded');
    return {
      format: SEARCH_INDEX_FORMAT,
      dramaCount: this.size,
      castOf: this.rest.castOf,
      people: this.rest.people.toSnapshot(),
      facts: this.rest.facts.toSnapshot(),
    };
  }

  /** Dramas matching `query`, best first, at most `limit`. */
  search(query: string, limit = 20): SearchResult[] {
    const words = queryWords(query).slice(0, MAX_QUERY_WORDS);
    if (words.length === 0) return [];
    const n = this.size;
    const total = new Float64Array(n);
    const wordsFound = new Uint8Array(n);
    const fieldMask = new Uint8Array(n);
    const best = new Float64Array(n);
    const bestField = new Uint8Array(n);

    for (const word of words) {
      const touched: number[] = [];
      /** Credits every drama of the term at `at` with `score` for this word, keeping each drama's best. */
      const mark = (table: TermTable, at: number, field: number, score: number) => {
        const { starts, postings } = table;
        for (let p = starts[at]!, end = starts[at + 1]!; p < end; p++) {
          const d = postings[p]!;
          if (best[d] === 0) touched.push(d);
          if (score > best[d]!) {
            best[d] = score;
            bestField[d] = field;
          }
        }
      };
      const closeness = (term: string) => word.length / term.length;

      this.titles.eachWithPrefix(word, Infinity, (term, at) => {
        const score = term === word ? SCORE.titleExact : SCORE.titlePrefix + 3 * closeness(term);
        mark(this.titles, at, 0, score);
      });
      if (word.length >= MIN_TYPO_LENGTH) {
        // One edit changes a word's length by one at most.
        this.titles.eachOfLength(word.length - 1, word.length + 1, (term, at) => {
          if (!term.startsWith(word) && withinOneEdit(word, term)) mark(this.titles, at, 0, SCORE.titleTypo);
        });
      }
      const rest = this.rest;
      if (rest) {
        const { people, facts } = rest;
        people.eachWithPrefix(word, word.length >= MIN_PEOPLE_PREFIX ? Infinity : 0, (term, at) => {
          const score = term === word ? SCORE.peopleExact : SCORE.peoplePrefix + 2 * closeness(term);
          mark(people, at, 1, score);
        });
        const exactFact = facts.indexOf(word);
        if (exactFact >= 0) mark(facts, exactFact, 2, SCORE.factExact);
        if (word.length >= MIN_FACT_PREFIX) {
          facts.eachWithPrefix(word, MAX_FACT_PREFIX_TERMS, (term, at) => {
            if (term !== word) mark(facts, at, 2, SCORE.factPrefix + closeness(term));
          });
        }
      }

      for (const d of touched) {
        total[d]! += best[d]!;
        wordsFound[d]!++;
        fieldMask[d]! |= 1 << bestField[d]!;
        best[d] = 0;
      }
    }

    // The query with its spaces removed against every name's compact form: a whole
    // title ("bubble gum" → "bubblegum") or, from three letters on, its start.
    const compact = compactText(query);
    const titleBonus = new Uint8Array(n);
    const bonus = (at: number, score: number) => {
      const { starts, postings } = this.compactTitles;
      for (let p = starts[at]!, end = starts[at + 1]!; p < end; p++) {
        const d = postings[p]!;
        if (score > titleBonus[d]!) titleBonus[d] = score;
      }
    };
    this.compactTitles.eachWithPrefix(compact, compact.length >= MIN_COMPACT_PREFIX ? Infinity : 1, (form, at) => {
      if (form === compact) bonus(at, SCORE.wholeTitle);
      else if (compact.length >= MIN_COMPACT_PREFIX) bonus(at, SCORE.titleStart);
    });

    const found: { d: number; score: number; mask: number }[] = [];
    for (let d = 0; d < n; d++) {
      // A short query counts as a whole title only for a drama its words already found.
      const extra = compact.length >= MIN_COMPACT_PREFIX || wordsFound[d] === words.length ? titleBonus[d]! : 0;
      if (wordsFound[d] === words.length) found.push({ d, score: total[d]! + extra, mask: fieldMask[d]! });
      else if (extra > 0) {
        // The words only meet the title with their spaces removed ("bubble gum").
        found.push({ d, score: SCORE.titlePrefix * words.length + extra, mask: fieldMask[d]! | 1 });
      }
    }
    // A query that is a person's whole name ("Seo Hyun-jin") puts that person's dramas
    // before those where its words only meet in other names ("Seo…", "…Hyun", "Jin…").
    if (words.length > 1 && this.rest) {
      for (const entry of found) {
        if (!(entry.mask & 2)) continue;
        if (this.drama(entry.d).people.some((person) => compactText(person) === compact)) {
          entry.score += SCORE.wholePerson;
        }
      }
    }
    // Ties keep catalog order (the sort is stable): deterministic, and no locale-aware comparison over thousands of results.
    found.sort((a, b) => b.score - a.score);
    return found.slice(0, limit).map(({ d, score, mask }) => {
      const drama = this.drama(d);
      const fields = FIELDS.filter((_, i) => mask & (1 << i));
      return { drama, score, fields, matched: describeMatch(drama, words, fields) };
    });
  }
}

/** Whether `word` finds `text` the way search does: by prefix, or (in titles) within one typo. */
function wordFinds(word: string, text: string, typos = true): boolean {
  const terms = [...indexTerms(text), compactText(text)];
  return terms.some((t) => t.startsWith(word) || (typos && word.length >= MIN_TYPO_LENGTH && withinOneEdit(word, t)));
}

/**
 * Of `candidates`, the one that the most of `words` find (the first of equals), or
 * undefined when none finds any: "Park Min-young" names Park Min-young, not an actor
 * listed before her who shares "Min".
 */
function mostFound(candidates: string[], words: string[], typos: boolean): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const candidate of candidates) {
    const count = words.filter((w) => wordFinds(w, candidate, typos)).length;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}

/** The other name or person a query names, for "also known as …" and "cast: …" under a result. */
function describeMatch(drama: SearchDrama, words: string[], fields: MatchField[]): SearchResult['matched'] {
  const unmatchedByTitle = words.filter((w) => !wordFinds(w, drama.title));
  if (unmatchedByTitle.length === 0) return null;
  const name = fields.includes('title') ? mostFound(drama.names.slice(1), unmatchedByTitle, true) : undefined;
  if (name) return { kind: 'name', text: name };
  const person = fields.includes('people') ? mostFound(drama.people, unmatchedByTitle, false) : undefined;
  return person ? { kind: 'person', text: person } : null;
}

/** Whether a fact's words contain every word of `query` (prefix), for picking out the facts a search found. */
export function factMatches(fact: Pick<Fact, 'text' | 'people' | 'tags'>, query: string): boolean {
  const words = queryWords(query);
  if (words.length === 0) return false;
  const terms = [fact.text, ...fact.people, ...fact.tags].flatMap(indexTerms);
  return words.every((w) => terms.some((t) => t.startsWith(w)));
}
