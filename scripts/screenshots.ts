/**
 * `npm run screenshots`: the store screenshots, 1280 × 800 each, taken from the
 * built extension running in Chromium (scripts/lib/browser.ts), the way
 * `npm run demo` runs it: real extension, real URLs answered by local pages, no network.
 *
 *   tsx scripts/screenshots.ts [--out <dir>] [--lang en|ko] [--theme light|dark] [--only <name>]
 *
 * Writes into store/screenshots/ unless `--out` names another folder. Every
 * shot is one entry of SHOTS; `--lang` and `--theme` run them all in another
 * browser language or colour scheme (the extension's theme follows the system's).
 * Each file is checked to be exactly 1280 × 800 after it is written.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchWithExtension, ROOT, type ExtensionBrowser } from './lib/browser';

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

/** A tab of WIDTH × HEIGHT. */
async function newPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  return page;
}

/** Scale of the popup images: large enough to read on a store page, and drawn pixel for pixel. */
const POPUP_SCALE = 1.25;

/** The toolbar popup opened as a page, at its own size, ready for searches. */
async function openPopup(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  // The popup's own width and height, drawn at POPUP_SCALE device pixels per CSS pixel.
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: 380,
    height: 580,
    deviceScaleFactor: POPUP_SCALE,
    mobile: false,
  });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForFunction(() => document.documentElement.dataset['interactive'] === 'true', null, {
    timeout: 20_000,
  });
  return page;
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

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: join(ROOT, 'store', 'screenshots') },
      lang: { type: 'string', default: 'en' },
      theme: { type: 'string', default: 'dark' },
      only: { type: 'string' },
    },
  });
  const lang = values.lang as Lang;
  const theme = values.theme as Theme;
  if (!['en', 'ko'].includes(lang)) throw new Error(`--lang must be en or ko, not "${values.lang}".`);
  if (!['light', 'dark'].includes(theme)) throw new Error(`--theme must be light or dark, not "${values.theme}".`);
  const shots = values.only ? SHOTS.filter((shot) => shot.name === values.only) : SHOTS;
  if (shots.length === 0) {
    throw new Error(`No shot is named "${values.only}": ${SHOTS.map((shot) => shot.name).join(', ')}.`);
  }
  const out = resolve(values.out);
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
      const { width, height } = pngSize(png);
      if (width !== WIDTH || height !== HEIGHT) {
        throw new Error(`${shot.name} came out ${width} × ${height}, not ${WIDTH} × ${HEIGHT}.`);
      }
      const file = join(out, `${shot.name}.png`);
      writeFileSync(file, png);
      console.log(`${file}: ${shot.about}`);
    }
  } finally {
    await browser.close();
  }
}

await main();
