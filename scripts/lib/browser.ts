/**
 * Starts Debian's Chromium with the built extension loaded, and answers real
 * streaming-site URLs with local fixture pages through request routing, so the
 * real extension runs on real URLs with no network. Used by the end-to-end
 * tests and by `npm run demo`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
