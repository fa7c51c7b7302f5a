/**
 * The popup benchmark's driver, run as an extension page of a bench copy of the
 * built extension (scripts/bench/popup-timing.ts adds it; the shipped build has
 * no such page). It seeds the generated catalog into the extension's database,
 * then opens the real toolbar popup with `chrome.action.openPopup()`, as a click
 * on the toolbar button does, and reads each popup's timings through
 * `chrome.extension.getViews()`: no debugger is attached to the popup, so what
 * is measured is what a viewer waits for.
 *
 * It talks to the benchmark over HTTP on 127.0.0.1 (the port is in the page's
 * hash): GET /config for what to do, POST /log for progress, POST /result for
 * the figures, POST /error when something fails.
 */
import { popupProbe, seedExtension } from './bench-page';
import {
  BLANK_MARK,
  BLANK_PAGE,
  type HarnessConfig,
  type HarnessResult,
  type PageOpen,
  type PopupOpen,
} from './popup-protocol';

const port = location.hash.slice(1);
const endpoint = (path: string) => `http://127.0.0.1:${port}${path}`;
const post = (path: string, body: string) => fetch(endpoint(path), { method: 'POST', body });
const log = (line: string) => void post('/log', line);
/**
 * Idle time after a page closes, before the next open: a viewer does not reopen
 * the popup within milliseconds, and the browser finishes tearing the last one down.
 */
const PAUSE_MS = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `get` every few milliseconds until it gives a value (or throws after `timeoutMs`). */
async function until<T>(what: string, get: () => T | undefined | null | false, timeoutMs = 60_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

const markAt = (view: Window, name: string) => view.performance.getEntriesByName(name)[0]?.startTime ?? NaN;

/** Where this page's clock stood when `view` started navigating, in this page's milliseconds. */
const navigationStart = (view: Window) => view.performance.timeOrigin - performance.timeOrigin;

/** Opens a page as the toolbar popup or in a tab, and gives its window once it exists. */
async function open(
  how: 'popup' | 'tab',
  page: string,
): Promise<{ view: Window; openedAt: number; close(): Promise<void> }> {
  if (how === 'popup') {
    await chrome.action.setPopup({ popup: page });
    const openedAt = performance.now();
    await chrome.action.openPopup();
    const view = await until('the popup', () => chrome.extension.getViews({ type: 'popup' })[0]);
    return {
      view,
      openedAt,
      async close() {
        view.close();
        await until('the popup to close', () => chrome.extension.getViews({ type: 'popup' }).length === 0);
        await sleep(PAUSE_MS);
      },
    };
  }
  const openedAt = performance.now();
  const tab = await chrome.tabs.create({ url: page, active: true });
  const view = await until('the tab', () => chrome.extension.getViews({ type: 'tab', tabId: tab.id })[0]);
  return {
    view,
    openedAt,
    async close() {
      await chrome.tabs.remove(tab.id!);
    },
  };
}

function pageTimings(view: Window, openedAt: number, marks: string[], ready: number): PageOpen {
  const nav = view.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  return {
    openToNavigation: navigationStart(view) - openedAt,
    domInteractive: nav.domInteractive,
    marks: Object.fromEntries(marks.map((name) => [name, markAt(view, name)])),
    openToReady: navigationStart(view) + ready - openedAt,
  };
}

/** Puts `query` in the popup's search box, as typing does. */
function type(view: Window, query: string): void {
  const input = view.document.getElementById('bt-search-input') as HTMLInputElement;
  input.value = query;
  input.dispatchEvent(new (view as Window & typeof globalThis).Event('input', { bubbles: true }));
}

/** Types `query` into the popup's search box: time to painted results. */
async function answer(view: Window, query: string): Promise<number> {
  const started = view.performance.now();
  type(view, query);
  await new Promise<void>((resolve) => {
    const check = () =>
      view.document.querySelector('[role="option"]') ? resolve() : view.requestAnimationFrame(check);
    check();
  });
  return view.performance.now() - started;
}

async function openPopup(
  how: 'popup' | 'tab',
  config: HarnessConfig,
  probe: HarnessResult['probe'],
): Promise<PopupOpen> {
  const { view, openedAt, close } = await open(how, 'popup.html');
  await until('interactive', () => view.document?.documentElement?.dataset['interactive'] === 'true');
  const focused = view.document.activeElement === view.document.getElementById('bt-search-input');
  const titleAnswer = await answer(view, probe.title);
  const first = () => view.document.querySelector<HTMLElement>('[role="option"]');
  const titleRight = first()?.dataset['drama'] === probe.dramaId;
  await until('the words of facts', () => view.performance.getEntriesByName('bt-facts-ready').length > 0);
  // Marks are timestamps: read once the last of them is set.
  const timings = pageTimings(view, openedAt, config.marks, markAt(view, 'bt-interactive'));
  type(view, '');
  await new Promise((resolve) => view.requestAnimationFrame(resolve));
  const factAnswer = await answer(view, config.factWord);
  await close();
  return { ...timings, focused, titleAnswer, titleRight, factAnswer };
}

async function openBlank(): Promise<PageOpen> {
  const { view, openedAt, close } = await open('popup', BLANK_PAGE);
  await until('the blank page’s script', () => view.performance.getEntriesByName(BLANK_MARK).length > 0);
  const timings = pageTimings(view, openedAt, [BLANK_MARK], markAt(view, BLANK_MARK));
  await close();
  return timings;
}

async function run(): Promise<HarnessResult> {
  const config = (await (await fetch(endpoint('/config'))).json()) as HarnessConfig;
  log(`Seeding ${config.dramas} dramas and ${config.facts} facts into the extension’s database…`);
  const seedMs = await seedExtension(config.dramas, config.facts);
  const probe = await popupProbe(config.dramas, config.facts);
  const result: HarnessResult = { seedMs, probe, popup: [], tab: [], blank: [] };
  // One open first, not counted: the first page of a fresh profile warms caches a viewer's browser has warm.
  await openPopup('popup', config, probe);
  // The popup and the floor in turns, each round starting with the other, so whatever slows the
  // machine for a while (the database settling after the seeding, another process) falls on both
  // alike: opened one series after the other, a slow spell lands on one of them only.
  log(`Opening the toolbar popup and a blank page as the popup ${config.runs} times each, in turns…`);
  for (let i = 0; i < config.runs; i++) {
    if (i % 2 === 0) {
      result.popup.push(await openPopup('popup', config, probe));
      result.blank.push(await openBlank());
    } else {
      result.blank.push(await openBlank());
      result.popup.push(await openPopup('popup', config, probe));
    }
  }
  if (config.tabRuns > 0) log(`Opening popup.html in a new tab ${config.tabRuns} times…`);
  for (let i = 0; i < config.tabRuns; i++) result.tab.push(await openPopup('tab', config, probe));
  await chrome.action.setPopup({ popup: 'popup.html' });
  return result;
}

run().then(
  (result) => post('/result', JSON.stringify(result)),
  (error: unknown) => post('/error', error instanceof Error ? (error.stack ?? error.message) : String(error)),
);
