/**
 * One inverted index of the search: sorted terms, each with the ascending list
 * of dramas (positions) it occurs in, stored as two packed string lists
 * (packed-strings.ts) and two typed arrays, so IndexedDB copies it in one go
 * and loading it back splits nothing.
 */
import { packedCount, packedStart, packStrings, type PackedStrings } from './packed-strings';

/** Drama positions: two bytes each while a catalog has at most 65,536 dramas. */
export type Postings = Uint16Array | Uint32Array;

/**
 * One term table as stored: the sorted terms in two lists, those written in
 * Latin-1 and those after them (hangul sorts after Latin): one hangul term
 * would make a single string two bytes a character, and most terms are Latin.
 */
export interface TermTableSnapshot {
  terms: PackedStrings;
  wideTerms: PackedStrings;
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
 * one-byte string. Lookups search both runs. Terms are read in place, by
 * position: a string is made only for a term that is visited.
 */
export class TermTable {
  /** How many terms the table holds. */
  readonly size: number;
  /** Where the second run (terms with a character past Latin-1) starts. */
  private readonly wideFrom: number;

  private constructor(
    private readonly narrow: PackedStrings,
    private readonly wide: PackedStrings,
    readonly starts: Uint32Array,
    readonly postings: Postings,
  ) {
    this.wideFrom = packedCount(narrow);
    this.size = this.wideFrom + packedCount(wide);
  }

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
    return new TermTable(packStrings(narrow), packStrings(terms.slice(narrow.length)), starts, postings);
  }

  static fromSnapshot(s: TermTableSnapshot): TermTable {
    return new TermTable(s.terms, s.wideTerms, s.starts, s.postings);
  }

  toSnapshot(): TermTableSnapshot {
    return { terms: this.narrow, wideTerms: this.wide, starts: this.starts, postings: this.postings };
  }

  /** The term at position `at`. */
  term(at: number): string {
    const run = this.runOf(at);
    const i = this.placeIn(at);
    return run.text.slice(packedStart(run, i), run.ends[i]);
  }

  /** The run that holds position `at`. */
  private runOf(at: number): PackedStrings {
    return at < this.wideFrom ? this.narrow : this.wide;
  }

  /** The place of position `at` in its run. */
  private placeIn(at: number): number {
    return at < this.wideFrom ? at : at - this.wideFrom;
  }

  /** The term at `at` compared with `s` as `<` compares strings (UTF-16 code units), without making a string. */
  private compare(at: number, s: string): number {
    const { text, ends } = this.runOf(at);
    const i = this.placeIn(at);
    const start = i === 0 ? 0 : ends[i - 1]!;
    const length = ends[i]! - start;
    const common = Math.min(length, s.length);
    for (let k = 0; k < common; k++) {
      const difference = text.charCodeAt(start + k) - s.charCodeAt(k);
      if (difference !== 0) return difference;
    }
    return length - s.length;
  }

  /** Whether the term at `at` starts with `prefix`. */
  private startsWith(at: number, prefix: string): boolean {
    const run = this.runOf(at);
    const i = this.placeIn(at);
    const start = packedStart(run, i);
    return run.ends[i]! - start >= prefix.length && run.text.startsWith(prefix, start);
  }

  /** The first position in [from, to) whose term is >= `s`. */
  private lowerBound(s: string, from: number, to: number): number {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(mid, s) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The position of `term`, or -1. */
  indexOf(term: string): number {
    const [from, to] = isWide(term) ? [this.wideFrom, this.size] : [0, this.wideFrom];
    const at = this.lowerBound(term, from, to);
    return at < to && this.compare(at, term) === 0 ? at : -1;
  }

  /** Calls `visit` for every term starting with `prefix` (at most `max` terms). */
  eachWithPrefix(prefix: string, max: number, visit: (term: string, at: number) => void): void {
    let left = max;
    // A Latin-1 prefix ("49") may begin terms of both runs; a wide one only of the second.
    const runs: [number, number][] = isWide(prefix)
      ? [[this.wideFrom, this.size]]
      : [
          [0, this.wideFrom],
          [this.wideFrom, this.size],
        ];
    for (const [from, to] of runs) {
      for (let i = this.lowerBound(prefix, from, to); i < to && left > 0; i++, left--) {
        if (!this.startsWith(i, prefix)) break;
        visit(this.term(i), i);
      }
    }
  }

  /** Calls `visit` for every term of `min` to `max` characters, in order. */
  eachOfLength(min: number, max: number, visit: (term: string, at: number) => void): void {
    for (const [run, offset] of [
      [this.narrow, 0],
      [this.wide, this.wideFrom],
    ] as const) {
      const { ends } = run;
      for (let i = 0, start = 0; i < ends.length; start = ends[i++]!) {
        const length = ends[i]! - start;
        if (length >= min && length <= max) visit(run.text.slice(start, ends[i]), offset + i);
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
