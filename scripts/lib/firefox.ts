/**
 * Starts Debian's Firefox ESR with the built Firefox extension installed, driven by
 * puppeteer-core over WebDriver BiDi, and answers real streaming-site URLs with local
 * fixture pages through request interception: the Firefox counterpart of browser.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from './browser';

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output', 'firefox-mv2');
/** The add-on id the Firefox build declares (wxt.config.ts, browser_specific_settings). */
export const FIREFOX_EXTENSION_ID = 'between-takes@example.org';
/**
 * Firefox gives each installed add-on a random internal UUID, which is the host of its
 * pages (moz-extension://<uuid>/popup.html). A preference pins it, so the tests know it.
 */
export const FIREFOX_EXTENSION_UUID = '5c1b2f0e-7d4a-4e8b-9f26-b7a7e5c0d1a3';

/** Debian's firefox-esr; FIREFOX_PATH overrides it. */
export function firefoxPath(): string {
  const candidates = [process.env['FIREFOX_PATH'], '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      "Firefox was not found. Install Debian's package (apt-get install -y firefox-esr) or set FIREFOX_PATH.",
    );
  }
  return found;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** The host of the extension's pages: moz-extension://<this>/popup.html. */
  extensionUuid: string;
  close(): Promise<void>;
}

/** Launches headless Firefox with the built Firefox extension installed as a temporary add-on. */
export async function launchFirefoxWithExtension(options: { lang?: string } = {}): Promise<FirefoxWithExtension> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${FIREFOX_EXTENSION_DIR}: run "npm run build:firefox" first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    defaultViewport: { width: 1280, height: 720 },
    // WebDriver BiDi refuses to navigate to moz-extension:// pages (the popup and the
    // options page, opened as tabs by the tests) unless the browser allows it this way.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: FIREFOX_EXTENSION_UUID }),
      // Fixture videos start playing by themselves, as a streaming site's do.
      'media.autoplay.default': 0,
      'media.autoplay.blocking_policy': 0,
      // A tab in the background keeps its timers at full speed, as Chromium's headless mode
      // does: the tests watch a tab while they change settings in another.
      'dom.min_background_timeout_value': 4,
      'dom.min_background_timeout_value_without_budget_throttling': 4,
      'dom.timeout.enable_budget_timer_throttling': false,
      'full-screen-api.allow-trusted-requests-only': false,
      'full-screen-api.warning.timeout': 0,
      'full-screen-api.transition-duration.enter': '0 0',
      'full-screen-api.transition-duration.leave': '0 0',
      ...(options.lang ? { 'intl.locale.requested': options.lang, 'intl.accept_languages': options.lang } : {}),
    },
  });
  try {
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (id !== FIREFOX_EXTENSION_ID)
      throw new Error(`The Firefox build installed as ${id}, not ${FIREFOX_EXTENSION_ID}.`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, extensionUuid: FIREFOX_EXTENSION_UUID, close: () => browser.close() };
}

/**
 * Opens a new tab on `url` answered with `fixture` (a file in tests/fixtures); every
 * other http(s) request of the tab fails, so nothing leaves the machine.
 */
export async function openFirefoxFixture(browser: Browser, url: string, fixture: string): Promise<Page> {
  const body = readFileSync(join(ROOT, 'tests', 'fixtures', fixture), 'utf8');
  return openFirefoxPage(browser, url, new Map([[url, body]]));
}

/** Opens a new tab on `url`; `pages` answers the URLs it names, every other http(s) request fails. */
export async function openFirefoxPage(browser: Browser, url: string, pages: Map<string, string>): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const body = pages.get(request.url());
    if (body !== undefined) {
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
    } else if (/^https?:/.test(request.url())) {
      void request.abort('internetdisconnected');
    } else {
      void request.continue();
    }
  });
  await page.goto(url);
  return page;
}

/**
 * Opens one of the extension's own pages (`popup.html`, `options.html`) in a new tab.
 * BiDi sees the navigation start but not the load of a moz-extension:// page, so this
 * waits for the page's own location instead of the navigation.
 */
export async function openFirefoxExtensionPage(extension: FirefoxWithExtension, path: string): Promise<Page> {
  const page = await extension.browser.newPage();
  const url = `moz-extension://${extension.extensionUuid}/${path}`;
  page.goto(url, { timeout: 0 }).catch(() => {
    // Never settles or fails once the page is up; the location check below decides.
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    const href = await page.evaluate(() => location.href).catch(() => '');
    if (href === url && (await page.evaluate(() => document.readyState).catch(() => '')) === 'complete') return page;
    if (Date.now() > deadline) throw new Error(`Firefox did not open ${url}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
