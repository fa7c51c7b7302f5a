/**
 * A list of strings as the search index stores it: run together in one string,
 * with where each ends in a typed array. Structured clone copies the two whole,
 * and reading one back is a slice: nothing is split or rebuilt when the popup
 * loads the index, which on this machine cost a few milliseconds per 10,000
 * strings, on the path to interactive.
 */

export interface PackedStrings {
  /** Every string, in order, with nothing between them. */
  text: string;
  /** Where each string ends in `text` (exclusive); the first starts at 0. */
  ends: Uint32Array;
}

/** `strings` packed. */
export function packStrings(strings: readonly string[]): PackedStrings {
  const ends = new Uint32Array(strings.length);
  let at = 0;
  strings.forEach((s, i) => (ends[i] = at += s.length));
  return { text: strings.join(''), ends };
}

/** How many strings `packed` holds. */
export const packedCount = (packed: PackedStrings): number => packed.ends.length;

/** Where the `i`th string starts in `packed.text`. */
export const packedStart = (packed: PackedStrings, i: number): number => (i === 0 ? 0 : packed.ends[i - 1]!);

/** The `i`th string of `packed` (for i from 0 to packedCount - 1). */
export const packedAt = (packed: PackedStrings, i: number): string =>
  packed.text.slice(packedStart(packed, i), packed.ends[i]);

/** Every string of `packed`: packStrings' inverse. */
export function unpackStrings(packed: PackedStrings): string[] {
  return Array.from(packed.ends, (_, i) => packedAt(packed, i));
}
