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
 * The stored form is made for the popup's first 150 ms (see
 * SearchIndexSnapshot): a few long strings and typed arrays, which IndexedDB's
 * structured clone copies in one go, instead of thousands of small objects it
 * would have to rebuild one by one. It comes in two parts: the titles every
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

/** Bump when the snapshot's shape or the way terms are made changes: stored indexes are then rebuilt. */
export const SEARCH_INDEX_FORMAT = 4;

/** What search knows of a drama: enough to show a result and describe why it matched. */
export interface SearchDrama {
  id: string;
  title: string;
  titleKo: string;
  year: number;
  episodes: number;
  /** Every name it goes by, canonical title first. */
  names: string[];
  /** Actors (with their other spellings) and characters; empty until the second part is loaded. */
  people: string[];
}

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

/** Drama positions: two bytes each while a catalog has at most 65,536 dramas. */
type Postings = Uint16Array | Uint32Array;

/**
 * One term table as stored: the sorted terms joined by "\n" (terms never
 * contain whitespace) in two strings, those starting in Latin script and those
 * after them (hangul sorts after Latin): one hangul term would make a single
 * string two bytes a character, and most terms are Latin.
 */
export interface TermTableSnapshot {
  terms: string;
  wideTerms: string;
  starts: Uint32Array;
  postings: Postings;
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
  dramas: string;
  /** Every drama's Korean title, in the same order, joined by the record separator. */
  titlesKo: string;
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
  castOf: string;
  people: TermTableSnapshot;
  facts: TermTableSnapshot;
}

// Separators of the drama records: control characters, which catalog text never contains (schema.ts).
const RECORD = '\u001d';
const FIELD = '\u001e';
const ITEM = '\u001f';
// eslint-disable-next-line no-control-regex -- exactly the separators above
const SEPARATORS = /[\u001d-\u001f]/g;

const clean = (s: string) => s.replace(SEPARATORS, ' ');

/** The stored records of `dramas`: the first part's two strings and the second part's people. */
export interface EncodedDramas {
  dramas: string;
  titlesKo: string;
  castOf: string;
}

/**
 * Drama records as strings: records split by RECORD, fields by FIELD, list
 * items by ITEM. The names stored are those besides the title and the Korean
 * title, which decoding puts back in front (they are always a drama's first names).
 */
export function encodeDramas(dramas: SearchDrama[]): EncodedDramas {
  return {
    dramas: dramas
      .map((d) =>
        [
          clean(d.id),
          clean(d.title),
          String(d.year),
          String(d.episodes),
          d.names
            .filter((n) => n !== d.title && n !== d.titleKo)
            .map(clean)
            .join(ITEM),
        ].join(FIELD),
      )
      .join(RECORD),
    titlesKo: dramas.map((d) => clean(d.titleKo)).join(RECORD),
    castOf: dramas.map((d) => d.people.map(clean).join(ITEM)).join(RECORD),
  };
}

const list = (s: string | undefined) => (s === undefined || s === '' ? [] : s.split(ITEM));

/** One drama back from its record, Korean title and (once loaded) people. */
function decodeDrama(record: string, titleKo: string, people: string | undefined): SearchDrama {
  const [id = '', title = '', year = '0', episodes = '0', names = ''] = record.split(FIELD);
  return {
    id,
    title,
    titleKo,
    year: Number(year),
    episodes: Number(episodes),
    names: [...new Set([title, titleKo, ...list(names)].filter(Boolean))],
    people: list(people),
  };
}

/** Every drama of encodeDramas' output; without `castOf`, with no people. */
export function decodeDramas({ dramas, titlesKo, castOf }: Omit<EncodedDramas, 'castOf'> & { castOf?: string }) {
  const records = splitRecords(dramas);
  const ko = splitRecords(titlesKo);
  const cast = castOf === undefined ? [] : splitRecords(castOf);
  return records.map((record, d) => decodeDrama(record, ko[d] ?? '', cast[d]));
}

// Scores: a title word outranks a person's name, which outranks a word in a fact.
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

/** Sorted terms, each with the ascending list of dramas it occurs in. */
class TermTable {
  constructor(
    readonly terms: string[],
    readonly starts: Uint32Array,
    readonly postings: Postings,
  ) {}

  /** The table of `map`, whose postings are positions among `dramaCount` dramas. */
  static fromMap(map: Map<string, number[]>, dramaCount: number): TermTable {
    const terms = [...map.keys()].sort();
    const starts = new Uint32Array(terms.length + 1);
    let size = 0;
    terms.forEach((term, i) => {
      starts[i] = size;
      size += map.get(term)!.length;
    });
    starts[terms.length] = size;
    const postings = dramaCount <= 0x10000 ? new Uint16Array(size) : new Uint32Array(size);
    terms.forEach((term, i) => postings.set(map.get(term)!, starts[i]));
    return new TermTable(terms, starts, postings);
  }

  static fromSnapshot(s: TermTableSnapshot): TermTable {
    const lines = (text: string) => (text === '' ? [] : text.split('\n'));
    return new TermTable(lines(s.terms).concat(lines(s.wideTerms)), s.starts, s.postings);
  }

  toSnapshot(): TermTableSnapshot {
    // Sorted by UTF-16 code unit, every term starting past Latin-1 comes after the rest.
    const wide = this.lowerBound('\u0100');
    return {
      terms: this.terms.slice(0, wide).join('\n'),
      wideTerms: this.terms.slice(wide).join('\n'),
      starts: this.starts,
      postings: this.postings,
    };
  }

  /** The first position whose term is >= `s`. */
  lowerBound(s: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid]! < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Calls `visit` for every term starting with `prefix` (at most `max` terms). */
  eachWithPrefix(prefix: string, max: number, visit: (term: string, at: number) => void): void {
    const start = this.lowerBound(prefix);
    const end = Math.min(this.terms.length, start + max);
    for (let i = start; i < end; i++) {
      const term = this.terms[i]!;
      if (!term.startsWith(prefix)) return;
      visit(term, i);
    }
  }
}

/** Adds `term` → `drama` to a term map; dramas arrive in ascending order. */
function addTerm(map: Map<string, number[]>, term: string, drama: number) {
  const list = map.get(term);
  if (!list) map.set(term, [drama]);
  else if (list[list.length - 1] !== drama) list.push(drama);
}

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
    private readonly records: string[],
    private readonly titlesKo: string[],
    private readonly titles: TermTable,
    private readonly compactTitles: TermTable,
    /** The second part (people, and the words of facts): null until loaded (withFacts). */
    private readonly rest: { castOf: string[]; people: TermTable; facts: TermTable } | null,
  ) {
    this.decoded = new Array<SearchDrama | undefined>(records.length);
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
      splitRecords(encoded.dramas),
      splitRecords(encoded.titlesKo),
      TermTable.fromMap(titles, n),
      TermTable.fromMap(compactTitles, n),
      {
        castOf: splitRecords(encoded.castOf),
        people: TermTable.fromMap(people, n),
        facts: TermTable.fromMap(factTerms, n),
      },
    );
  }

  /** The index from its stored form: titles now, people and the words of facts when given (or later, withFacts). */
  static fromSnapshot(s: SearchIndexSnapshot, rest?: PeopleAndFactsSnapshot): SearchIndex {
    const index = new SearchIndex(
      splitRecords(s.dramas),
      splitRecords(s.titlesKo),
      TermTable.fromSnapshot(s.titles),
      TermTable.fromSnapshot(s.compactTitles),
      null,
    );
    return rest ? index.withFacts(rest) : index;
  }

  /** This index with people and the words of facts added; throws if they were built for another catalog. */
  withFacts(s: PeopleAndFactsSnapshot): SearchIndex {
    if (s.dramaCount !== this.records.length) {
      throw new Error(`the facts part is for ${s.dramaCount} dramas, the index has ${this.records.length}`);
    }
    return new SearchIndex(this.records, this.titlesKo, this.titles, this.compactTitles, {
      castOf: splitRecords(s.castOf),
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
    return this.records.length;
  }

  /** The drama at position `d`, decoded once. */
  drama(d: number): SearchDrama {
    return (this.decoded[d] ??= decodeDrama(this.records[d]!, this.titlesKo[d] ?? '', this.rest?.castOf[d]));
  }

  /** The first part (titles), as plain data for IndexedDB. */
  toSnapshot(): SearchIndexSnapshot {
    return {
      format: SEARCH_INDEX_FORMAT,
      dramas: this.records.join(RECORD),
      titlesKo: this.titlesKo.join(RECORD),
      titles: this.titles.toSnapshot(),
      compactTitles: this.compactTitles.toSnapshot(),
    };
  }

  /** The second part (people and the words of facts) as plain data for IndexedDB; throws when it was never loaded. */
  factsSnapshot(): PeopleAndFactsSnapshot {
    if (!this.rest) throw new Error('people and the words of facts are not loaded');
    return {
      format: SEARCH_INDEX_FORMAT,
      dramaCount: this.records.length,
      castOf: this.rest.castOf.join(RECORD),
      people: this.rest.people.toSnapshot(),
      facts: this.rest.facts.toSnapshot(),
    };
  }

  /** Dramas matching `query`, best first, at most `limit`. */
  search(query: string, limit = 20): SearchResult[] {
    const words = queryWords(query).slice(0, MAX_QUERY_WORDS);
    if (words.length === 0) return [];
    const n = this.records.length;
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
        this.titles.terms.forEach((term, at) => {
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
        const exactFact = facts.lowerBound(word);
        if (facts.terms[exactFact] === word) mark(facts, exactFact, 2, SCORE.factExact);
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
    // Ties keep catalog order (the sort is stable): deterministic, and no locale-aware comparison over thousands of results.
    found.sort((a, b) => b.score - a.score);
    return found.slice(0, limit).map(({ d, score, mask }) => {
      const drama = this.drama(d);
      const fields = FIELDS.filter((_, i) => mask & (1 << i));
      return { drama, score, fields, matched: describeMatch(drama, words, fields) };
    });
  }
}

/** Drama records as stored, one string each. */
function splitRecords(text: string): string[] {
  return text === '' ? [] : text.split(RECORD);
}

/** Whether `word` finds `text` the way search does: by prefix, or (in titles) within one typo. */
function wordFinds(word: string, text: string, typos = true): boolean {
  const terms = [...indexTerms(text), compactText(text)];
  return terms.some((t) => t.startsWith(word) || (typos && word.length >= MIN_TYPO_LENGTH && withinOneEdit(word, t)));
}

/** The other name or person a query names, for "also known as …" and "cast: …" under a result. */
function describeMatch(drama: SearchDrama, words: string[], fields: MatchField[]): SearchResult['matched'] {
  const unmatchedByTitle = words.filter((w) => !wordFinds(w, drama.title));
  if (unmatchedByTitle.length === 0) return null;
  const name = fields.includes('title')
    ? drama.names.slice(1).find((n) => unmatchedByTitle.some((w) => wordFinds(w, n)))
    : undefined;
  if (name) return { kind: 'name', text: name };
  const person = fields.includes('people')
    ? drama.people.find((p) => unmatchedByTitle.some((w) => wordFinds(w, p, false)))
    : undefined;
  return person ? { kind: 'person', text: person } : null;
}

/** Whether a fact's words contain every word of `query` (prefix), for picking out the facts a search found. */
export function factMatches(fact: Pick<Fact, 'text' | 'people' | 'tags'>, query: string): boolean {
  const words = queryWords(query);
  if (words.length === 0) return false;
  const terms = [fact.text, ...fact.people, ...fact.tags].flatMap(indexTerms);
  return words.every((w) => terms.some((t) => t.startsWith(w)));
}
