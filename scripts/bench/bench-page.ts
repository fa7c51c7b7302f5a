/**
 * The benchmark's in-browser half, bundled by scripts/bench-search.ts and run
 * inside Chromium: builds our index and MiniSearch over the same generated
 * catalog, times the same typed queries on both, and seeds the extension's own
 * database for the popup's time-to-interactive.
 */
import MiniSearch from 'minisearch';
import type { CatalogPack } from '../../utils/catalog/types';
import { openCatalogDb } from '../../utils/db/database';
import { readSearchIndex } from '../../utils/db/search-store';
import { seedCatalog } from '../../utils/db/seed';
import { SearchIndex } from '../../utils/search/search-index';
import { generateCatalog } from './generate-catalog';

export interface EngineFigures {
  engine: string;
  buildMs: number;
  loadMs: number;
  p50: number;
  p95: number;
  max: number;
  queries: number;
}

/** The value below which `p` of the sorted figures fall. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

/** Every prefix of a text, as a viewer types it letter by letter (hangul: syllable by syllable). */
function typed(text: string): string[] {
  return [...text].map((_, i, chars) => chars.slice(0, i + 1).join('')).filter((q) => q.trim() !== '');
}

/** The fixed query set: titles typed letter by letter, hangul, people, typos, fact words. */
export function benchQueries(pack: CatalogPack): string[] {
  const queries: string[] = [];
  for (let i = 0; i < 8; i++) {
    const drama = pack.dramas[(i * 487) % pack.dramas.length]!;
    queries.push(...typed(drama.title));
    queries.push(...typed(drama.titleKo));
    queries.push(...typed(drama.cast[0]!.actor));
    const coined = drama.title.split(' ').pop()!;
    queries.push(coined.slice(0, 2) + coined.slice(3)); // one letter left out
  }
  const fact = pack.facts[4242]!;
  queries.push(
    ...typed('umbrella'),
    ...typed('rooftop confession'),
    ...typed(fact.text.split(' ').slice(-3).join(' ')),
  );
  return queries;
}

function minisearchDocs(pack: CatalogPack) {
  const factText = new Map<string, string[]>();
  for (const fact of pack.facts) factText.set(fact.dramaId, [...(factText.get(fact.dramaId) ?? []), fact.text]);
  return pack.dramas.map((d, id) => ({
    id,
    names: [d.title, d.titleKo, ...d.romanized, ...d.aliases].join(' '),
    people: d.cast.flatMap((c) => [c.actor, ...c.actorAliases, c.character]).join(' '),
    facts: (factText.get(d.id) ?? []).join(' '),
  }));
}

const MINISEARCH_OPTIONS = { fields: ['names', 'people', 'facts'] };

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function figures(engine: string, buildMs: number, loadMs: number, times: number[]): EngineFigures {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    engine,
    buildMs,
    loadMs,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    max: sorted[sorted.length - 1] ?? NaN,
    queries: times.length,
  };
}

/** Builds both engines over a generated catalog and times every query on each. */
export function runEngines(dramaCount: number, factCount: number): EngineFigures[] {
  const pack = generateCatalog(dramaCount, factCount);
  const queries = benchQueries(pack);

  let ours!: SearchIndex;
  const oursBuild = time(() => (ours = SearchIndex.build(pack.dramas, pack.facts)));
  const snapshot = ours.toSnapshot();
  const factPart = ours.factsSnapshot();
  let loaded!: SearchIndex;
  const oursLoad = time(
    () => (loaded = SearchIndex.fromSnapshot(structuredClone(snapshot), structuredClone(factPart))),
  );

  const docs = minisearchDocs(pack);
  let mini!: MiniSearch;
  const miniBuild = time(() => {
    mini = new MiniSearch(MINISEARCH_OPTIONS);
    mini.addAll(docs);
  });
  const json = JSON.stringify(mini);
  let miniLoaded!: MiniSearch;
  const miniLoad = time(() => (miniLoaded = MiniSearch.loadJSON(json, MINISEARCH_OPTIONS)));

  const engines: [string, (q: string) => unknown][] = [
    ['Between Takes', (q) => loaded.search(q, 20)],
    ['MiniSearch (defaults)', (q) => miniLoaded.search(q).slice(0, 20)],
    ['MiniSearch (prefix, fuzzy 0.2)', (q) => miniLoaded.search(q, { prefix: true, fuzzy: 0.2 }).slice(0, 20)],
  ];
  // One warm-up pass each, so the figures are of the optimised code a popup runs after its first keystrokes.
  for (const [, search] of engines) for (const q of queries.slice(0, 50)) search(q);
  return engines.map(([name, search], i) =>
    figures(
      name,
      i === 0 ? oursBuild : miniBuild,
      i === 0 ? oursLoad : miniLoad,
      queries.map((q) => time(() => search(q))),
    ),
  );
}

/** For each (query, expected drama id) on a real catalog: whether each engine puts that drama first. */
export function accuracy(
  pack: CatalogPack,
  table: [string, string][],
): { query: string; ours: boolean; mini: boolean }[] {
  const ours = SearchIndex.build(pack.dramas, pack.facts);
  const mini = new MiniSearch(MINISEARCH_OPTIONS);
  mini.addAll(minisearchDocs(pack));
  return table.map(([query, expected]) => ({
    query,
    ours: ours.search(query)[0]?.drama.id === expected,
    mini: pack.dramas[mini.search(query, { prefix: true, fuzzy: 0.2 })[0]?.id as number]?.id === expected,
  }));
}

/** Seeds the extension's database (from one of its own pages) with a generated catalog. */
export async function seedExtension(dramaCount: number, factCount: number): Promise<number> {
  const db = await openCatalogDb();
  // The background seeds the bundled catalog on install, and again whenever the
  // stored version differs from the bundled one (a worker restart checks). Wait
  // for that seed, replace it, then store the bundled version again: the
  // background then leaves the generated catalog alone for the whole benchmark.
  let bundledVersion: unknown;
  for (let waited = 0; typeof (bundledVersion = await db.get('meta', 'catalogVersion')) !== 'string'; waited += 50) {
    if (waited > 30_000) throw new Error('the background never seeded the bundled catalog');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const started = performance.now();
  await seedCatalog(db, generateCatalog(dramaCount, factCount));
  const seedMs = performance.now() - started;
  await db.put('meta', bundledVersion as string, 'catalogVersion');
  db.close();
  return seedMs;
}

/**
 * Bytes of a stored part as V8 holds it: a string at one byte a character when
 * every character is Latin-1, else two; typed arrays as they are.
 */
function bytesOf(value: unknown): number {
  // eslint-disable-next-line no-control-regex -- Latin-1 is what V8 stores one byte a character
  if (typeof value === 'string') return value.length * (/^[\u0000-\u00ff]*$/.test(value) ? 1 : 2);
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value === 'object' && value !== null) return Object.values(value).reduce((n, v) => n + bytesOf(v), 0);
  return 8;
}

/** A title of the generated catalog to type in the popup, the drama it should find, and the stored index's size and read time. */
export async function popupProbe(dramaCount: number, factCount: number) {
  const pack = generateCatalog(dramaCount, factCount);
  const drama = pack.dramas[Math.min(1234, pack.dramas.length - 1)]!;
  const index = SearchIndex.build(pack.dramas, pack.facts);
  const db = await openCatalogDb();
  const started = performance.now();
  const stored = readSearchIndex(db);
  await stored.full;
  const readAndLoad = performance.now() - started;
  const tx = db.transaction('meta');
  const readStarted = performance.now();
  await Promise.all([tx.store.get('searchIndex'), tx.store.get('searchFacts')]);
  const readMs = performance.now() - readStarted;
  db.close();
  return {
    title: drama.title,
    dramaId: drama.id,
    headKb: Math.round(bytesOf(index.toSnapshot()) / 1024),
    factsKb: Math.round(bytesOf(index.factsSnapshot()) / 1024),
    readMs,
    loadMs: Math.max(0, readAndLoad - readMs),
  };
}
