/** The journey driver for Firefox: puppeteer-core over WebDriver BiDi (scripts/lib/firefox.ts). */
import type { Frame, Page } from 'puppeteer-core';
import {
  FIREFOX_EXTENSION_ID,
  launchFirefoxWithExtension,
  openFirefoxExtensionPage,
  openFirefoxFixture,
} from '../../../scripts/lib/firefox';
import type { JourneyBrowser, JourneyPage } from './types';

function wrap(page: Page | Frame): JourneyPage {
  const top = 'mainFrame' in page ? page : page.page();
  return {
    // Puppeteer types the argument as it arrives in the page (FlattenHandle<A>); ours are plain data.
    evaluate: async <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      (await page.evaluate(fn as (arg: unknown) => unknown, arg)) as R,
    async waitFor(fn, arg, timeoutMs = 10_000) {
      await page.waitForFunction(fn as (arg: unknown) => unknown, { timeout: timeoutMs, polling: 50 }, arg);
    },
    async click(selector) {
      const element = await page.waitForSelector(selector, { timeout: 10_000 });
      if (!element) throw new Error(`Nothing matches ${selector}.`);
      await element.click();
    },
    async type(selector, text) {
      const element = await page.waitForSelector(selector, { timeout: 10_000 });
      if (!element) throw new Error(`Nothing matches ${selector}.`);
      await element.type(text);
    },
    press: (key) => top.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
    bringToFront: () => top.bringToFront(),
    async frame(urlPart) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        // BiDi may still report a frame's first address (about:blank): ask each frame its own.
        for (const candidate of top.frames()) {
          const state = await candidate
            .evaluate(() => [location.href, document.readyState] as const)
            .catch(() => ['', ''] as const);
          if (state[0].includes(urlPart) && state[1] === 'complete') return wrap(candidate);
        }
        if (Date.now() > deadline) throw new Error(`No frame at ${urlPart}.`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => top.close(),
  };
}

export async function launchFirefoxDriver(): Promise<JourneyBrowser> {
  const firefox = await launchFirefoxWithExtension();
  // One extension page stays open to ask the extension's tabs API which tab is in front
  // (a Firefox MV2 background page is not a target BiDi can evaluate in). It opens first,
  // so that every tab opened after it comes in front of it.
  const hub = await openFirefoxExtensionPage(firefox, 'options.html');
  return {
    name: 'Firefox',
    extensionId: FIREFOX_EXTENSION_ID,
    async openSite(url, fixture) {
      return wrap(await openFirefoxFixture(firefox.browser, url, fixture));
    },
    async openExtensionPage(path) {
      return wrap(await openFirefoxExtensionPage(firefox, path));
    },
    async frontTabId() {
      return hub.evaluate(async () => {
        type Tab = { id?: number };
        type Tabs = { query(filter: object): Promise<Tab[]>; getCurrent(): Promise<Tab | undefined> };
        const { tabs } = (globalThis as unknown as { browser: { tabs: Tabs } }).browser;
        // The hub is an extension page in a tab of its own: the front tab is the other active one.
        const hub = await tabs.getCurrent();
        const active = await tabs.query({ active: true });
        return active.find((tab) => tab.id !== hub?.id)?.id ?? -1;
      });
    },
    badgeText: (tabId) =>
      hub.evaluate(async (tabId) => {
        type Action = { getBadgeText(details: { tabId: number }): Promise<string> };
        return (globalThis as unknown as { browser: { browserAction: Action } }).browser.browserAction.getBadgeText({
          tabId,
        });
      }, tabId),
    close: () => firefox.close(),
  };
}
