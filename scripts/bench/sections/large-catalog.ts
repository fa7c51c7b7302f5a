/**
 * Section 6: seeding, lookup and search with the catalog the extension ships,
 * and with a generated catalog of 5,000 dramas and 100,000 facts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { ROOT } from '../../lib/browser';
import { compileCatalogDir } from '../../catalog-plugin';
import { record } from '../common';

/** Search as typed (budget: p95 ≤ 30 ms) and episode lookup beside a raw IndexedDB get, for one catalog. */
function recordSearchAndLookup(section: string, result: Record<string, number>) {
  record({
    section,
    measure: 'search as typed, p95',
    value: result['searchP95']!,
    unit: 'ms',
    baseline: { label: 'p50', value: result['searchP50']! },
    budget: { max: 30, label: 'ms' },
  });
  record({
    section,
    measure: 'episode lookup (title match + facts), p95',
    value: result['lookupP95']!,
    unit: 'ms',
    baseline: { label: 'raw IndexedDB get p95', value: result['rawGetP95']! },
  });
}

export async function largeCatalog(context: BrowserContext) {
  console.log('\nLarge catalog (5,000 dramas, 100,000 facts)');
  const outDir = join(ROOT, 'artifacts', 'bench-page');
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      lib: {
        entry: join(ROOT, 'scripts', 'bench', 'catalog-page.ts'),
        formats: ['iife'],
        name: 'bench',
        fileName: () => 'bench.js',
      },
    },
  });
  const script = readFileSync(join(outDir, 'bench.js'), 'utf8');
  const url = 'https://bench.between-takes.test/';
  await context.route(url, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>bench</title><script>${script}</script>` }),
  );
  const page = await context.newPage();
  await page.goto(url);
  const shipped = compileCatalogDir(join(ROOT, 'data'), ROOT);
  const real = await page.evaluate(
    (pack) =>
      (window as unknown as { runPackBench(p: unknown, n: number): Promise<Record<string, number>> }).runPackBench(
        pack,
        300,
      ),
    shipped,
  );
  const name = `the shipped catalog (${shipped.dramas.length} dramas, ${shipped.facts.length} facts)`;
  record({ section: 'catalog', measure: `seeding ${name}`, value: real['seedMs']!, unit: 'ms' });
  recordSearchAndLookup('catalog', real);
  const result = await page.evaluate(() =>
    (
      window as unknown as { runCatalogBench(d: number, f: number, n: number): Promise<Record<string, number>> }
    ).runCatalogBench(5000, 100_000, 300),
  );
  await page.close();
  record({
    section: 'large catalog',
    measure: 'seeding 5,000 dramas + 100,000 facts (with the search index)',
    value: result['seedMs']!,
    unit: 'ms',
  });
  record({
    section: 'large catalog',
    measure: 'building the search index alone',
    value: result['indexMs']!,
    unit: 'ms',
  });
  recordSearchAndLookup('large catalog', result);
  record({ section: 'large catalog', measure: 'episode lookup, p50', value: result['lookupP50']!, unit: 'ms' });
  record({ section: 'large catalog', measure: 'database size', value: result['dbBytes']! / 1024 / 1024, unit: 'MB' });
}
