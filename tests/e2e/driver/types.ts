/**
 * A small driver over the two browsers the journeys run in: Chromium (Playwright) and
 * Firefox (puppeteer-core over WebDriver BiDi). A journey written against it runs
 * unchanged in both. Selectors are CSS; ` >>> ` steps into a shadow root (the overlay's).
 */

export type BrowserName = 'Chromium' | 'Firefox';

export interface JourneyPage {
  /** Runs `fn` in the page and returns its (serialisable) result. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Waits until `fn` returns something truthy in the page; throws after `timeoutMs`. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  /** Clicks the first element matching `selector` with real input (a user gesture). */
  click(selector: string): Promise<void>;
  /** Types `text` into the element matching `selector` key by key. */
  type(selector: string, text: string): Promise<void>;
  /** Presses one key (e.g. "Enter", "ArrowDown") in the focused element. */
  press(key: string): Promise<void>;
  bringToFront(): Promise<void>;
  /** A frame of the page whose address contains `urlPart`, once it has loaded (not closable). */
  frame(urlPart: string): Promise<JourneyPage>;
  close(): Promise<void>;
}

export interface JourneyBrowser {
  name: BrowserName;
  /** The extension's runtime id (what a page would need to forge the extension's events). */
  extensionId: string;
  /** Opens `url` in a new tab, answered with a file of tests/fixtures; nothing else is reachable. */
  openSite(url: string, fixture: string): Promise<JourneyPage>;
  /** Opens an extension page (`popup.html?tab=3`, `options.html`) in a new tab. */
  openExtensionPage(path: string): Promise<JourneyPage>;
  /** The id the extension's tabs API gives the tab in front. */
  frontTabId(): Promise<number>;
  /** The text of the toolbar button's badge on a tab, as the browser shows it ('' for none). */
  badgeText(tabId: number): Promise<string>;
  close(): Promise<void>;
}
