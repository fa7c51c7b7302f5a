/**
 * The watching experience in real Chromium: cards timed by a really playing
 * <video>, seeking and pausing, the options page applied to an open tab, the
 * show/hide shortcut, keys kept from the player, and the Korean UI.
 */
import type { Locator, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontTabId, launchWithExtension, openFixture, type ExtensionBrowser } from '../../scripts/lib/browser';
import { overlayHost } from '../helpers/overlay';

const WATCH_URL = 'https://www.netflix.com/watch/80049015';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
  // Timestamped facts for Healer episode 14, written into the catalog the
  // way a catalog update would: the articles give no timestamps of their own.
  await addCatalogFacts(browser.worker, [
    { id: 'test-at-4s', at: 4, text: 'Timed fact at four seconds.' },
    { id: 'test-at-8s', at: 8, text: 'Timed fact at eight seconds.' },
    // Left for the card that pops up while the bar is hidden (the two above are seen before it).
    { id: 'test-at-10s', at: 10, text: 'Timed fact at ten seconds.' },
  ]);
});
afterAll(async () => {
  await browser?.close();
});

async function addCatalogFacts(worker: Worker, facts: { id: string; at: number; text: string }[]) {
  await worker.evaluate(async (facts) => {
    const open = () =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('between-takes');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    // Wait for the install-time seed, which replaces the catalog stores. Opening
    // the database before the extension has created it would create an empty one.
    for (let i = 0; i < 100; i++) {
      const exists = (await indexedDB.databases()).some((d) => d.name === 'between-takes' && (d.version ?? 0) >= 2);
      if (!exists) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      const db = await open();
      const version = await new Promise((resolve) => {
        if (!db.objectStoreNames.contains('meta')) return resolve(undefined);
        const get = db.transaction('meta').objectStore('meta').get('catalogVersion');
        get.onsuccess = () => resolve(get.result);
      });
      if (version) {
        // Healer's record holds its facts drama-wide first, then by episode: these go after episode 14's.
        const tx = db.transaction('dramaFacts', 'readwrite');
        const store = tx.objectStore('dramaFacts');
        const get = store.get('healer');
        get.onsuccess = () => {
          const record = get.result as { facts: { episode: number | null }[] };
          const added = facts.map((f) => ({
            ...f,
            dramaId: 'healer',
            episode: 14,
            people: [],
            tags: ['between-takes'],
            spoiler: false,
            sourceId: 'healer-teary-kiss-bts',
          }));
          const cut = record.facts.findIndex((fact) => (fact.episode ?? 0) > 14);
          record.facts.splice(cut === -1 ? record.facts.length : cut, 0, ...added);
          store.put(record);
        };
        await new Promise((resolve) => (tx.oncomplete = resolve));
        db.close();
        return;
      }
      db.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the catalog was never seeded');
  }, facts);
}

const card = (page: Page) => overlayHost(page).locator('.bt-card');
const videoTime = (page: Page) => page.evaluate(() => document.querySelector('video')!.currentTime);

describe('cards while the episode plays', () => {
  it('pops a timestamped fact up at its moment and not before, and never replays it after a seek back', async () => {
    const page = await openFixture(browser.context, WATCH_URL, 'netflix/watch-playing.html');
    await overlayHost(page).locator('.bt-toggle').waitFor({ timeout: 10_000 });
    expect(await card(page).count()).toBe(0);
    await card(page).filter({ hasText: 'Timed fact at four seconds.' }).waitFor({ timeout: 15_000 });
    expect(await videoTime(page)).toBeGreaterThanOrEqual(4);
    // Announced politely to screen readers.
    expect(await overlayHost(page).getByRole('status').innerText()).toBe('Timed fact at four seconds.');

    await overlayHost(page).getByRole('button', { name: 'Dismiss' }).click();
    await card(page).waitFor({ state: 'detached' });
    await page.evaluate(() => (document.querySelector('video')!.currentTime = 1));
    await page.waitForFunction(() => document.querySelector('video')!.currentTime > 5.5, undefined, {
      timeout: 15_000,
    });
    // Playing through 4 s again: the dismissed fact does not come back.
    expect(await card(page).filter({ hasText: 'four seconds' }).count()).toBe(0);
    await page.close();
  });

  it('gives a paused video no new cards, and pops one up once playing again', async () => {
    const page = await openFixture(browser.context, WATCH_URL, 'netflix/watch-playing.html');
    await overlayHost(page).locator('.bt-toggle').waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('video')!.currentTime > 6, undefined, { timeout: 15_000 });
    await page.evaluate(() => document.querySelector('video')!.pause());
    await page.evaluate(() => (document.querySelector('video')!.currentTime = 9)); // past 8 s while paused
    await page.waitForTimeout(1500);
    expect(await card(page).filter({ hasText: 'eight seconds' }).count()).toBe(0);
    // Seeking back before 8 s and playing through it pops it up.
    await page.evaluate(() => {
      const video = document.querySelector('video')!;
      video.currentTime = 7;
      return video.play();
    });
    await card(page).filter({ hasText: 'Timed fact at eight seconds.' }).waitFor({ timeout: 10_000 });
    expect(await videoTime(page)).toBeGreaterThanOrEqual(8);
    await page.close();
  });
});

describe('the bar comes and goes with the player’s controls', () => {
  /** Whether the overlay's host says the viewer is idle while the video plays. */
  const idle = (page: Page) =>
    page.evaluate(() => document.querySelector('[data-between-takes]')!.hasAttribute('data-idle'));
  const barOpacity = (page: Page) =>
    overlayHost(page)
      .locator('.bt-bar')
      .evaluate((bar) => getComputedStyle(bar).opacity);
  const waitIdle = (page: Page, wanted: boolean) =>
    page.waitForFunction(
      (wanted) => document.querySelector('[data-between-takes]')?.hasAttribute('data-idle') === wanted,
      wanted,
      { timeout: 15_000 },
    );

  it('still shows a card that pops up while the bar is hidden', async () => {
    const page = await openFixture(browser.context, WATCH_URL, 'netflix/watch-playing.html');
    await page.waitForFunction(
      () => {
        const host = document.querySelector('[data-between-takes]');
        return host?.hasAttribute('data-idle') && host.shadowRoot?.querySelector('.bt-card');
      },
      undefined,
      { timeout: 25_000 },
    );
    await expect.poll(() => barOpacity(page)).toBe('0');
    const shownCard = card(page);
    // The first timed fact not yet seen in this profile (the others pop up in the tests above).
    expect(await shownCard.innerText()).toMatch(/Timed fact at (four|eight|ten) seconds\./);
    await expect.poll(() => shownCard.evaluate((el) => getComputedStyle(el).opacity)).toBe('1'); // once it has faded in
    expect(await shownCard.isVisible()).toBe(true);
    await page.close();
  });

  it('hides the collapsed bar while the episode plays idle, and shows it on pointer movement, keys, focus and pause', async () => {
    const page = await openFixture(browser.context, WATCH_URL, 'netflix/watch-playing.html');
    await overlayHost(page).locator('.bt-toggle').waitFor({ timeout: 10_000 });
    await waitIdle(page, true);
    await expect.poll(() => barOpacity(page)).toBe('0');

    // The pointer moves over the player: the bar shows, as the player's controls do.
    await page.mouse.move(600, 400);
    await page.mouse.move(620, 420);
    await waitIdle(page, false);
    await expect.poll(() => barOpacity(page)).toBe('1');

    // A key pressed anywhere in the page shows it too.
    await waitIdle(page, true);
    await page.keyboard.press('Shift');
    await waitIdle(page, false);

    // Focus in the bar holds it, however long the viewer waits.
    await overlayHost(page).locator('.bt-toggle').focus();
    await page.waitForTimeout(4_000);
    expect(await idle(page)).toBe(false);
    await overlayHost(page).locator('.bt-toggle').blur();
    await waitIdle(page, true);

    // Paused, the bar stays.
    await page.evaluate(() => document.querySelector('video')!.pause());
    await waitIdle(page, false);
    await page.waitForTimeout(4_000);
    expect(await idle(page)).toBe(false);
    await page.close();
  });

  it('fades only when motion is welcome: with reduced motion the bar just goes', async () => {
    const page = await openFixture(browser.context, WATCH_URL, 'netflix/watch-playing.html');
    const bar = overlayHost(page).locator('.bt-bar');
    await bar.waitFor({ timeout: 10_000 });
    const transition = () => bar.evaluate((el) => getComputedStyle(el).transitionDuration);
    expect(await transition()).not.toBe('0s');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await transition()).toBe('0s');
    await page.close();
  });

  it('is dark over video whatever the system’s scheme, light only when the viewer picks it, and clears the top controls', async () => {
    const page = await openFixture(browser.context, WATCH_URL, 'netflix/watch-healer-e14.html');
    await page.emulateMedia({ colorScheme: 'light' });
    const toggle = overlayHost(page).locator('.bt-toggle');
    await toggle.waitFor({ timeout: 10_000 });
    const theme = () => page.evaluate(() => document.querySelector('[data-between-takes]')!.getAttribute('data-theme'));
    /** The bar's background as the eye sees it: dark below 0.5 ("rgb(…)" in 0–255, or "color(srgb …)" in 0–1). */
    const lightness = () =>
      toggle.evaluate((el) => {
        const colour = getComputedStyle(el).backgroundColor;
        const scale = colour.startsWith('color(') ? 1 : 255;
        const [r, g, b] = colour.match(/[\d.]+/g)!.map((n) => Number(n) / scale);
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      });
    expect(await theme()).toBe('dark'); // the default theme, "Automatic"
    expect(await lightness()).toBeLessThan(0.5);

    // Below the band where players keep their top controls.
    const [host, player] = await page.evaluate(() =>
      [document.querySelector('[data-between-takes]')!, document.querySelector('[data-uia="watch-video"]')!].map(
        (el) => el.getBoundingClientRect().toJSON() as DOMRect,
      ),
    );
    expect(host!.top - player!.top).toBeGreaterThanOrEqual(player!.height * 0.12 - 1);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('combobox', { name: 'Theme' }).selectOption('light');
    await page.waitForFunction(
      () => document.querySelector('[data-between-takes]')?.getAttribute('data-theme') === 'light',
    );
    expect(await lightness()).toBeGreaterThan(0.5);
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await options.close();
    await page.close();
  });
});

describe('one spoiler rule', () => {
  /** Each fact of a list as it reads: its text, or the line that stands in for it while veiled. */
  const listed = (root: Locator) => root.locator('.bt-fact .bt-fact-text').allInnerTexts();

  /** The popup's This tab for the page's tab, its facts shown. */
  async function popupFacts(page: Page): Promise<string[]> {
    const tabId = await frontTabId(browser, page);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('[data-status="recognised"]').waitFor({ timeout: 10_000 });
    await popup.getByRole('button', { name: 'Show facts' }).click();
    const facts = await listed(popup.locator('#bt-tab-facts'));
    await popup.close();
    return facts;
  }

  it('veils the same facts in the overlay and the popup at a moment of playback, and unveils them together', async () => {
    const page = await openFixture(browser.context, WATCH_URL, 'netflix/watch-playing.html');
    await overlayHost(page).locator('.bt-toggle').waitFor({ timeout: 10_000 });
    // Play past the fact at 4 s, then hold the video at 6 s, before the fact at 8 s.
    await page.waitForFunction(() => document.querySelector('video')!.currentTime > 4.5, undefined, {
      timeout: 15_000,
    });
    await page.evaluate(() => {
      const video = document.querySelector('video')!;
      video.pause();
      video.currentTime = 6;
    });
    await overlayHost(page).locator('.bt-toggle').click();
    const panel = overlayHost(page).locator('.bt-panel');
    await panel.getByText('Timed fact at four seconds.').waitFor();
    const inOverlay = await listed(panel);
    expect(inOverlay).not.toContain('Timed fact at eight seconds.');
    const ahead = (list: string[]) => list.filter((text) => text === 'Spoiler: this happens later in the episode.');
    const veiled = ahead(inOverlay);
    expect(veiled.length).toBeGreaterThan(0); // the 8 s fact, and the untimed spoilers of the episode
    expect(await popupFacts(page)).toEqual(inOverlay);

    // At 9 s the fact at 8 s is no longer ahead, on both surfaces.
    await page.evaluate(() => (document.querySelector('video')!.currentTime = 9));
    await panel.getByText('Timed fact at eight seconds.').waitFor();
    const later = await listed(panel);
    expect(ahead(later).length).toBe(veiled.length - 1);
    expect(await popupFacts(page)).toEqual(later);
    await page.close();
  });
});

describe('keyboard', () => {
  it('keeps keys typed in the overlay away from the player', async () => {
    const page = await openFixture(browser.context, WATCH_URL, 'netflix/watch-healer-e14.html');
    const toggle = overlayHost(page).locator('.bt-toggle');
    await toggle.waitFor({ timeout: 10_000 });
    await page.evaluate(() => {
      (window as unknown as { __keys: string[] }).__keys = [];
      document.addEventListener('keydown', (e) => (window as unknown as { __keys: string[] }).__keys.push(e.key));
    });
    await toggle.focus();
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await overlayHost(page).locator('.bt-panel').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __keys: string[] }).__keys)).toEqual([]);
    await page.close();
  });

  it('shows and hides the overlay with the shortcut, but not while typing in a text field', async () => {
    // The shortcut is a manifest command, bound to Alt+Shift+K and rebindable in the browser.
    const commands = await browser.worker.evaluate(() => chrome.commands.getAll());
    expect(commands).toContainEqual(expect.objectContaining({ name: 'toggle-overlay', shortcut: 'Alt+Shift+K' }));
    // Headless Chromium does not route key presses to extension commands, so the
    // test fires the command event as the browser does when the keys are pressed;
    // everything after that (background → tab → overlay) is the real path.
    const pressShortcut = () =>
      browser.worker.evaluate(() => {
        const onCommand = chrome.commands.onCommand as unknown as { dispatch(name: string): void };
        onCommand.dispatch('toggle-overlay');
      });
    const page = await openFixture(browser.context, WATCH_URL, 'netflix/watch-playing.html');
    await page.bringToFront();
    const toggle = overlayHost(page).locator('.bt-toggle');
    await toggle.waitFor({ timeout: 10_000 });
    await pressShortcut();
    await overlayHost(page).waitFor({ state: 'detached', timeout: 5_000 });
    await pressShortcut();
    await toggle.waitFor({ timeout: 5_000 });
    await page.locator('#search').focus();
    await pressShortcut();
    await page.waitForTimeout(800);
    expect(await toggle.isVisible()).toBe(true);
    await page.close();
  });
});

describe('options page', () => {
  it('labels every switch, and switching a site off or on applies to its open tab within a second', async () => {
    const watch = await openFixture(browser.context, WATCH_URL, 'netflix/watch-healer-e14.html');
    await overlayHost(watch).locator('.bt-toggle').waitFor({ timeout: 10_000 });
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    for (const label of [
      'Between Takes on',
      'Netflix',
      'Rakuten Viki',
      'Spoiler-safe mode',
      'Pop fact cards up while the episode plays',
    ]) {
      await options.getByRole('checkbox', { name: label }).waitFor();
    }
    await options.getByRole('checkbox', { name: 'Netflix' }).uncheck();
    await overlayHost(watch).waitFor({ state: 'detached', timeout: 1_000 });
    await options.getByRole('checkbox', { name: 'Netflix' }).check();
    await overlayHost(watch).locator('.bt-toggle').waitFor({ timeout: 1_000 });

    // The master switch and the corner apply the same way.
    await options.getByRole('checkbox', { name: 'Between Takes on' }).uncheck();
    await overlayHost(watch).waitFor({ state: 'detached', timeout: 1_000 });
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await overlayHost(watch).locator('.bt-toggle').waitFor({ timeout: 1_000 });
    await options.getByRole('combobox', { name: 'Corner of the player' }).selectOption('top-left');
    await watch.waitForFunction(
      () => document.querySelector('[data-between-takes]')?.getAttribute('data-corner') === 'top-left',
      undefined,
      { timeout: 1_000 },
    );
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await options.close();
    await watch.close();
  });
});

describe('options page: the live preview', () => {
  it('draws the real overlay and a card, and follows the corner, the theme, cards and drama-wide facts as they change', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const host = options.locator('.bt-preview-host');
    const bar = host.locator('.bt-toggle');
    await bar.waitFor();
    const attribute = (name: string) => host.getAttribute(name);
    expect(await attribute('data-corner')).toBe('top-right');
    expect(await attribute('data-theme')).toBe('dark'); // "Automatic": dark over video
    expect(await bar.innerText()).toContain('3 facts');
    await host.locator('.bt-card').waitFor();
    // The overlay's own stylesheet: in the top right corner, 16 px in and below the top controls' band.
    const [box, player] = await options.evaluate(() =>
      ['.bt-preview-host', '.bt-preview-player'].map(
        (selector) => document.querySelector(selector)!.getBoundingClientRect().toJSON() as DOMRect,
      ),
    );
    expect(Math.round(player!.right - box!.right)).toBe(16);
    expect(box!.top - player!.top).toBeGreaterThanOrEqual(player!.height * 0.12 - 1);

    await options.getByRole('combobox', { name: 'Corner of the player' }).selectOption('bottom-left');
    await expect.poll(() => attribute('data-corner')).toBe('bottom-left');
    await options.getByRole('combobox', { name: 'Theme' }).selectOption('light');
    await expect.poll(() => attribute('data-theme')).toBe('light');
    await options.getByRole('checkbox', { name: 'Pop fact cards up while the episode plays' }).uncheck();
    await host.locator('.bt-card').waitFor({ state: 'detached' });
    expect(await options.locator('.bt-preview figcaption').innerText()).toContain('no card pops up on its own');
    await options.getByRole('checkbox', { name: 'Show facts about the whole drama' }).uncheck();
    await expect.poll(() => bar.innerText()).toContain('2 facts');
    // A picture, not a control: out of the tab order.
    expect(await host.evaluate((el) => (el as HTMLElement).inert)).toBe(true);

    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await host.locator('.bt-card').waitFor();
    expect(await attribute('data-corner')).toBe('top-right');
    await options.close();
  });
});

describe('language', () => {
  it('speaks Korean when the browser does', async () => {
    const korean = await launchWithExtension({ lang: 'ko' });
    try {
      const page = await openFixture(korean.context, WATCH_URL, 'netflix/watch-healer-e14.html');
      const toggle = overlayHost(page).locator('.bt-toggle');
      await toggle.waitFor({ timeout: 10_000 });
      const bar = await toggle.innerText();
      expect(bar).toContain('14화');
      expect(bar).toMatch(/비하인드 \d+개/);
      expect(await overlayHost(page).getByRole('button', { name: 'Between Takes 닫기' }).count()).toBe(1);
      const options = await korean.context.newPage();
      await options.goto(`chrome-extension://${korean.extensionId}/options.html`);
      await options.getByRole('checkbox', { name: '스포일러 방지 모드' }).waitFor();
    } finally {
      await korean.close();
    }
  });
});
