/** The journey driver for Chromium: Playwright over Debian's chromium (scripts/lib/browser.ts). */
import type { Frame, Page } from 'playwright-core';
import { frontTabId, launchWithExtension, openFixture } from '../../../scripts/lib/browser';
import type { JourneyBrowser, JourneyPage } from './types';

/** Playwright's CSS engine already pierces open shadow roots: ` >>> ` is a descendant step. */
const css = (selector: string) => selector.replaceAll(' >>> ', ' ');

function wrap(page: Page | Frame): JourneyPage {
  const top = 'mainFrame' in page ? page : page.page();
  return {
    // Playwright types the argument as it arrives in the page (Unboxed<A>); ours are plain data.
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg),
    async waitFor(fn, arg, timeoutMs = 10_000) {
      // Polled on a timer: requestAnimationFrame (the default) does not run in a frame scrolled
      // out of view, such as the own-facts frame at the foot of the overlay's list.
      await page.waitForFunction(fn as (arg: unknown) => unknown, arg, { timeout: timeoutMs, polling: 50 });
    },
    click: (selector) => page.locator(css(selector)).first().click(),
    type: (selector, text) => page.locator(css(selector)).first().pressSequentially(text),
    press: (key) => top.keyboard.press(key),
    bringToFront: () => top.bringToFront(),
    async frame(urlPart) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const found = top.frames().find((f) => f.url().includes(urlPart));
        if (found) {
          await found.waitForLoadState('load');
          return wrap(found);
        }
        if (Date.now() > deadline) throw new Error(`No frame at ${urlPart}.`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => top.close(),
  };
}

export async function launchChromiumDriver(): Promise<JourneyBrowser> {
  const browser = await launchWithExtension();
  return {
    name: 'Chromium',
    extensionId: browser.extensionId,
    async openSite(url, fixture) {
      return wrap(await openFixture(browser.context, url, fixture));
    },
    async openExtensionPage(path) {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      return wrap(page);
    },
    frontTabId: () => frontTabId(browser),
    badgeText: (tabId) =>
      browser.worker.evaluate(async (tabId) => {
        type Action = { getBadgeText(details: { tabId: number }): Promise<string> };
        return (globalThis as unknown as { chrome: { action: Action } }).chrome.action.getBadgeText({ tabId });
      }, tabId),
    close: () => browser.close(),
  };
}
