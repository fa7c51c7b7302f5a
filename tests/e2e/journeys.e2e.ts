/**
 * The main journeys of a viewer, run in both browsers through one driver
 * (tests/e2e/driver): Chromium with the Chrome build, Firefox ESR with the Firefox
 * build. Recognition and the overlay on three sites, spoilers veiled, the next
 * episode without a reload, fullscreen, the toolbar popup's This tab and search,
 * and the options page switching a site off and on in an open tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyBrowsers, launchDriver, type JourneyBrowser, type JourneyPage } from './driver';
import { openFacts, overlayBar, overlayGone } from './driver/overlay';

const HEALER_14 = { url: 'https://www.netflix.com/watch/80049015', fixture: 'netflix/watch-healer-e14.html' };

describe.each(journeyBrowsers())('in %s', (name) => {
  let browser: JourneyBrowser;
  beforeAll(async () => {
    browser = await launchDriver(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('recognition and the overlay', () => {
    it.each([
      { site: 'Netflix', ...HEALER_14, drama: 'Healer', episode: 14, fact: 'Cheongju' },
      {
        site: 'Kocowa',
        url: 'https://www.kocowa.com/en_us/media/5130981/healer-e14',
        fixture: 'kocowa/watch-healer-e14.html',
        drama: 'Healer',
        episode: 14,
        fact: 'Cheongju',
      },
      {
        site: 'Rakuten Viki',
        url: 'https://www.viki.com/videos/1023585v-heirs-episode-14',
        fixture: 'viki/watch-heirs-e14.html',
        drama: 'The Heirs',
        episode: 14,
        fact: 'Krystal',
      },
      {
        site: 'WeTV',
        url: 'https://wetv.vip/en/play/h4r8ldbe2ywhdx1-Cheese-in-the-Trap/k0041c2n9gr-EP4-Cheese-in-the-Trap',
        fixture: 'wetv/watch-cheese-ep4.html',
        drama: 'Cheese in the Trap',
        episode: 4,
        fact: 'Park Hae-jin',
      },
    ])('$site: names the drama and episode over the player and lists its facts', async (watch) => {
      const page = await browser.openSite(watch.url, watch.fixture);
      const bar = await overlayBar(page);
      expect(bar).toContain(watch.drama);
      expect(bar).toContain(`Episode ${watch.episode}`);
      const count = Number(/(\d+) facts/.exec(bar)?.[1]);
      expect(count).toBeGreaterThan(0);
      const list = await openFacts(page, { reveal: true });
      expect(list).toContain(watch.fact);
      expect(await countFacts(page)).toBe(count);
      await page.close();
    });
  });

  describe('spoilers', () => {
    it('veils a moment later in the episode until Reveal, and never lists a later episode', async () => {
      const e14 = await browser.openSite(HEALER_14.url, HEALER_14.fixture);
      await overlayBar(e14, 'Episode 14');
      const veiled = await openFacts(e14, { reveal: false });
      expect(veiled).toContain('Spoiler: this happens later in the episode.');
      expect(veiled).not.toContain('Cheongju');
      await e14.close();

      const e13 = await browser.openSite('https://www.netflix.com/watch/80049014', 'netflix/watch-healer-e13.html');
      await overlayBar(e13, 'Episode 13');
      const revealed = await openFacts(e13, { reveal: true });
      expect(revealed).toContain('icy cold'); // a drama-wide fact
      expect(revealed).not.toContain('Cheongju'); // the episode 14 kiss never reaches the page
      await e13.close();
    });
  });

  describe('watching', () => {
    it('follows Netflix to the next episode without a page load', async () => {
      const page = await browser.openSite('https://www.netflix.com/watch/80134711', 'netflix/watch-next-episode.html');
      await overlayBar(page, 'Episode 14');
      await page.click('[data-uia="next-episode-seamless-button"]');
      await overlayBar(page, 'Episode 15', 5_000);
      expect(await page.evaluate(() => location.href, null)).toBe('https://www.netflix.com/watch/80134712');
      expect(await page.evaluate(() => (window as unknown as { __loadedOnce?: boolean }).__loadedOnce, null)).toBe(
        true,
      );
      expect(await page.evaluate(() => document.querySelectorAll('[data-between-takes]').length, null)).toBe(1);
      await page.close();
    });

    it('follows Netflix’s auto-advance with no title bar, from the player’s own data (the page-world reader)', async () => {
      const page = await browser.openSite('https://www.netflix.com/watch/80134711', 'netflix/watch-auto-advance.html');
      await overlayBar(page, 'Episode 14');
      await page.evaluate(() => (window as unknown as { __advance(): void }).__advance(), null);
      await overlayBar(page, 'Episode 15', 3_000);
      expect(await page.evaluate(() => document.querySelectorAll('[data-uia="video-title"]').length, null)).toBe(0);
      await page.close();
    });

    it('goes into fullscreen with the player', async () => {
      const page = await browser.openSite(HEALER_14.url, HEALER_14.fixture);
      await overlayBar(page);
      await page.click('[data-uia="control-fullscreen-enter"]');
      await page.waitFor(() => document.fullscreenElement !== null, null);
      expect(await page.evaluate(() => !!document.fullscreenElement?.querySelector('[data-between-takes]'), null)).toBe(
        true,
      );
      await overlayBar(page); // still shown, inside the fullscreen player
      await page.close();
    });
  });

  describe('the toolbar popup', () => {
    it('This tab names the drama and episode recognised in the tab', async () => {
      const page = await browser.openSite(HEALER_14.url, HEALER_14.fixture);
      await overlayBar(page);
      await page.bringToFront();
      const tabId = await browser.frontTabId();
      expect(tabId).toBeGreaterThan(0);
      const popup = await openPopup(browser, `?tab=${tabId}`);
      await popup.waitFor(() => document.querySelector('[data-status="recognised"]'), null);
      const now = await popup.evaluate(() => document.querySelector<HTMLElement>('.bt-now-title')!.innerText, null);
      expect(now).toContain('Healer');
      expect(now).toContain('Episode 14');
      await popup.close();
      await page.close();
    });

    it('the badge counts the episode’s facts on a watch page, and shows nothing on a browse page', async () => {
      const page = await browser.openSite(HEALER_14.url, HEALER_14.fixture);
      const count = /(\d+) facts/.exec(await overlayBar(page))![1]!;
      await page.bringToFront();
      const watchTab = await browser.frontTabId();
      await waitUntil(async () => (await browser.badgeText(watchTab)) === count);
      const browse = await browser.openSite('https://www.netflix.com/browse', 'netflix/browse.html');
      await browse.bringToFront();
      const browseTab = await browser.frontTabId();
      expect(browseTab).not.toBe(watchTab);
      // The browse page's content script runs and finds nothing playing: no badge.
      await browse.waitFor(() => document.readyState === 'complete', null);
      expect(await browser.badgeText(browseTab)).toBe('');
      expect(await browser.badgeText(watchTab)).toBe(count);
      await browse.close();
      await page.close();
    });

    it.each([
      ['Healer', 'Healer'],
      ['상속자들', 'The Heirs'],
      ['Ji Chang Wook', 'Healer'],
    ])('search finds %s → %s', async (query, title) => {
      const popup = await openPopup(browser, '');
      expect(await popup.evaluate(() => document.activeElement?.id, null)).toBe('bt-search-input');
      await popup.type('#bt-search-input', query);
      await popup.waitFor(
        (title) =>
          document.querySelector<HTMLElement>('#bt-search-results [role="option"] .bt-result-title')?.innerText ===
          title,
        title,
        5_000,
      );
      await popup.close();
    });
  });

  describe('a hostile page', () => {
    it('can neither read nor change the viewer’s own facts, which live in the extension’s own frame', async () => {
      const NOTE = 'A private note: the crew hid hand warmers in the bed.';
      const page = await browser.openSite(HEALER_14.url, HEALER_14.fixture);
      await overlayBar(page, 'Episode 14');
      await openFacts(page, { reveal: false });
      // The viewer writes a fact, in the frame the overlay embeds.
      const frame = await page.frame('/own-facts.html');
      await frame.click('.bt-add-fact');
      await frame.type('textarea[name="text"]', NOTE);
      await frame.click('.bt-editor button[type="submit"]');
      await frame.waitFor((note) => document.querySelector('.bt-fact-own')?.textContent?.includes(note), NOTE);

      // The page's own script goes looking for it, and for ways to change it.
      const attack = await page.evaluate((note) => {
        const texts: string[] = [document.documentElement.innerText];
        const visit = (root: Document | ShadowRoot) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.shadowRoot) {
              texts.push(el.shadowRoot.textContent ?? '');
              visit(el.shadowRoot);
            }
          }
        };
        visit(document);
        const overlay = document.querySelector('[data-between-takes]')!.shadowRoot!;
        const frame = overlay.querySelector('iframe')!;
        let frameDocument: unknown = 'unread';
        try {
          frameDocument = frame.contentDocument ?? frame.contentWindow?.document ?? null;
        } catch {
          frameDocument = null;
        }
        // Press whatever edits, deletes or adds facts in the overlay, and message the frame.
        const writers = [...overlay.querySelectorAll('button')].filter((b) =>
          /Edit|Delete|Add a fact|Save/.test(b.textContent ?? ''),
        );
        for (const button of writers) button.click();
        frame.contentWindow?.postMessage({ type: 'deleteOwnFact', text: '' }, '*');
        const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
        return {
          readsNote: texts.some((text) => text.includes(note)),
          frameDocument: frameDocument === null,
          writers: writers.length,
          canMessageExtension: typeof runtime?.sendMessage === 'function',
        };
      }, NOTE);
      expect(attack).toEqual({ readsNote: false, frameDocument: true, writers: 0, canMessageExtension: false });

      // The page names another episode: the overlay follows, the viewer's fact never reaches the page.
      await page.evaluate(() => {
        const spans = document.querySelectorAll('[data-uia="video-title"] span');
        spans[0]!.textContent = 'E13';
        spans[1]!.textContent = 'Episode 13';
      }, null);
      await overlayBar(page, 'Episode 13');
      const list = await openFacts(page, { reveal: true });
      expect(list).not.toContain(NOTE);

      // And the viewer's fact is still there, as written.
      const reopened = await browser.openSite(HEALER_14.url, HEALER_14.fixture);
      await overlayBar(reopened, 'Episode 14');
      await openFacts(reopened, { reveal: false });
      const again = await reopened.frame('/own-facts.html');
      await again.waitFor(() => document.querySelector('.bt-fact-own'), null);
      expect(
        await again.evaluate(
          () => [...document.querySelectorAll('.bt-fact-own .bt-fact-text')].map((p) => p.textContent),
          null,
        ),
      ).toEqual([NOTE]);
      await reopened.close();
      await page.close();
    });

    it('cannot switch the content script off with the event WXT listens for', async () => {
      const page = await browser.openSite('https://www.netflix.com/watch/80134711', 'netflix/watch-next-episode.html');
      await overlayBar(page, 'Episode 14');
      // What WXT 0.21.4's content script context takes for a newer copy of itself starting.
      await page.evaluate((id) => {
        document.dispatchEvent(
          new CustomEvent(`${id}:watch:wxt:content-script-started`, {
            detail: { contentScriptName: 'watch', messageId: 'forged-by-the-page' },
          }),
        );
      }, browser.extensionId);
      // Still there, and still following the episodes.
      await page.click('[data-uia="next-episode-seamless-button"]');
      await overlayBar(page, 'Episode 15', 5_000);
      await page.close();
    });

    it('cannot keep the content script out with a Content-Security-Policy that allows no script at all', async () => {
      // The loader imports the content script as a module: the extension's own load, not the page's.
      const page = await browser.openSite(HEALER_14.url, 'hostile/strict-csp.html');
      expect(await overlayBar(page)).toContain('Episode 14');
      // The policy is in force: the page's own inline script did not run.
      expect(await page.evaluate(() => document.documentElement.dataset['pageScript'] ?? 'refused', null)).toBe(
        'refused',
      );
      await page.close();
    });

    it('cannot keep the overlay from mounting by defining its element first', async () => {
      const page = await browser.openSite('https://www.netflix.com/watch/80134711', 'hostile/predefined-element.html');
      expect(await page.evaluate(() => !!customElements.get('between-takes-overlay'), null)).toBe(true);
      expect(await overlayBar(page)).toContain('Episode 14');
      await page.close();
    });
  });

  describe('the options page', () => {
    it('switches a site off and on, and its open tab follows within a second', async () => {
      const page = await browser.openSite(HEALER_14.url, HEALER_14.fixture);
      await overlayBar(page);
      const options = await browser.openExtensionPage('options.html');
      expect(await siteSwitch(options, 'Netflix', 'read')).toBe(true);
      await siteSwitch(options, 'Netflix', 'click');
      await overlayGone(page, 1_000);
      expect(await siteSwitch(options, 'Netflix', 'click')).toBe(true);
      await overlayBar(page, 'Episode 14', 1_000);
      await options.close();
      await page.close();
    });
  });
});

/** Waits until `check` holds (polled every 100 ms), for at most 10 s. */
async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens the toolbar popup as a page, and waits until it answers searches. */
async function openPopup(browser: JourneyBrowser, query: string): Promise<JourneyPage> {
  const popup = await browser.openExtensionPage(`popup.html${query}`);
  await popup.waitFor(() => document.documentElement.dataset['interactive'] === 'true', null, 20_000);
  return popup;
}

function countFacts(page: JourneyPage): Promise<number> {
  return page.evaluate(
    () => document.querySelector('[data-between-takes]')!.shadowRoot!.querySelectorAll('.bt-panel .bt-fact').length,
    null,
  );
}

/**
 * Reads or clicks the options page's switch labelled `label` (waiting for the page to
 * show it) and returns whether it is on afterwards.
 */
async function siteSwitch(options: JourneyPage, label: string, action: 'read' | 'click'): Promise<boolean> {
  await options.waitFor(
    (label) => [...document.querySelectorAll('label')].some((row) => row.textContent?.trim() === label),
    label,
  );
  return options.evaluate(
    ({ label, action }) => {
      const input = [...document.querySelectorAll('label')]
        .find((row) => row.textContent?.trim() === label)!
        .querySelector<HTMLInputElement>('input[type="checkbox"]')!;
      if (action === 'click') input.click();
      return input.checked;
    },
    { label, action },
  );
}
