/**
 * The toolbar button's badge in real Chromium: the number of facts the overlay
 * lists on a recognised watch page, nothing on a browse page or after leaving
 * the site, and "off" on grey while the site is switched off. Read from the
 * service worker with chrome.action, as the toolbar shows it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  frontTabId,
  launchWithExtension,
  openFixture,
  serveFixture,
  type ExtensionBrowser,
} from '../../scripts/lib/browser';
import { overlayHost, overlayToggle } from '../helpers/overlay';

const WATCH_URL = 'https://www.netflix.com/watch/80049015';
const BROWSE_URL = 'https://www.netflix.com/browse';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
  await serveFixture(browser.context, BROWSE_URL, 'netflix/browse.html');
});
afterAll(async () => {
  await browser?.close();
});

interface Badge {
  text: string;
  /** RGBA, 0–255 each. */
  color: number[];
}

/** The badge the toolbar button shows for `tabId`. */
function badgeOf(tabId: number): Promise<Badge> {
  return browser.worker.evaluate(async (tabId) => {
    type Action = {
      getBadgeText(details: { tabId: number }): Promise<string>;
      getBadgeBackgroundColor(details: { tabId: number }): Promise<number[]>;
    };
    const { action } = (globalThis as unknown as { chrome: { action: Action } }).chrome;
    return { text: await action.getBadgeText({ tabId }), color: await action.getBadgeBackgroundColor({ tabId }) };
  }, tabId);
}

/** Waits until the badge of `tabId` shows `text` (the content script and the background answer in their own time). */
async function badgeShows(tabId: number, text: string): Promise<Badge> {
  await expect.poll(async () => (await badgeOf(tabId)).text, { timeout: 10_000 }).toBe(text);
  return badgeOf(tabId);
}

/** Opens a streaming URL answered by a fixture, and returns the page with its tab id. */
async function openStreamingTab(url: string, fixture: string): Promise<{ page: Page; tabId: number }> {
  const page = await openFixture(browser.context, url, fixture);
  const tabId = await frontTabId(browser, page);
  expect(tabId).toBeGreaterThan(0);
  return { page, tabId };
}

/** The number the overlay's bar gives: "8 facts" → 8. */
async function overlayCount(page: Page): Promise<number> {
  await overlayToggle(page).waitFor({ timeout: 15_000 });
  const count = await overlayToggle(page).locator('.bt-count').innerText();
  const match = /^(\d+) facts?$/.exec(count.trim());
  expect(match, `the overlay's count, "${count}"`).not.toBeNull();
  return Number(match![1]);
}

/** The badge's colours (tab-badge.ts): amber for a count, grey for "off". */
const AMBER = [0xa3, 0x52, 0x0b, 0xff];
const GREY = [0x6b, 0x6b, 0x76, 0xff];

describe('the toolbar button’s badge', () => {
  it('shows how many facts the overlay lists for the episode playing (Healer 14)', async () => {
    const { page, tabId } = await openStreamingTab(WATCH_URL, 'netflix/watch-playing.html');
    const count = await overlayCount(page);
    expect(count).toBeGreaterThan(0);
    expect(await badgeShows(tabId, String(count))).toEqual({ text: String(count), color: AMBER });
    await page.close();
  });

  it('shows nothing on a browse page, and clears when the site’s own navigation leaves the watch page', async () => {
    const { page, tabId } = await openStreamingTab(WATCH_URL, 'netflix/watch-playing.html');
    const count = await overlayCount(page);
    await badgeShows(tabId, String(count));
    // Netflix moves from the player to the browse rows without loading a page.
    await page.evaluate(() => history.pushState({}, '', '/browse'));
    await overlayHost(page).waitFor({ state: 'detached', timeout: 10_000 });
    await badgeShows(tabId, '');
    // And back to the episode.
    await page.evaluate(() => history.pushState({}, '', '/watch/80049015'));
    await badgeShows(tabId, String(count));

    // A browse page loaded as such recognises nothing either.
    await page.goto(BROWSE_URL);
    await badgeShows(tabId, '');
    await page.close();
  });

  it('clears when the tab goes to another site', async () => {
    const { page, tabId } = await openStreamingTab(WATCH_URL, 'netflix/watch-playing.html');
    await badgeShows(tabId, String(await overlayCount(page)));
    const elsewhere = 'https://www.example.org/';
    await browser.context.route(elsewhere, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<title>Elsewhere</title><p>Not a streaming site.',
      }),
    );
    await page.goto(elsewhere);
    await badgeShows(tabId, '');
    await page.close();
  });

  it('counts a player frame’s facts, and forgets them when the tab loads another page', async () => {
    const top = 'https://www.viki.com/videos/1023585v-heirs-episode-14';
    await serveFixture(browser.context, `${top}?embed=true`, 'viki/watch-heirs-e14.html');
    const { page, tabId } = await openStreamingTab(top, 'hostile/viki-frame-top.html');
    const frame = page.frameLocator('#player-frame');
    await frame.locator('[data-between-takes] .bt-toggle').waitFor({ state: 'visible', timeout: 15_000 });
    const count = /(\d+) facts?/.exec(await frame.locator('[data-between-takes] .bt-count').innerText())![1]!;
    // The top page only embeds the player: the count is the frame's.
    await badgeShows(tabId, count);

    // The tab goes to a Netflix page while Netflix is switched off: its top frame says "off".
    // Beside a count, "off" would lose (a tab shows the count of any frame that has one), so
    // the badge shows "off" only if the old page's player frame was forgotten.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('checkbox', { name: 'Netflix' }).uncheck();
    await serveFixture(browser.context, WATCH_URL, 'netflix/watch-playing.html');
    await page.goto(WATCH_URL);
    await badgeShows(tabId, 'off');
    await options.getByRole('checkbox', { name: 'Netflix' }).check();
    await badgeShows(tabId, String(await overlayCount(page)));
    await options.close();
    await page.close();
  });

  it('shows "off" on grey while the site is switched off in the options, and the count again when it is back on', async () => {
    const { page, tabId } = await openStreamingTab(WATCH_URL, 'netflix/watch-playing.html');
    const count = await overlayCount(page);
    await badgeShows(tabId, String(count));

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('checkbox', { name: 'Netflix' }).uncheck();
    expect(await badgeShows(tabId, 'off')).toEqual({ text: 'off', color: GREY });
    await options.getByRole('checkbox', { name: 'Netflix' }).check();
    await badgeShows(tabId, String(count));

    // The master switch too.
    await options.getByRole('checkbox', { name: 'Between Takes on' }).uncheck();
    await badgeShows(tabId, 'off');
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await badgeShows(tabId, String(count));
    await options.close();
    await page.close();
  });
});
