/**
 * Starts Debian's Chromium with the built extension loaded, and answers real
 * streaming-site URLs with local fixture pages through request routing, so the
 * real extension runs on real URLs with no network. Used by the end-to-end
 * tests, by `npm run demo` and by the benchmarks.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');

/** Debian's chromium; CHROMIUM_PATH overrides it. */
export function chromiumPath(): string {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      "Chromium was not found. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.",
    );
  }
  return found;
}

/** Flags for Chromium on a machine with no network and no GPU. */
const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Fixture videos start playing by themselves, as a streaming site's do.
  '--autoplay-policy=no-user-gesture-required',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's background service worker. */
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Launches Chromium with the built extension. `headed` shows a window (needs a display). */
export async function launchWithExtension(
  options: { headed?: boolean; lang?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'between-takes-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false,
    viewport: { width: 1280, height: 720 },
    args: [
      ...(options.headed ? [] : ['--headless=new']),
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...COMMON_ARGS,
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
    ...(options.lang ? { locale: options.lang } : {}),
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
  });
  // Nothing leaves the machine: every request not answered by a fixture fails.
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Launches the same Chromium with no extension, or with the unpacked extension
 * in `extensionDir` (a benchmark's baseline extension): the baselines for benchmarks.
 */
export async function launchPlain(extensionDir?: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'between-takes-plain-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false,
    viewport: { width: 1280, height: 720 },
    args: [
      '--headless=new',
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      ...COMMON_ARGS,
    ],
  });
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The id the extension's tabs API gives `page`'s tab, brought to the front first (or the
 * tab in front, without a page). The extension may ask for a tab's id, not its URL: it
 * has no `tabs` permission.
 */
export async function frontTabId(browser: ExtensionBrowser, page?: Page): Promise<number> {
  await page?.bringToFront();
  return browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
}

/** Answers `url` (and only it) with a fixture page from tests/fixtures. */
export async function serveFixture(context: BrowserContext, url: string, fixture: string): Promise<void> {
  const body = readFileSync(join(ROOT, 'tests', 'fixtures', fixture));
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
}

/** Opens a new tab on `url`, answered with `fixture`. */
export async function openFixture(context: BrowserContext, url: string, fixture: string): Promise<Page> {
  await serveFixture(context, url, fixture);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Chromium with an extension loaded and no debugger attached to any page (launchUnattached). */
export interface UnattachedBrowser {
  version: string;
  extensionId: string;
  /** Opens `url` in a new tab. */
  open(url: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Launches Chromium with the unpacked extension in `extensionDir` and no
 * debugger attached. Playwright attaches to every page it may drive, and that
 * set-up (tens of milliseconds a page on this machine) lands inside what a
 * page-load figure measures; the popup benchmark needs a browser as a viewer
 * has it. Tabs are opened through the DevTools HTTP endpoint (PUT /json/new),
 * which attaches to nothing; whatever runs in the page reports by itself.
 */
export async function launchUnattached(extensionDir: string): Promise<UnattachedBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'between-takes-unattached-'));
  // Pinned to the toolbar, as a viewer who uses it keeps it: an unpinned extension's
  // popup waits for its icon to slide out into the toolbar first (about 270 ms here).
  mkdirSync(join(userDataDir, 'Default'));
  writeFileSync(
    join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({ extensions: { pinned_extensions: [unpackedExtensionId(extensionDir)] } }),
  );
  const child = spawn(
    chromiumPath(),
    [
      '--headless=new',
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-port=0',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...COMMON_ARGS,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    child.kill();
    await exited;
    // Its helper processes may still be writing to the profile for a moment.
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
  try {
    const portFile = join(userDataDir, 'DevToolsActivePort');
    const endpoint = await poll('Chromium’s DevTools port', () =>
      existsSync(portFile) ? `http://127.0.0.1:${readFileSync(portFile, 'utf8').split('\n')[0]}` : undefined,
    );
    // The extension is loaded once its service worker is up.
    const worker = await poll('the extension’s service worker', async () => {
      const targets = (await (await fetch(`${endpoint}/json/list`)).json()) as { type: string; url: string }[];
      return targets.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    });
    const extensionId = new URL(worker.url).host;
    if (extensionId !== unpackedExtensionId(extensionDir)) {
      throw new Error(
        `The extension got id ${extensionId}, not the ${unpackedExtensionId(extensionDir)} it was pinned as.`,
      );
    }
    const version = ((await (await fetch(`${endpoint}/json/version`)).json()) as { Browser: string }).Browser;
    return {
      version,
      extensionId,
      async open(url) {
        const response = await fetch(`${endpoint}/json/new?${encodeURIComponent(url)}`, { method: 'PUT' });
        if (!response.ok) throw new Error(`Chromium could not open ${url}: ${response.status}`);
      },
      close: stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The id Chromium gives an unpacked extension: the first 128 bits of the
 * SHA-256 of its absolute path, written in hex with the digits 0-f as a-p.
 */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(realpathSync(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

/** Calls `get` every 100 ms until it gives a value; throws after 30 s. */
async function poll<T>(what: string, get: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const value = await get();
      if (value) return value;
    } catch {
      // Not up yet.
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
