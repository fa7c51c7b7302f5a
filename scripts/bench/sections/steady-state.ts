/** Section 4: what the extension costs a page while an episode plays. */
import type { BrowserContext } from 'playwright-core';
import { serveFixture } from '../../lib/browser';
import { metrics } from './page-load';
import { PLAY_SECONDS, record, WATCH_URL } from '../common';

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

export async function steadyState(withExt: BrowserContext, plain: BrowserContext) {
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
