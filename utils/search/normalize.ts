/**
 * The form search compares text in. Like title keys (match-title.ts) it ignores
 * case, accents, punctuation and spacing, but it keeps words apart (so word
 * order does not matter) and keeps hangul decomposed into jamo, so a syllable
 * still being typed ("히" on the way to "힐러") is already a prefix of the word.
 */

// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ASCII = /^[\x00-\x7f]*$/;

/** Lower-case, accent-free text with hangul syllables decomposed into jamo. */
export function foldText(text: string): string {
  // Most catalog text is plain ASCII, which normalisation would leave as it is.
  if (ASCII.test(text)) return text.toLowerCase();
  // NFKD splits accented letters into letter + mark (marks are dropped) and
  // hangul syllables into conjoining jamo (letters, so they stay).
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const NON_WORD = /[^\p{L}\p{N}]+/u;
/** Words joined by a hyphen, apostrophe or dot: "chang-wook", "o'brien". */
const JOINED_WORDS = /[\p{L}\p{N}]+(?:[-'’.‐‑][\p{L}\p{N}]+)+/gu;

/** The words of a query, folded, in the order typed, without repeats. */
export function queryWords(query: string): string[] {
  return [...new Set(foldText(query).split(NON_WORD).filter(Boolean))];
}

/**
 * The terms a text is indexed under: its folded words, and for words joined by
 * a hyphen also the joined form, so "Chang-wook" is found by "chang wook",
 * "wook" and "changwook" alike.
 */
export function indexTerms(text: string): string[] {
  const folded = foldText(text);
  const terms = folded.split(NON_WORD).filter(Boolean);
  for (const joined of folded.match(JOINED_WORDS) ?? []) terms.push(joined.replace(/[^\p{L}\p{N}]/gu, ''));
  return terms;
}

/** Text with everything but letters and digits removed: "Bubble Gum" and "Bubblegum" meet here. */
export function compactText(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

const LEADING_ARTICLE = /^(?:the|a|an)\s+/i;

/** Compact forms a title is found under: as written, and without a leading English article. */
export function compactTitleForms(title: string): string[] {
  const forms = [compactText(title), compactText(title.replace(LEADING_ARTICLE, ''))];
  return [...new Set(forms.filter(Boolean))];
}

/**
 * Whether two words are at most one edit apart (insert, delete, substitute, or
 * swap two neighbouring letters): "healr" / "healer", "heaelr" / "healer".
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    // One substitution, or one swap of neighbours.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // One insertion or deletion at i.
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
