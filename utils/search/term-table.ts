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

/** Sorted terms, each with the ascending list of dramas it occurs in. */
export class TermTable {
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
export function addTerm(map: Map<string, number[]>, term: string, drama: number) {
  const list = map.get(term);
  if (!list) map.set(term, [drama]);
  else if (list[list.length - 1] !== drama) list.push(drama);
}
