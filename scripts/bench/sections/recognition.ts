/** Section 3: how long from a page naming an episode to the overlay showing it, warm and cold worker. */
import type { BrowserContext } from 'playwright-core';
import { serveFixture } from '../../lib/browser';
import { COLD, median, percentile, record, WARM } from '../common';
import { MIN_READ_INTERVAL_MS } from '../../../entrypoints/watch/page-watcher';

const TITLES = [
  ['Healer', 'E14'],
  ['Oh My Ghost', 'E16'],
  ['Nevertheless', 'E4'],
  ['Business Proposal', 'E10'],
] as const;

/** The cold path's marks, in order: the worker's start, then utils/perf-marks.ts's names. */
const COLD_PHASES: [string, string][] = [
  ['worker started', 'worker starts'],
  ['bt-worker-main', 'background script running'],
  ['bt-db-open', 'database open'],
  ['bt-catalog-ready', 'catalog checked (and title index read)'],
  ['bt-first-lookup-answered', 'lookup answered'],
];

export async function recognitionLatency(context: BrowserContext) {
  console.log(`\nRecognition latency (${WARM} warm, ${COLD} cold)`);
  await serveFixture(context, 'https://www.netflix.com/watch/70000000', 'netflix/watch-late-title.html');
  const page = await context.newPage();
  await page.goto('https://www.netflix.com/watch/70000000');
  await page.waitForSelector('[data-between-takes]', { timeout: 10_000 }); // the fixture's own title appears at 2 s
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
    await page.waitForSelector('[data-between-takes]', { state: 'detached', timeout: 5_000 });
    // The page watcher reads a page at most every MIN_READ_INTERVAL_MS (a page mutating without
    // pause costs 20 reads a second): let that pass, so the figure is recognition, not that pause.
    await page.waitForTimeout(MIN_READ_INTERVAL_MS + 20);
    if (cold) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      for (let k = 0; k < 100 && running; k++) await page.waitForTimeout(50);
    }
    return page.evaluate(
      ([title, label]) =>
        new Promise<{ ms: number; at: number }>((resolve) => {
          const observer = new MutationObserver(() => {
            const host = document.querySelector('[data-between-takes]');
            if (host?.shadowRoot?.querySelector('.bt-toggle')?.textContent?.includes(title)) {
              observer.disconnect();
              resolve({ ms: performance.now() - start, at: performance.timeOrigin + start });
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
  for (let i = 0; i < WARM; i++) warm.push((await once(i, false)).ms);
  const cold: number[] = [];
  const phases: Record<string, number[]> = {};
  for (let i = 0; i < COLD; i++) {
    const { ms, at } = await once(WARM + i, true);
    cold.push(ms);
    // Where the cold path went: the restarted worker's marks (utils/perf-marks.ts), from the title's appearance.
    const worker = context.serviceWorkers().at(-1);
    const marks = await worker
      ?.evaluate(() => [
        ['worker started', performance.timeOrigin] as const,
        ...performance.getEntriesByType('mark').map((m) => [m.name, performance.timeOrigin + m.startTime] as const),
      ])
      .catch(() => undefined);
    for (const [name, t] of marks ?? []) (phases[name] ??= []).push(t - at);
  }
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
    baseline: { label: 'warm median', value: median(warm) },
    budget: { max: 100, label: 'ms' },
  });
  // The cold path's phases, each from the title's appearance (median over the cold runs).
  for (const [name, label] of COLD_PHASES) {
    const values = phases[name];
    if (!values?.length) continue;
    record({ section: 'recognition', measure: `cold: title → ${label}, median`, value: median(values), unit: 'ms' });
  }
}
