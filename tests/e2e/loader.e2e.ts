/**
 * The content script comes in two files (utils/sites/watch-scripts.ts): the browser
 * injects only the small loader, which imports the content script proper once the
 * page has loaded. In real Chromium: what is parsed before the page's load event,
 * and what a viewer and the page see when the import fails.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_DIR,
  launchPlain,
  launchWithExtension,
  ROOT,
  type ExtensionBrowser,
} from '../../scripts/lib/browser';
import { WATCH_LOADER_FILE, WATCH_MODULE_FILE } from '../../utils/sites/watch-scripts';
import { overlayHost } from '../helpers/overlay';

const WATCH_URL = 'https://www.netflix.com/watch/80049015';
const FIXTURE = readFileSync(join(ROOT, 'tests', 'fixtures', 'netflix', 'watch-healer-e14.html'), 'utf8');

/**
 * Answers the watch page with the Netflix fixture plus a poster image that arrives after
 * 1.5 s: the page's load event waits for it, while Chromium injects document_idle
 * scripts 200 ms after DOMContentLoaded at the latest, so the loader runs before load.
 */
async function serveSlowLoadingPage(context: BrowserContext): Promise<void> {
  const html = FIXTURE.replace('</body>', '<img src="/slow-poster.png" alt="" /></body>');
  await context.route(WATCH_URL, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await context.route('https://www.netflix.com/slow-poster.png', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.fulfill({ status: 404 });
  });
}

describe('the content script loader', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has the browser parse only the loader before the page’s load event, and the content script after it', async () => {
    await serveSlowLoadingPage(browser.context);
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    // In the order the page's renderer reports them: every script parsed, in any world, and the load event.
    const events: string[] = [];
    cdp.on('Debugger.scriptParsed', ({ url }: { url: string }) => {
      if (url.startsWith('chrome-extension://')) events.push(new URL(url).pathname);
    });
    cdp.on('Page.loadEventFired', () => events.push('load'));
    await cdp.send('Page.enable');
    await cdp.send('Debugger.enable');
    await page.goto(WATCH_URL);
    await overlayHost(page).locator('.bt-toggle:has-text("Episode 14")').waitFor({ timeout: 15_000 });

    const load = events.indexOf('load');
    expect(load).toBeGreaterThan(0);
    expect(events.slice(0, load)).toEqual([`/${WATCH_LOADER_FILE}`]);
    expect(events.slice(load)).toContain(`/${WATCH_MODULE_FILE}`);
    await page.close();
  });
});

describe('a content script that cannot be loaded', () => {
  let broken: { context: BrowserContext; close(): Promise<void> };
  let dir: string;
  beforeAll(async () => {
    // The built extension without its module: the loader's import fails, as a blocked one would.
    dir = mkdtempSync(join(tmpdir(), 'between-takes-no-module-'));
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    rmSync(join(dir, WATCH_MODULE_FILE));
    broken = await launchPlain(dir);
  });
  afterAll(async () => {
    await broken?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is named in the console, and the page goes on as without the extension', async () => {
    await broken.context.route(WATCH_URL, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: FIXTURE }),
    );
    const page = await broken.context.newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    const said = page.waitForEvent('console', {
      predicate: (message) => message.type() === 'error' && message.text().startsWith('Between Takes could not load'),
      timeout: 15_000,
    });
    await page.goto(WATCH_URL);
    const message = (await said).text();
    expect(message).toContain(`its content script (${WATCH_MODULE_FILE})`);
    expect(message).toContain('the page itself is unaffected');

    // No overlay, no error in the page's own world, and the page's own script still answers.
    expect(pageErrors).toEqual([]);
    expect(await page.locator('[data-between-takes]').count()).toBe(0);
    await page.click('[data-uia="control-fullscreen-enter"]');
    await page.waitForFunction(() => document.fullscreenElement?.classList.contains('watch-video'));
    await page.close();
  });
});
