/**
 * Runs in a Chromium page (bundled by scripts/bench.ts): the extension's own
 * database code against a generated catalog of 5,000 dramas and 100,000 facts,
 * and against the catalog the extension ships.
 */
import { openCatalogDb } from '../../utils/db/database';
import { seedCatalog } from '../../utils/db/seed';
import { lookupEpisode } from '../../entrypoints/background/lookup';
import { titleKey } from '../../utils/catalog/match-title';
import { SearchIndex } from '../../utils/search/search-index';
import type { CatalogPack } from '../../utils/catalog/types';
import { generateCatalog } from './generate-catalog';

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function run(dramas: number, facts: number, lookups: number) {
  return runPack(generateCatalog(dramas, facts), lookups);
}

/** What this origin stores now, in bytes (every database of the bench page), as the browser last counted it. */
async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

/**
 * What this origin stores once the figure has settled: the browser counts a database's files
 * after the writes reach them, so a read straight after a seeding can give a figure from before
 * it (0.08 MB for 100,000 facts, once). Reads until two in a row, 250 ms apart, agree (5 s at most).
 */
async function settledUsage(): Promise<number> {
  let last = await usage();
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await usage();
    if (now === last) return now;
    last = now;
  }
  return last;
}

/**
 * The same measurements over a given pack (the catalog the extension ships), in
 * a database of its own, deleted afterwards so the next size's figure is its own.
 */
async function runPack(pack: CatalogPack, lookups: number) {
  const name = `bench-${Date.now()}`;
  const before = await settledUsage();
  const db = await openCatalogDb(name);
  let t = performance.now();
  await seedCatalog(db, pack);
  const seedMs = performance.now() - t;
  const dbBytes = (await settledUsage()) - before;
  t = performance.now();
  const index = SearchIndex.build(pack.dramas, pack.facts);
  const indexMs = performance.now() - t;

  // Queries as typed, letter by letter, over titles, people and fact words.
  const searchMs: number[] = [];
  const at = (i: number) => pack.dramas[i % pack.dramas.length]!;
  const queries = [at(17).title, at(4001).titleKo, at(99).cast[0]!.actor, 'filmed in', 'umbrella'];
  for (const query of queries) {
    for (let n = 1; n <= query.length; n++) {
      t = performance.now();
      index.search(query.slice(0, n), 20);
      searchMs.push(performance.now() - t);
    }
  }

  const lookupMs: number[] = [];
  const rawGetMs: number[] = [];
  // Look up dramas whose title no other generated drama shares (a shared title rightly matches nothing).
  const keyCount = new Map<string, number>();
  for (const d of pack.dramas) for (const k of d.titleKeys) keyCount.set(k, (keyCount.get(k) ?? 0) + 1);
  const findable = pack.dramas.filter((d) => keyCount.get(titleKey(d.title)) === 1);
  for (let i = 0; i < lookups; i++) {
    const drama = findable[(i * 7919) % findable.length]!;
    t = performance.now();
    // As a content script asks (the viewer's own facts stay in the extension's pages).
    const playing = { site: 'netflix' as const, titles: [drama.title], episode: 1 + (i % 16) };
    const view = await lookupEpisode(db, playing, { ownFacts: false });
    lookupMs.push(performance.now() - t);
    if (!view) throw new Error(`lookup missed ${drama.title}`);
    t = performance.now();
    // The floor: one get of one drama's record, what a lookup reads (another drama, so not a cached one).
    await db.get('dramaFacts', pack.dramas[(i * 104729) % pack.dramas.length]!.id);
    rawGetMs.push(performance.now() - t);
  }
  db.close();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
  return {
    seedMs,
    indexMs,
    searchP50: percentile(searchMs, 50),
    searchP95: percentile(searchMs, 95),
    lookupP50: percentile(lookupMs, 50),
    lookupP95: percentile(lookupMs, 95),
    rawGetP50: percentile(rawGetMs, 50),
    rawGetP95: percentile(rawGetMs, 95),
    dbBytes,
  };
}

(window as unknown as { runCatalogBench: typeof run; runPackBench: typeof runPack }).runCatalogBench = run;
(window as unknown as { runPackBench: typeof runPack }).runPackBench = runPack;
