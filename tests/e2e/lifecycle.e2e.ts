/**
 * Lifecycle faults in real Chromium: the background worker stopped mid-session,
 * the extension reloaded under an open tab, and many episode changes without a
 * page load.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openFixture, type ExtensionBrowser } from '../../scripts/lib/browser';
import { overlayHost, overlayToggle as toggle } from '../helpers/overlay';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

const NEXT = '[data-uia="next-episode-seamless-button"]';

describe('lifecycle', () => {
  it('answers the next lookup after the browser stopped the background worker', async () => {
    const page = await openFixture(
      browser.context,
      'https://www.netflix.com/watch/80134711',
      'netflix/watch-next-episode.html',
    );
    await toggle(page).waitFor({ timeout: 10_000 });
    const cdp = await browser.context.newCDPSession(page);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The worker is gone: nothing it held in memory survives.
    await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toBe('stopped');
    await page.click(NEXT);
    await overlayHost(page).locator('.bt-toggle:has-text("Episode 15")').waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('keeps exactly one overlay through 200 episode changes without a page load', async () => {
    const page = await openFixture(
      browser.context,
      'https://www.netflix.com/watch/80134711',
      'netflix/watch-next-episode.html',
    );
    await toggle(page).waitFor({ timeout: 10_000 });
    // Each click moves to the next episode, as autoplay does, round and round the drama's 16
    // (a number past the last is no episode of it), and every twentieth click waits for the
    // overlay to follow.
    const EPISODES = 16;
    const episodeAfter = (clicks: number) => ((14 + clicks - 1) % EPISODES) + 1;
    await page.evaluate((episodes) => {
      const button = document.querySelector('[data-uia="next-episode-seamless-button"]')!;
      let n = 15;
      button.addEventListener('click', () => {
        history.replaceState({}, '', `/watch/${80134700 + n}`);
        document.querySelectorAll('[data-uia="video-title"] span')[0]!.textContent = `E${n}`;
        n = (n % episodes) + 1;
      });
    }, EPISODES);
    const bar = (episode: number) =>
      overlayHost(page)
        .locator('.bt-toggle .bt-episode')
        .filter({ hasText: new RegExp(`^Episode ${episode}$`) });
    for (let i = 1; i <= 200; i++) {
      await page.click(NEXT);
      if (i % 20 === 0) {
        await bar(episodeAfter(i)).waitFor({ timeout: 10_000 });
        expect(await page.locator('[data-between-takes]').count()).toBe(1);
      }
    }
    expect(await page.locator('[data-between-takes]').count()).toBe(1);
    await page.close();
  });

  it('removes its overlay from an open tab when the extension is reloaded or updated', async () => {
    // A tab playing an episode: its video keeps the page alive.
    const page = await openFixture(
      browser.context,
      'https://www.netflix.com/watch/80049015',
      'netflix/watch-playing.html',
    );
    await toggle(page).waitFor({ timeout: 10_000 });
    // Reload from an extension page: the worker handle may belong to a worker the first test stopped.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.evaluate(() => chrome.runtime.reload()).catch(() => undefined); // the page closes with it
    await overlayHost(page).waitFor({ state: 'detached', timeout: 10_000 });
    await page.close();
  });
});
