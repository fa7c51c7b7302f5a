/**
 * `npm run bench`: what Between Takes costs a streaming page, measured in real
 * Chromium with the built extension, each figure beside a baseline from the
 * same run and its budget. Writes docs/benchmarks.md and docs/benchmarks.json;
 * `npm run bench:check` fails when a budget is missed. Set BENCH_QUICK=1 for a
 * shorter run (fewer samples, 15 s of playback) while working on it.
 */
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import { EXTENSION_DIR, launchPlain, launchWithExtension, ROOT, serveFixture } from './lib/browser';
import { writeMarkdown } from './lib/markdown';

const QUICK = process.env['BENCH_QUICK'] === '1';
const LOADS = QUICK ? 8 : 25;
const WARM = QUICK ? 8 : 20;
const COLD = QUICK ? 4 : 10;
const PLAY_SECONDS = QUICK ? 15 : 60;
const NAVIGATIONS = 200;

export interface Row {
  section: string;
  measure: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number };
  budget?: { max: number; label: string };
}
const rows: Row[] = [];
const record = (row: Row) => {
  rows.push(row);
  const base = row.baseline ? `  (${row.baseline.label}: ${fmt(row.baseline.value)})` : '';
  const budget = row.budget ? `  budget ≤ ${fmt(row.budget.max)} ${row.budget.label}` : '';
  console.log(`  ${row.measure}: ${fmt(row.value)} ${row.unit}${base}${budget}`);
};
const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const median = (samples: number[]) => percentile(samples, 50);

const WATCH_URL = 'https://www.netflix.com/watch/80049015';

// ── 1. Content scripts ──────────────────────────────────────────────────────
function contentScriptSizes() {
  console.log('\nContent scripts');
  const dir = join(EXTENSION_DIR, 'content-scripts');
  let raw = 0;
  const chunks: Buffer[] = [];
  for (const name of readdirSync(dir).filter((n) => /\.(js|css)$/.test(n))) {
    const bytes = readFileSync(join(dir, name));
    raw += statSync(join(dir, name)).size;
    chunks.push(bytes);
  }
  const gzip = gzipSync(Buffer.concat(chunks), { level: 9 }).length;
  record({ section: 'content scripts', measure: 'JS + CSS raw', value: raw / 1024, unit: 'KB' });
  record({
    section: 'content scripts',
    measure: 'JS + CSS gzip',
    value: gzip / 1024,
    unit: 'KB',
    budget: { max: 25, label: 'KB' },
  });
}

// ── helpers ─────────────────────────────────────────────────────────────────
async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** Loads the watch page once in a new tab; returns its load time and main-thread time after settling (ms). */
async function loadOnce(context: BrowserContext) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(WATCH_URL, { waitUntil: 'load' });
  const load = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return nav.loadEventEnd - nav.startTime;
  });
  await page.waitForTimeout(800); // document_idle work and the first lookup
  const m = await metrics(cdp);
  await page.close();
  return {
    load,
    busy: ((m['ScriptDuration'] ?? 0) + (m['LayoutDuration'] ?? 0) + (m['RecalcStyleDuration'] ?? 0)) * 1000,
  };
}

/**
 * The floor any content script starts from: an extension whose content script,
 * on the same sites, is one statement. Chromium sets up an isolated world and
 * injects it before a fast page's load event, which costs by itself.
 */
function oneLineExtension(): string {
  const dir = join(ROOT, 'artifacts', 'one-line-extension');
  mkdirSync(dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    content_scripts: { matches: string[] }[];
  };
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'one-line content script',
      version: '1.0',
      content_scripts: [{ matches: manifest.content_scripts[0]!.matches, run_at: 'document_idle', js: ['cs.js'] }],
    }),
  );
  writeFileSync(join(dir, 'cs.js'), 'void 0;\n');
  return dir;
}

// ── 2. Page load ────────────────────────────────────────────────────────────
async function pageLoad(withExt: BrowserContext, plain: BrowserContext) {
  console.log(`\nPage load (${LOADS} loads each, alternating, each in a new tab)`);
  const floor = await launchPlain(oneLineExtension());
  for (const context of [withExt, plain, floor.context]) {
    await serveFixture(context, WATCH_URL, 'netflix/watch-healer-e14.html');
  }
  // Alternating with and without cancels the drift of a shared machine's load.
  const a = { loads: [] as number[], busy: [] as number[] };
  const b = { loads: [] as number[], busy: [] as number[] };
  const c = { loads: [] as number[], busy: [] as number[] };
  for (let i = 0; i < LOADS; i++) {
    for (const [context, into] of [
      [withExt, a],
      [plain, b],
      [floor.context, c],
    ] as const) {
      const { load, busy } = await loadOnce(context);
      into.loads.push(load);
      into.busy.push(busy);
    }
  }
  record({
    section: 'page load',
    measure: 'median load, with extension',
    value: median(a.loads),
    unit: 'ms',
    baseline: { label: 'without', value: median(b.loads) },
  });
  await floor.close();
  record({
    section: 'page load',
    measure: 'load time ratio (with / without)',
    value: median(a.loads) / median(b.loads),
    unit: '×',
    baseline: { label: 'one-line content script / without', value: median(c.loads) / median(b.loads) },
    budget: { max: 1.03, label: '×' },
  });
  record({
    section: 'page load',
    measure: 'main-thread time after load, extension share',
    value: median(a.busy) - median(b.busy),
    unit: 'ms',
    baseline: { label: 'page alone', value: median(b.busy) },
  });
}

// ── 3. Recognition latency ──────────────────────────────────────────────────
const TITLES = [
  ['Healer', 'E14'],
  ['Oh My Ghost', 'E16'],
  ['Nevertheless', 'E4'],
  ['Business Proposal', 'E10'],
] as const;

async function recognitionLatency(context: BrowserContext) {
  console.log(`\nRecognition latency (${WARM} warm, ${COLD} cold)`);
  await serveFixture(context, 'https://www.netflix.com/watch/70000000', 'netflix/watch-late-title.html');
  const page = await context.newPage();
  await page.goto('https://www.netflix.com/watch/70000000');
  await page.waitForSelector('between-takes-overlay', { timeout: 10_000 }); // the fixture's own title appears at 2 s
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  let running = true;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { runningStatus: string }[] }) => {
    for (const v of versions) running = v.runningStatus !== 'stopped';
  });

  const once = async (i: number, cold: boolean) => {
    const [title, label] = TITLES[i % TITLES.length]!;
    // A new episode with no title bar yet: the overlay goes away.
    await page.evaluate((n) => {
      history.pushState({}, '', `/watch/${70000001 + n}`);
      document.querySelector('[data-uia="video-title"]')?.remove();
    }, i);
    await page.waitForSelector('between-takes-overlay', { state: 'detached', timeout: 5_000 });
    if (cold) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      for (let k = 0; k < 100 && running; k++) await page.waitForTimeout(50);
    }
    return page.evaluate(
      ([title, label]) =>
        new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            const host = document.querySelector('between-takes-overlay');
            if (host?.shadowRoot?.querySelector('.bt-toggle')?.textContent?.includes(title)) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true });
          const bar = document.createElement('div');
          bar.setAttribute('data-uia', 'video-title');
          const h4 = document.createElement('h4');
          h4.textContent = title;
          const span = document.createElement('span');
          span.textContent = label;
          bar.append(h4, span);
          const start = performance.now();
          document.querySelector('.watch-video--bottom-controls-container')!.append(bar);
        }),
      [title, label] as const,
    );
  };

  const warm: number[] = [];
  for (let i = 0; i < WARM; i++) warm.push(await once(i, false));
  const cold: number[] = [];
  for (let i = 0; i < COLD; i++) cold.push(await once(WARM + i, true));
  await page.close();
  record({ section: 'recognition', measure: 'title → overlay, warm worker, median', value: median(warm), unit: 'ms' });
  record({
    section: 'recognition',
    measure: 'title → overlay, warm worker, p95',
    value: percentile(warm, 95),
    unit: 'ms',
    budget: { max: 100, label: 'ms' },
  });
  record({ section: 'recognition', measure: 'title → overlay, cold worker, median', value: median(cold), unit: 'ms' });
  record({
    section: 'recognition',
    measure: 'title → overlay, cold worker, p95',
    value: percentile(cold, 95),
    unit: 'ms',
  });
}

// ── 4. Steady state ─────────────────────────────────────────────────────────
async function playbackCost(context: BrowserContext): Promise<{ busyMs: number; heapBytes: number }> {
  await serveFixture(context, WATCH_URL, 'netflix/watch-playing.html');
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(WATCH_URL);
  await page.waitForTimeout(3000); // recognition and start-up are measured elsewhere
  const before = await metrics(cdp);
  await page.waitForTimeout(PLAY_SECONDS * 1000);
  const after = await metrics(cdp);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await metrics(cdp);
  await page.close();
  const busy = (m: Record<string, number>) =>
    (m['ScriptDuration'] ?? 0) + (m['LayoutDuration'] ?? 0) + (m['RecalcStyleDuration'] ?? 0);
  return { busyMs: ((busy(after) - busy(before)) * 1000 * 60) / PLAY_SECONDS, heapBytes: heap['JSHeapUsedSize'] ?? 0 };
}

async function steadyState(withExt: BrowserContext, plain: BrowserContext) {
  console.log(`\nSteady state (${PLAY_SECONDS} s of playback each)`);
  const a = await playbackCost(withExt);
  const b = await playbackCost(plain);
  record({
    section: 'steady state',
    measure: 'main-thread time while playing, extension share',
    value: Math.max(0, a.busyMs - b.busyMs),
    unit: 'ms/min',
    baseline: { label: 'page alone', value: b.busyMs },
    budget: { max: 60, label: 'ms/min' },
  });
  record({
    section: 'memory',
    measure: 'JS heap, extension share (page with overlay, after GC)',
    value: (a.heapBytes - b.heapBytes) / 1024,
    unit: 'KB',
    baseline: { label: 'page alone', value: b.heapBytes / 1024 },
  });
}

async function growth(context: BrowserContext) {
  console.log(`\nGrowth over ${NAVIGATIONS} episode changes without reload`);
  await serveFixture(context, 'https://www.netflix.com/watch/80134711', 'netflix/watch-next-episode.html');
  const page: Page = await context.newPage();
  await page.goto('https://www.netflix.com/watch/80134711');
  await page.waitForSelector('between-takes-overlay', { timeout: 10_000 });
  const cdp = await context.newCDPSession(page);
  const counters = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  };
  const navigate = (n: number) =>
    page.evaluate((n) => {
      history.pushState({}, '', `/watch/${80134712 + n}`);
      document.querySelector('[data-uia="video-title"] span')!.textContent = `E${(n % 16) + 1}`;
    }, n);
  // Warm up: the first changes create what every later one reuses.
  for (let n = 0; n < 10; n++) {
    await navigate(n);
    await page.waitForTimeout(120);
  }
  const before = await counters();
  for (let n = 10; n < NAVIGATIONS + 10; n++) {
    await navigate(n);
    await page.waitForTimeout(120);
  }
  await page.waitForTimeout(500);
  const after = await counters();
  const overlays = await page.locator('between-takes-overlay').count();
  await page.close();
  record({
    section: 'steady state',
    measure: 'event listeners added',
    value: after.jsEventListeners - before.jsEventListeners,
    unit: '',
    baseline: { label: 'before', value: before.jsEventListeners },
    budget: { max: 0, label: '' },
  });
  record({
    section: 'steady state',
    measure: 'DOM nodes added',
    value: after.nodes - before.nodes,
    unit: '',
    baseline: { label: 'before', value: before.nodes },
    budget: { max: 0, label: '' },
  });
  record({
    section: 'steady state',
    measure: 'overlays on the page',
    value: overlays,
    unit: '',
    budget: { max: 1, label: '' },
  });
}

// ── 5. Large catalog ────────────────────────────────────────────────────────
async function largeCatalog(context: BrowserContext) {
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
  record({
    section: 'large catalog',
    measure: 'search as typed, p95',
    value: result['searchP95']!,
    unit: 'ms',
    baseline: { label: 'p50', value: result['searchP50']! },
    budget: { max: 30, label: 'ms' },
  });
  record({
    section: 'large catalog',
    measure: 'episode lookup (title match + facts), p95',
    value: result['lookupP95']!,
    unit: 'ms',
    baseline: { label: 'raw IndexedDB get p95', value: result['rawGetP95']! },
  });
  record({ section: 'large catalog', measure: 'episode lookup, p50', value: result['lookupP50']!, unit: 'ms' });
  record({ section: 'large catalog', measure: 'database size', value: result['dbBytes']! / 1024 / 1024, unit: 'MB' });
}

// ── report ──────────────────────────────────────────────────────────────────
async function report(): Promise<void> {
  const passed = (r: Row) => !r.budget || r.value <= r.budget.max;
  const lines = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} in Chromium (${QUICK ? 'quick run' : 'full run'}), on this project's 2-core CI machine. Budgets are checked by \`npm run bench:check\`.`,
    '',
    '| section | measure | value | baseline (same run) | budget | |',
    '| --- | --- | ---: | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.section} | ${r.measure} | ${fmt(r.value)} ${r.unit} | ${r.baseline ? `${r.baseline.label}: ${fmt(r.baseline.value)}` : ''} | ${r.budget ? `≤ ${fmt(r.budget.max)} ${r.budget.label}` : ''} | ${r.budget ? (passed(r) ? 'ok' : '**missed**') : ''} |`,
    ),
    '',
  ];
  // A partial run (BENCH_ONLY) does not replace the full table in docs/.
  const dir = join(ROOT, only ? 'artifacts' : 'docs');
  mkdirSync(dir, { recursive: true });
  await writeMarkdown(join(dir, 'benchmarks.md'), lines.join('\n'));
  writeFileSync(
    join(dir, 'benchmarks.json'),
    JSON.stringify({ date: new Date().toISOString(), quick: QUICK, rows }, null, 2) + '\n',
  );
  console.log(`\n${lines.slice(4).join('\n')}\n\nWrote ${dir}/benchmarks.md and benchmarks.json`);
}

// BENCH_ONLY=load,recognition,steady,growth,catalog runs some sections (while working on one).
const only = process.env['BENCH_ONLY']?.split(',');
const runs = (name: string) => !only || only.includes(name);

if (runs('size')) contentScriptSizes();
const ext = await launchWithExtension();
const plain = await launchPlain();
try {
  if (runs('load')) await pageLoad(ext.context, plain.context);
  if (runs('recognition')) await recognitionLatency(ext.context);
  if (runs('steady')) await steadyState(ext.context, plain.context);
  if (runs('growth')) await growth(ext.context);
  if (runs('catalog')) await largeCatalog(plain.context);
} finally {
  await ext.close();
  await plain.close();
}
await report();
