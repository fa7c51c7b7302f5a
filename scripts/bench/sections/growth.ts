/** Section 5: listeners and DOM after many episode changes: nothing may grow. */
import type { BrowserContext, Page } from 'playwright-core';
import { serveFixture } from '../../lib/browser';
import { NAVIGATIONS, record } from '../common';

export async function growth(context: BrowserContext) {
  console.log(`\nGrowth over ${NAVIGATIONS} episode changes without reload`);
  await serveFixture(context, 'https://www.netflix.com/watch/80134711', 'netflix/watch-next-episode.html');
  const page: Page = await context.newPage();
  await page.goto('https://www.netflix.com/watch/80134711');
  await page.waitForSelector('[data-between-takes]', { timeout: 10_000 });
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
  const overlays = await page.locator('[data-between-takes]').count();
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
