/**
 * One inverted index of the search: sorted terms, each with the ascending list
 * of dramas (positions) it occurs in, stored as two strings and two typed
 * arrays so IndexedDB copies it in one go.
 */

/** Drama positions: two bytes each while a catalog has at most 65,536 dramas. */
export type Postings = Uint16Array | Uint32Array;

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

/** A term with a character past Latin-1 (hangul, an en dash): V8 would store the whole string two bytes a character. */
// eslint-disable-next-line no-control-regex -- Latin-1 is what V8 stores one byte a character
const isWide = (term: string) => !/^[\u0000-\u00ff]*$/.test(term);

/**
 * Terms in two sorted runs, each with the ascending list of dramas it occurs
 * in: the terms written in Latin-1 first, then every term with a character
 * past it ("49일" as much as "힐러"), so the first run is stored as a
 * one-byte string. Lookups search both runs.
 */
export class TermTable {
  constructor(
    readonly terms: string[],
    /** Where the second run (terms with a character past Latin-1) starts. */
    readonly wideFrom: number,
    readonly starts: Uint32Array,
    readonly postings: Postings,
  ) {}

  /** The table of `map`, whose postings are positions among `dramaCount` dramas. */
  static fromMap(map: Map<string, number[]>, dramaCount: number): TermTable {
    const all = [...map.keys()].sort();
    const narrow = all.filter((term) => !isWide(term));
    const terms = [...narrow, ...all.filter(isWide)];
    const starts = new Uint32Array(terms.length + 1);
    let size = 0;
    terms.forEach((term, i) => {
      starts[i] = size;
      size += map.get(term)!.length;
    });
    starts[terms.length] = size;
    const postings = dramaCount <= 0x10000 ? new Uint16Array(size) : new Uint32Array(size);
    terms.forEach((term, i) => postings.set(map.get(term)!, starts[i]));
    return new TermTable(terms, narrow.length, starts, postings);
  }

  static fromSnapshot(s: TermTableSnapshot): TermTable {
    const lines = (text: string) => (text === '' ? [] : text.split('\n'));
    const narrow = lines(s.terms);
    return new TermTable(narrow.concat(lines(s.wideTerms)), narrow.length, s.starts, s.postings);
  }

  toSnapshot(): TermTableSnapshot {
    return {
      terms: this.terms.slice(0, this.wideFrom).join('\n'),
      wideTerms: this.terms.slice(this.wideFrom).join('\n'),
      starts: this.starts,
      postings: this.postings,
    };
  }

  /** The first position in [from, to) whose term is >= `s`. */
  private lowerBound(s: string, from: number, to: number): number {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid]! < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The position of `term`, or -1. */
  indexOf(term: string): number {
    const [from, to] = isWide(term) ? [this.wideFrom, this.terms.length] : [0, this.wideFrom];
    const at = this.lowerBound(term, from, to);
    return at < to && this.terms[at] === term ? at : -1;
  }

  /** Calls `visit` for every term starting with `prefix` (at most `max` terms). */
  eachWithPrefix(prefix: string, max: number, visit: (term: string, at: number) => void): void {
    let left = max;
    // A Latin-1 prefix ("49") may begin terms of both runs; a wide one only of the second.
    const runs: [number, number][] = isWide(prefix)
      ? [[this.wideFrom, this.terms.length]]
      : [
          [0, this.wideFrom],
          [this.wideFrom, this.terms.length],
        ];
    for (const [from, to] of runs) {
      for (let i = this.lowerBound(prefix, from, to); i < to && left > 0; i++, left--) {
        const term = this.terms[i]!;
        if (!term.startsWith(prefix)) break;
        visit(term, i);
      }
    }
  }
}

/** Adds `term` → `drama` to a term map; dramas arrive in ascending order. */
export function addTerm(map: Map<string, number[]>, term: string, drama: number) {
  const list = map.get(term);
  if (!list) map.set(term, [drama]);
  else if (list[list.length - 1] !== drama) list.push(drama);
}
