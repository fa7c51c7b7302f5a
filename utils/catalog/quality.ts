/**
 * The catalog's editorial checks, beyond the schema the build enforces: what
 * `npm run catalog:check` (and so `npm test`) refuses in data/. Each problem
 * names the file, the field and the reason, as the build's do.
 *
 * - every drama has at least MIN_FACTS_PER_DRAMA facts;
 * - no two facts of a drama say nearly the same thing (word-trigram overlap);
 * - no fact repeats a long run of words from another fact, or from the local
 *   copy of its article (quoted lines, which may be quoted, are left out);
 * - every source in data/sources.json is used by some fact.
 *
 * The schema already requires every source's publisher, address and date, a
 * reference page for every drama, episode numbers in range and titles that
 * only years may share (compile.ts).
 */
import type { CatalogProblem } from './compile';
import type { CatalogPack, Fact } from './types';

export const MIN_FACTS_PER_DRAMA = 3;
/** Facts of one drama whose word trigrams overlap this much (Jaccard) say nearly the same thing. */
export const NEAR_DUPLICATE_SIMILARITY = 0.5;
/** This many words in a row, shared with another text, is a copied sentence, not a coincidence. */
export const COPIED_RUN_WORDS = 10;

/** An article the catalog keeps a local copy of, by source id. */
export interface ArticleText {
  sourceId: string;
  text: string;
}

/** Lower-case words (letters and digits, apostrophes dropped), with quoted lines left out when asked. */
export function wordsOf(text: string, { withoutQuotes = false } = {}): string[] {
  const body = withoutQuotes ? text.replace(/“[^”]*”|"[^"]*"/g, ' ') : text;
  return body
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function shingles(words: string[], size: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '));
  return out;
}

/** Jaccard similarity of two texts' word trigrams. */
export function similarity(a: string, b: string): number {
  const x = shingles(wordsOf(a), 3);
  const y = shingles(wordsOf(b), 3);
  if (x.size === 0 || y.size === 0) return 0;
  let both = 0;
  for (const s of x) if (y.has(s)) both++;
  return both / (x.size + y.size - both);
}

/** The first run of `size` words `text` shares with `other` (an index of its runs), if any. */
function sharedRun(words: string[], other: Set<string>, size: number): string | undefined {
  for (let i = 0; i + size <= words.length; i++) {
    const run = words.slice(i, i + size).join(' ');
    if (other.has(run)) return run;
  }
  return undefined;
}

/** Where a fact lives in data/: its file and its index there. */
function locate(pack: CatalogPack): Map<string, { file: string; field: string }> {
  const where = new Map<string, { file: string; field: string }>();
  const seen = new Map<string, number>();
  for (const fact of pack.facts) {
    const i = seen.get(fact.dramaId) ?? 0;
    seen.set(fact.dramaId, i + 1);
    where.set(fact.id, { file: `data/dramas/${fact.dramaId}.json`, field: `facts[${i}]` });
  }
  return where;
}

export function qualityProblems(pack: CatalogPack, articles: readonly ArticleText[] = []): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const where = locate(pack);
  const at = (fact: Fact, field: string, reason: string) => {
    const place = where.get(fact.id)!;
    problems.push({ file: place.file, field: `${place.field}.${field}`, reason });
  };

  const byDrama = new Map<string, Fact[]>();
  for (const fact of pack.facts) byDrama.set(fact.dramaId, [...(byDrama.get(fact.dramaId) ?? []), fact]);

  for (const drama of pack.dramas) {
    const facts = byDrama.get(drama.id) ?? [];
    if (facts.length < MIN_FACTS_PER_DRAMA) {
      problems.push({
        file: `data/dramas/${drama.id}.json`,
        field: 'facts',
        reason: `has ${facts.length} fact${facts.length === 1 ? '' : 's'}; every drama needs at least ${MIN_FACTS_PER_DRAMA}`,
      });
    }
    facts.forEach((fact, i) => {
      for (const other of facts.slice(0, i)) {
        const score = similarity(fact.text, other.text);
        if (score >= NEAR_DUPLICATE_SIMILARITY) {
          at(fact, 'text', `nearly repeats fact "${other.id}" (${Math.round(score * 100)}% of word triples shared)`);
        }
      }
    });
  }

  // Runs of words across every fact: each run remembers the first fact that has it.
  const runOwner = new Map<string, Fact>();
  for (const fact of pack.facts) {
    const words = wordsOf(fact.text, { withoutQuotes: true });
    const runs = shingles(words, COPIED_RUN_WORDS);
    const reported = new Set<string>();
    for (const run of runs) {
      const owner = runOwner.get(run);
      if (owner && owner.id !== fact.id && !reported.has(owner.id)) {
        reported.add(owner.id);
        at(fact, 'text', `repeats ${COPIED_RUN_WORDS} words in a row of fact "${owner.id}": "${run}"`);
      }
      if (!owner) runOwner.set(run, fact);
    }
  }

  const articleRuns = new Map(
    articles.map((a) => [a.sourceId, shingles(wordsOf(a.text, { withoutQuotes: true }), COPIED_RUN_WORDS)]),
  );
  for (const fact of pack.facts) {
    const runs = articleRuns.get(fact.sourceId);
    if (!runs) continue;
    const run = sharedRun(wordsOf(fact.text, { withoutQuotes: true }), runs, COPIED_RUN_WORDS);
    if (run) at(fact, 'text', `copies its article word for word ("${run}"); say it in the catalog's own words`);
  }

  const used = new Set(pack.facts.map((f) => f.sourceId));
  pack.sources.forEach((source, i) => {
    if (!used.has(source.id)) {
      problems.push({ file: 'data/sources.json', field: `sources[${i}]`, reason: `"${source.id}" is used by no fact` });
    }
  });
  return problems;
}
