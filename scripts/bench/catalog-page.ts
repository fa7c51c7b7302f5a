/**
 * Runs in a Chromium page (bundled by scripts/bench.ts): the extension's own
 * database code against a generated catalog of 5,000 dramas and 100,000 facts.
 */
import { openCatalogDb, seedCatalog } from '../../utils/db/facts-store';
import { lookupEpisode } from '../../utils/db/lookup';
import { generateCatalog } from './generate-catalog';

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function run(dramas: number, facts: number, lookups: number) {
  const pack = generateCatalog(dramas, facts);
  const db = await openCatalogDb(`bench-${Date.now()}`);
  let t = performance.now();
  await seedCatalog(db, pack);
  const seedMs = performance.now() - t;

  const lookupMs: number[] = [];
  const rawGetMs: number[] = [];
  for (let i = 0; i < lookups; i++) {
    const drama = pack.dramas[(i * 7919) % pack.dramas.length]!;
    t = performance.now();
    const view = await lookupEpisode(db, { site: 'netflix', titles: [drama.title], episode: 1 + (i % 16) });
    lookupMs.push(performance.now() - t);
    if (!view) throw new Error(`lookup missed ${drama.title}`);
    t = performance.now();
    await db.get('facts', `fact-${(i * 104729) % pack.facts.length}`);
    rawGetMs.push(performance.now() - t);
  }
  const estimate = await navigator.storage.estimate();
  db.close();
  return {
    seedMs,
    lookupP50: percentile(lookupMs, 50),
    lookupP95: percentile(lookupMs, 95),
    rawGetP50: percentile(rawGetMs, 50),
    rawGetP95: percentile(rawGetMs, 95),
    dbBytes: estimate.usage ?? 0,
  };
}

(window as unknown as { runCatalogBench: typeof run }).runCatalogBench = run;
