/**
 * Pictures of every screen, taken from the built extension running in Chromium
 * (scripts/lib/browser.ts), the way `npm run demo` runs it: real extension, real
 * URLs answered by local pages, no network. Two sets, one script:
 *
 * - `npm run screenshots`: the store screenshots (SHOTS), 1280 × 800 each, into
 *   store/screenshots/; each file is checked to be exactly that size.
 * - `npm run screenshots:docs`: every screen for the documentation (DOC_SHOTS):
 *   the overlay (collapsed, open, a card), the popup (This tab, its facts, search
 *   results, a drama, and each state with nothing to list) and the options page,
 *   in light and dark and in English and Korean, into docs/screenshots/<lang>-<theme>/.
 *
 *   tsx scripts/screenshots.ts [--docs] [--out <dir>] [--lang en|ko] [--theme light|dark] [--only <name>]
 *
 * `--lang` and `--theme` run the store set in another browser language or colour
 * scheme, and narrow the docs set to one of each. The popup and the options page
 * follow the browser's scheme; the overlay is dark over video unless the viewer
 * picks light, so the light docs set picks it in the options page first.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { frontTabId, launchWithExtension, ROOT, serveFixture, type ExtensionBrowser } from './lib/browser';

const WIDTH = 1280;
const HEIGHT = 800;

type Lang = 'en' | 'ko';
type Theme = 'light' | 'dark';

interface ShotContext {
  browser: ExtensionBrowser;
  lang: Lang;
  theme: Theme;
}

interface Shot {
  /** The file name, without .png. */
  name: string;
  /** What it shows, for the log. */
  about: string;
  /** Takes the shot: PNG bytes, WIDTH × HEIGHT. */
  take(context: ShotContext): Promise<Buffer>;
}

/** The demo watch page (demo/netflix-watch.html) plays Healer episode 14 at this address. */
const DEMO_URL = 'https://www.netflix.com/watch/80049015';

/**
 * The shots, in the order the stores show them. Add one here to add a screenshot.
 * They run in this order in one browser profile: the popup finds Healer watched
 * up to episode 14 because the overlay shot played it.
 */
const SHOTS: Shot[] = [
  {
    name: '1-overlay',
    about: 'the overlay over the demo Netflix player, the episode’s facts open',
    async take({ browser }) {
      const demo = readFileSync(join(ROOT, 'demo', 'netflix-watch.html'));
      await browser.context.route(DEMO_URL, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: demo }),
      );
      const page = await newPage(browser);
      await page.goto(DEMO_URL);
      const overlay = page.locator('[data-between-takes]');
      const toggle = overlay.locator('.bt-toggle');
      await toggle.waitFor({ state: 'visible', timeout: 15_000 });
      await toggle.click();
      await overlay.locator('.bt-panel').waitFor({ state: 'visible' });
      // Spoiler-safe mode veils what happens later in the episode: reveal one, as the demo does, so both show.
      const reveal = overlay.locator('.bt-reveal');
      if ((await reveal.count()) > 0) await reveal.first().click();
      return await page.screenshot();
    },
  },
  {
    name: '2-popup-search',
    about: 'the toolbar popup: a search for an actor, and a drama opened from the results',
    async take(context) {
      const popup = await openPopup(context.browser);
      const box = popup.locator('#bt-search-input');
      await box.pressSequentially('Ji Chang-wook');
      const results = popup.locator('#bt-search-results [role="option"]');
      await results.filter({ hasText: 'Healer' }).waitFor({ timeout: 10_000 });
      const found = await popupImage(popup);
      await results.filter({ hasText: 'Healer' }).click();
      await popup.getByRole('region', { name: /14/ }).waitFor({ timeout: 10_000 });
      const drama = await popupImage(popup);
      return compose(context, [found, drama], CAPTIONS.popup[context.lang]);
    },
  },
  {
    name: '3-options',
    about: 'the options page',
    async take({ browser }) {
      const page = await newPage(browser);
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await page.locator('h1').waitFor();
      await page.locator('input[type="checkbox"]').first().waitFor();
      return await page.screenshot();
    },
  },
];

const CAPTIONS = {
  popup: {
    en: 'Search every drama by title, hangul, actor, character or a word in a fact',
    ko: '제목, 한글 제목, 배우, 배역은 물론 비하인드 이야기 속 단어로도 드라마를 찾을 수 있어요',
  },
} satisfies Record<string, Record<Lang, string>>;

/**
 * The documentation's pictures, in this order in one browser profile per
 * language and scheme. Each returns its PNG at the size that shows its screen:
 * the overlay's corner of a 1280 × 720 player, the popup's own box, the options
 * page at 1280 × 800.
 */
const DOC_SHOTS: Shot[] = [
  {
    name: 'overlay-collapsed',
    about: 'the overlay’s bar over the demo player, shown as the pointer moves over it',
    async take(context) {
      if (context.theme === 'light') await pickOverlayTheme(context.browser, 'light');
      const page = await demoPage(context.browser);
      const bar = page.locator('[data-between-takes] .bt-bar');
      await bar.waitFor({ timeout: 15_000 });
      // The bar comes with the player's controls: move the pointer over the player, as a viewer does.
      await page.mouse.move(400, 300);
      await page.mouse.move(420, 320);
      await waitForOpacity(bar, '1');
      const shot = await overlayCorner(page);
      await page.close();
      return shot;
    },
  },
  {
    name: 'overlay-open',
    about: 'the overlay’s list of the episode’s facts, later moments veiled',
    async take({ browser }) {
      const page = await demoPage(browser);
      const overlay = page.locator('[data-between-takes]');
      await overlay.locator('.bt-toggle').click({ timeout: 15_000 });
      await overlay.locator('.bt-panel').waitFor();
      await waitForOpacity(overlay.locator('.bt-panel'), '1');
      const shot = await overlayCorner(page);
      await page.close();
      return shot;
    },
  },
  {
    name: 'overlay-card',
    about: 'a fact popping up as a card while the episode plays, the bar faded with the player’s controls',
    async take({ browser }) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1280, height: 720 });
      // The demo page with a video of a known length, so the episode's facts get their moments.
      await browser.context.route(CARD_URL, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: cardPage() }),
      );
      await page.goto(CARD_URL);
      // A card on its own: the viewer has not moved, so the bar has faded with the player's controls.
      const card = page.locator('[data-between-takes][data-idle] .bt-card');
      await card.waitFor({ timeout: 60_000 });
      await waitForOpacity(card, '1');
      await waitForOpacity(page.locator('[data-between-takes] .bt-bar'), '0');
      const shot = await overlayCorner(page);
      await page.close();
      return shot;
    },
  },
  {
    name: 'popup-this-tab',
    about: 'the popup on the demo tab: search first, then This tab as a compact card',
    async take({ browser }) {
      const tab = await demoPage(browser);
      await tab.locator('[data-between-takes] .bt-bar').waitFor({ timeout: 15_000 });
      const popup = await openPopup(browser, await frontTabId(browser, tab));
      await popup.locator('[data-status="recognised"]').waitFor({ timeout: 10_000 });
      const shot = await popupImage(popup);
      await popup.close();
      await tab.close();
      return shot;
    },
  },
  {
    name: 'popup-this-tab-facts',
    about: 'This tab with the episode’s facts shown, veiled as the overlay veils them',
    async take({ browser }) {
      const tab = await demoPage(browser);
      await tab.locator('[data-between-takes] .bt-bar').waitFor({ timeout: 15_000 });
      const popup = await openPopup(browser, await frontTabId(browser, tab));
      await popup.locator('[data-status="recognised"] button[aria-expanded]').click({ timeout: 10_000 });
      await popup.locator('#bt-tab-facts .bt-fact').first().waitFor();
      const shot = await popupImage(popup);
      await popup.close();
      await tab.close();
      return shot;
    },
  },
  {
    name: 'popup-site-off',
    about: 'This tab on a site switched off (and switched on again after)',
    async take({ browser }) {
      const tab = await demoPage(browser);
      await tab.locator('[data-between-takes] .bt-bar').waitFor({ timeout: 15_000 });
      const popup = await openPopup(browser, await frontTabId(browser, tab));
      const toggle = popup.getByRole('switch');
      await popup.locator('[data-status="recognised"]').waitFor({ timeout: 10_000 });
      await toggle.uncheck();
      await popup.locator('[data-status="site-off"]').waitFor({ timeout: 10_000 });
      const shot = await popupImage(popup);
      await toggle.check();
      await popup.locator('[data-status="recognised"]').waitFor({ timeout: 10_000 });
      await popup.close();
      await tab.close();
      return shot;
    },
  },
  {
    name: 'popup-search',
    about: 'search results for an actor',
    async take({ browser }) {
      const popup = await openPopup(browser);
      await popup.locator('#bt-search-input').pressSequentially('Ji Chang-wook');
      await popup.locator('#bt-search-results [role="option"]').first().waitFor({ timeout: 10_000 });
      const shot = await popupImage(popup);
      await popup.close();
      return shot;
    },
  },
  {
    name: 'popup-drama',
    about: 'a drama opened from the results: its facts by episode, later episodes veiled',
    async take({ browser }) {
      const popup = await openPopup(browser);
      await popup.locator('#bt-search-input').pressSequentially('Healer');
      await popup.locator('#bt-search-results [role="option"]').first().waitFor({ timeout: 10_000 });
      await popup.keyboard.press('Enter');
      await popup.locator('.bt-episode').first().waitFor({ timeout: 10_000 });
      const shot = await popupImage(popup);
      await popup.close();
      return shot;
    },
  },
  {
    name: 'popup-no-results',
    about: 'a search that finds nothing',
    async take({ browser }) {
      const popup = await openPopup(browser);
      await popup.locator('#bt-search-input').pressSequentially('Moonlit Kimchi Detective');
      await popup.locator('.bt-empty[data-glyph="search"]').waitFor({ timeout: 10_000 });
      const shot = await popupImage(popup);
      await popup.close();
      return shot;
    },
  },
  {
    name: 'popup-unsupported',
    about: 'This tab on a page that is no supported streaming site',
    async take({ browser }) {
      // Opened as a page of its own, the popup's tab is itself: no streaming site.
      const popup = await openPopup(browser);
      await popup.locator('[data-status="unsupported"]').waitFor({ timeout: 10_000 });
      const shot = await popupImage(popup);
      await popup.close();
      return shot;
    },
  },
  {
    name: 'popup-not-watch-page',
    about: 'This tab on a page of a supported site that plays nothing',
    async take({ browser }) {
      return popupOn(browser, 'https://www.netflix.com/browse', 'netflix/browse.html', 'not-watch-page');
    },
  },
  {
    name: 'popup-not-in-catalog',
    about: 'This tab on a title the catalog does not hold, with Pick the drama',
    async take({ browser }) {
      return popupOn(browser, 'https://www.netflix.com/watch/81159258', 'netflix/watch-unknown.html', 'not-in-catalog');
    },
  },
  {
    name: 'popup-storage-unavailable',
    about: 'the popup when the browser gives it no storage (as in some private windows)',
    async take({ browser }) {
      const popup = await browser.context.newPage();
      // What a browser without IndexedDB gives: the popup shows the built-in catalog and says so.
      await popup.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
      const shot = await (async () => {
        await preparePopup(popup, browser);
        await popup.locator('.bt-empty[data-glyph="storage"]').waitFor({ timeout: 10_000 });
        return popupImage(popup);
      })();
      await popup.close();
      return shot;
    },
  },
  {
    name: 'options',
    about: 'the options page with its live preview',
    async take({ browser }) {
      const page = await newPage(browser);
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await page.locator('.bt-preview-host').waitFor();
      await page.locator('input[type="checkbox"]').first().waitFor();
      await waitForOpacity(page.locator('.bt-preview-host .bt-card'), '1');
      const shot = await page.screenshot();
      await page.close();
      return shot;
    },
  },
];

/** Where the card shot's page is served: the demo page, playing a video of a known length. */
const CARD_URL = 'https://www.netflix.com/watch/80049016';

/**
 * The demo page with a video of 24 seconds at 4× speed instead of its endless
 * canvas stream: the episode's untimed facts get moments (a stream has no
 * length), and the first comes within seconds. The canvas scene stays, behind the
 * video, which has only a silent sound track to show.
 */
function cardPage(): string {
  const demo = readFileSync(join(ROOT, 'demo', 'netflix-watch.html'), 'utf8');
  const stream = 'video.srcObject = canvas.captureStream(30);';
  if (!demo.includes(stream)) throw new Error(`demo/netflix-watch.html no longer says "${stream}".`);
  return demo.replace(
    stream,
    `const seconds = 24, rate = 8000, samples = seconds * rate;
      const wav = new DataView(new ArrayBuffer(44 + samples));
      const text = (at, s) => [...s].forEach((c, i) => wav.setUint8(at + i, c.charCodeAt(0)));
      text(0, 'RIFF'); wav.setUint32(4, 36 + samples, true); text(8, 'WAVE'); text(12, 'fmt ');
      wav.setUint32(16, 16, true); wav.setUint16(20, 1, true); wav.setUint16(22, 1, true);
      wav.setUint32(24, rate, true); wav.setUint32(28, rate, true); wav.setUint16(32, 1, true);
      wav.setUint16(34, 8, true); text(36, 'data'); wav.setUint32(40, samples, true);
      new Uint8Array(wav.buffer, 44).fill(128);
      video.src = URL.createObjectURL(new Blob([wav.buffer], { type: 'audio/wav' }));
      video.playbackRate = 4;
      video.addEventListener('loadedmetadata', () => (video.playbackRate = 4));
      Object.assign(canvas.style, { position: 'absolute', inset: '0', width: '100%', height: '100%' });
      video.style.background = 'transparent';
      video.style.position = 'relative';
      video.before(canvas);`,
  );
}

/** Picks the overlay's theme in the options page, as a viewer does. */
async function pickOverlayTheme(browser: ExtensionBrowser, theme: 'light' | 'dark'): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator('select:has(option[value="light"])').selectOption(theme);
  await options.locator('.bt-preview-host').waitFor();
  await options.waitForFunction(
    (theme) => document.querySelector('.bt-preview-host')?.getAttribute('data-theme') === theme,
    theme,
  );
  await options.close();
}

/** The demo watch page in a 1280 × 720 tab (the player fills it). */
async function demoPage(browser: ExtensionBrowser): Promise<Page> {
  const demo = readFileSync(join(ROOT, 'demo', 'netflix-watch.html'));
  await browser.context.route(DEMO_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: demo }),
  );
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(DEMO_URL);
  return page;
}

/** The player's top right corner, where the overlay sits by default. */
function overlayCorner(page: Page): Promise<Buffer> {
  return page.screenshot({ clip: { x: 1280 - 760, y: 0, width: 760, height: 600 } });
}

/** Waits until an element has faded in (or out) to `opacity`. */
async function waitForOpacity(locator: Locator, opacity: string): Promise<void> {
  await locator.waitFor();
  await locator
    .page()
    .waitForFunction(([element, opacity]) => getComputedStyle(element as Element).opacity === opacity, [
      await locator.elementHandle(),
      opacity,
    ] as const);
}

/** The popup about a tab on `url` (answered by a test fixture), in the state `status`. */
async function popupOn(browser: ExtensionBrowser, url: string, fixture: string, status: string): Promise<Buffer> {
  await serveFixture(browser.context, url, fixture);
  const tab = await browser.context.newPage();
  await tab.goto(url);
  const popup = await openPopup(browser, await frontTabId(browser, tab));
  await popup.locator(`[data-status="${status}"]`).waitFor({ timeout: 10_000 });
  const shot = await popupImage(popup);
  await popup.close();
  await tab.close();
  return shot;
}

/** A tab of WIDTH × HEIGHT. */
async function newPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  return page;
}

/** Scale of the popup images: large enough to read on a store page, and drawn pixel for pixel. */
const POPUP_SCALE = 1.25;

/** The toolbar popup opened as a page (about tab `tab`, if given), at its own size, ready for searches. */
async function openPopup(browser: ExtensionBrowser, tab?: number): Promise<Page> {
  const page = await browser.context.newPage();
  await preparePopup(page, browser, tab);
  return page;
}

/** Sizes `page` as the popup and opens the popup in it, waiting until it answers searches. */
async function preparePopup(page: Page, browser: ExtensionBrowser, tab?: number): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
  // The popup's own width and height, drawn at POPUP_SCALE device pixels per CSS pixel.
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: 380,
    height: 580,
    deviceScaleFactor: POPUP_SCALE,
    mobile: false,
  });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html${tab === undefined ? '' : `?tab=${tab}`}`);
  await page.waitForFunction(() => document.documentElement.dataset['interactive'] === 'true', null, {
    timeout: 20_000,
  });
}

/** The popup as the toolbar shows it: its box, at POPUP_SCALE. */
async function popupImage(popup: Page): Promise<Buffer> {
  return await popup.locator('.bt-popup').screenshot();
}

/** Images side by side under a caption, on a WIDTH × HEIGHT canvas in the run's theme. */
async function compose({ browser, theme }: ShotContext, images: Buffer[], caption: string): Promise<Buffer> {
  const page = await newPage(browser);
  const background = theme === 'dark' ? '#101014' : '#ecebf0';
  const ink = theme === 'dark' ? '#ececf1' : '#1d1d22';
  const html = `<!doctype html><meta charset="utf-8">
    <style>
      html, body { margin: 0; width: ${WIDTH}px; height: ${HEIGHT}px; overflow: hidden; }
      body { background: ${background}; color: ${ink}; font: 600 26px/1.3 system-ui, sans-serif;
             display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 28px; }
      p { margin: 0; max-width: 1100px; text-align: center; }
      .row { display: flex; gap: 48px; align-items: flex-start; }
      img { border-radius: 10px; box-shadow: 0 8px 32px rgba(0, 0, 0, 0.35); }
    </style>
    <p></p><div class="row"></div>`;
  await page.setContent(html);
  await page.evaluate(
    ({ caption, sources }) => {
      document.querySelector('p')!.textContent = caption;
      const row = document.querySelector('.row')!;
      for (const src of sources) {
        const img = document.createElement('img');
        img.src = src;
        row.append(img);
      }
      // Each image at its own pixel size: 1 image pixel = 1 screenshot pixel.
      return Promise.all(
        [...document.images].map((img) =>
          img.decode().then(() => {
            img.style.width = `${img.naturalWidth}px`;
          }),
        ),
      );
    },
    {
      caption,
      sources: images.map((png) => `data:image/png;base64,${png.toString('base64')}`),
    },
  );
  const shot = await page.screenshot();
  await page.close();
  return shot;
}

/**
 * Whether Chromium has a font for hangul: '한' drawn on a canvas differs from a
 * character no font has (drawn as the same empty box) only when it has one.
 */
async function drawsHangul(browser: ExtensionBrowser): Promise<boolean> {
  const page = await browser.context.newPage();
  try {
    return await page.evaluate(() => {
      // (No named function in here: tsx would wrap it in a helper the page does not have.)
      const [hangul, none] = ['한', '\u{10FFFD}'].map((text) => {
        const canvas = Object.assign(document.createElement('canvas'), { width: 40, height: 40 });
        const g = canvas.getContext('2d')!;
        g.font = '32px sans-serif';
        g.fillText(text, 2, 32);
        return canvas.toDataURL();
      });
      return hangul !== none;
    });
  } finally {
    await page.close();
  }
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (png.subarray(0, 8).toString('hex') !== signature || png.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Runs `shots` in one browser in `lang` and `theme`, writing each into `out`; `check` vets each image. */
async function takeAll(
  shots: Shot[],
  out: string,
  lang: Lang,
  theme: Theme,
  check: (shot: Shot, png: Buffer) => void,
): Promise<void> {
  mkdirSync(out, { recursive: true });
  const browser = await launchWithExtension({ lang, colorScheme: theme });
  try {
    // Korean titles show in every language's shots.
    if (!(await drawsHangul(browser))) {
      throw new Error(
        'Chromium has no Korean font here, so hangul would show as empty boxes: ' +
          'install one (apt-get install fonts-noto-cjk; "bash scripts/setup.sh --fonts" does it).',
      );
    }
    for (const shot of shots) {
      const png = await shot.take({ browser, lang, theme });
      check(shot, png);
      const file = join(out, `${shot.name}.png`);
      writeFileSync(file, png);
      console.log(`${file}: ${shot.about}`);
    }
  } finally {
    await browser.close();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      docs: { type: 'boolean', default: false },
      out: { type: 'string' },
      lang: { type: 'string' },
      theme: { type: 'string' },
      only: { type: 'string' },
    },
  });
  if (values.lang !== undefined && !['en', 'ko'].includes(values.lang))
    throw new Error(`--lang must be en or ko, not "${values.lang}".`);
  if (values.theme !== undefined && !['light', 'dark'].includes(values.theme))
    throw new Error(`--theme must be light or dark, not "${values.theme}".`);
  const set = values.docs ? DOC_SHOTS : SHOTS;
  const shots = values.only ? set.filter((shot) => shot.name === values.only) : set;
  if (shots.length === 0) {
    throw new Error(`No shot is named "${values.only}": ${set.map((shot) => shot.name).join(', ')}.`);
  }

  if (!values.docs) {
    // The store's set: one language and scheme, 1280 × 800 each.
    const out = resolve(values.out ?? join(ROOT, 'store', 'screenshots'));
    await takeAll(shots, out, (values.lang ?? 'en') as Lang, (values.theme ?? 'dark') as Theme, (shot, png) => {
      const { width, height } = pngSize(png);
      if (width !== WIDTH || height !== HEIGHT) {
        throw new Error(`${shot.name} came out ${width} × ${height}, not ${WIDTH} × ${HEIGHT}.`);
      }
    });
    return;
  }

  // The documentation's set: every language and scheme (or the one asked for), a folder each.
  const out = resolve(values.out ?? join(ROOT, 'docs', 'screenshots'));
  for (const lang of values.lang ? [values.lang as Lang] : (['en', 'ko'] as const)) {
    for (const theme of values.theme ? [values.theme as Theme] : (['light', 'dark'] as const)) {
      await takeAll(shots, join(out, `${lang}-${theme}`), lang, theme, (shot, png) => {
        const { width, height } = pngSize(png);
        if (width < 300 || height < 200) throw new Error(`${shot.name} came out ${width} × ${height}: too small.`);
      });
    }
  }
}

await main();
