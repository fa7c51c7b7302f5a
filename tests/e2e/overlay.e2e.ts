/**
 * The built extension in real Chromium, on real Netflix and Viki URLs answered
 * with fixture pages: what a viewer sees over the player.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openFixture, type ExtensionBrowser } from '../../scripts/lib/browser';
import { overlayHost, overlayToggle as toggle, revealAll } from '../helpers/overlay';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

async function open(url: string, fixture: string): Promise<Page> {
  return openFixture(browser.context, url, fixture);
}

/** Asserts that the overlay never appears within `ms`. */
async function expectNoOverlay(page: Page, ms = 2500) {
  await page.waitForTimeout(ms);
  expect(await overlayHost(page).count()).toBe(0);
}

describe('Netflix', () => {
  it('shows the drama, the episode and the fact count over the player, and lists the facts', async () => {
    const page = await open('https://www.netflix.com/watch/80049015', 'netflix/watch-healer-e14.html');
    await toggle(page).waitFor({ state: 'visible', timeout: 10_000 });
    const bar = await toggle(page).innerText();
    expect(bar).toContain('Healer');
    expect(bar).toContain('Episode 14');
    expect(bar).toMatch(/\b\d+ facts\b/);
    // It sits inside the player, so it follows it into fullscreen.
    expect(await page.locator('.watch-video [data-between-takes]').count()).toBe(1);

    await toggle(page).click();
    const panel = overlayHost(page).locator('.bt-panel');
    await panel.waitFor({ state: 'visible' });
    // The kiss itself is veiled until the ending plays; one click shows it.
    expect(await panel.innerText()).toContain('Spoiler: this happens later in the episode.');
    await revealAll(page);
    const text = await panel.innerText();
    expect(text).toContain('Cheongju'); // an episode 14 fact
    expect(text).toContain('icy cold'); // a drama-wide fact
    const [shown, count] = [await panel.locator('.bt-fact').count(), Number(/(\d+) facts/.exec(bar)![1])];
    expect(shown).toBe(count);
    await page.close();
  });

  it('is out of reach of the page’s CSS, even rules aimed at its own class names', async () => {
    const page = await open('https://www.netflix.com/watch/80049015', 'netflix/watch-healer-e14.html');
    await toggle(page).waitFor({ state: 'visible', timeout: 10_000 });
    const fontSize = await toggle(page).evaluate((el) => getComputedStyle(el).fontSize);
    expect(fontSize).toBe('14px'); // the page sets every div to 50px !important
    await page.close();
  });

  it('opens with the keyboard and can be closed', async () => {
    const page = await open('https://www.netflix.com/watch/80049015', 'netflix/watch-healer-e14.html');
    await toggle(page).waitFor({ state: 'visible', timeout: 10_000 });
    await toggle(page).focus();
    await page.keyboard.press('Enter');
    await overlayHost(page).locator('.bt-panel').waitFor({ state: 'visible' });
    await page.keyboard.press('Space');
    await overlayHost(page).locator('.bt-panel').waitFor({ state: 'detached' });
    await overlayHost(page).getByRole('button', { name: 'Close Between Takes' }).click();
    await overlayHost(page).waitFor({ state: 'detached' });
    await page.close();
  });

  it('works with the keyboard alone: Tab reaches the bar, even faded while playing, and Enter opens and reveals', async () => {
    const page = await open('https://www.netflix.com/watch/80049015', 'netflix/watch-playing.html');
    await toggle(page).waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('[data-between-takes]')!.hasAttribute('data-idle'), null, {
      timeout: 15_000,
    });
    /** The focused element's text, following focus into the overlay's shadow root. */
    const focused = () =>
      page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return { text: (el as HTMLElement | null)?.innerText ?? '', inOverlay: !!el?.closest('.bt-overlay') };
      });
    // From the top of the page, Tab until the overlay has the focus.
    for (let i = 0; i < 20 && !(await focused()).inOverlay; i++) await page.keyboard.press('Tab');
    expect((await focused()).text).toContain('Healer');
    // The faded bar comes back with the focus.
    expect(await page.evaluate(() => document.querySelector('[data-between-takes]')!.hasAttribute('data-idle'))).toBe(
      false,
    );
    await page.keyboard.press('Enter');
    await overlayHost(page).locator('.bt-panel').waitFor({ state: 'visible' });
    // Past the × button, into the list: the first veiled fact's Reveal.
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('×');
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Reveal');
    const veiled = await overlayHost(page).locator('.bt-veiled').count();
    await page.keyboard.press('Enter');
    await expect.poll(() => overlayHost(page).locator('.bt-veiled').count()).toBe(veiled - 1);
    await page.close();
  });

  it('never shows a fact about a later episode', async () => {
    const page = await open('https://www.netflix.com/watch/80049014', 'netflix/watch-healer-e13.html');
    await toggle(page).waitFor({ state: 'visible', timeout: 10_000 });
    expect(await toggle(page).innerText()).toContain('Episode 13');
    await toggle(page).click();
    await revealAll(page);
    const text = await overlayHost(page).locator('.bt-panel').innerText();
    expect(text).toContain('icy cold'); // drama-wide facts still show
    expect(text).not.toContain('Cheongju'); // the episode 14 kiss stays hidden
    expect(text).not.toContain('Episode 14');
    await page.close();
  });

  it('recognises a title bar that appears only after a while', async () => {
    const page = await open('https://www.netflix.com/watch/80025789', 'netflix/watch-late-title.html');
    const started = Date.now();
    await toggle(page).waitFor({ state: 'visible', timeout: 10_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500); // not before the title existed
    const bar = await toggle(page).innerText();
    expect(bar).toContain('Oh My Ghost');
    expect(bar).toContain('Episode 16');
    await toggle(page).click();
    await revealAll(page);
    expect(await overlayHost(page).locator('.bt-panel').innerText()).toContain('one more time');
    await page.close();
  });

  it('recognises a Korean-labelled page ("힐러", "14화")', async () => {
    const page = await open('https://www.netflix.com/watch/80049015', 'netflix/watch-korean.html');
    await toggle(page).waitFor({ state: 'visible', timeout: 10_000 });
    const bar = await toggle(page).innerText();
    expect(bar).toContain('Healer');
    expect(bar).toContain('Episode 14');
    await page.close();
  });

  it('follows the move to the next episode without a page load', async () => {
    const page = await open('https://www.netflix.com/watch/80134711', 'netflix/watch-next-episode.html');
    await toggle(page).waitFor({ state: 'visible', timeout: 10_000 });
    expect(await toggle(page).innerText()).toContain('Episode 14');
    await page.click('[data-uia="next-episode-seamless-button"]');
    await overlayHost(page).locator('.bt-toggle:has-text("Episode 15")').waitFor({ timeout: 5_000 });
    expect(page.url()).toBe('https://www.netflix.com/watch/80134712');
    expect(await page.evaluate(() => (window as unknown as { __loadedOnce?: boolean }).__loadedOnce)).toBe(true);
    await toggle(page).click();
    await revealAll(page);
    expect(await overlayHost(page).locator('.bt-panel').innerText()).toContain('I will run if you give me a kiss');
    expect(await overlayHost(page).count()).toBe(1);
    await page.close();
  });

  it('names the episode from the player’s own data when the title bar says the same', async () => {
    const page = await open('https://www.netflix.com/watch/80049015', 'netflix/watch-player-data.html');
    await toggle(page).waitFor({ state: 'visible', timeout: 10_000 });
    const bar = await toggle(page).innerText();
    expect(bar).toContain('Healer');
    expect(bar).toContain('Episode 14');
    await page.close();
  });

  it('follows an auto-advance with no title bar, from the player’s own data, and no mouse moving', async () => {
    const page = await open('https://www.netflix.com/watch/80134711', 'netflix/watch-auto-advance.html');
    await toggle(page).waitFor({ state: 'visible', timeout: 10_000 });
    expect(await toggle(page).innerText()).toContain('Episode 14');
    expect(await page.locator('[data-uia="video-title"]').count()).toBe(0);
    await page.evaluate(() => (window as unknown as { __advance(): void }).__advance());
    await overlayHost(page).locator('.bt-toggle:has-text("Episode 15")').waitFor({ timeout: 3_000 });
    expect(await page.evaluate(() => (window as unknown as { __loadedOnce?: boolean }).__loadedOnce)).toBe(true);
    expect(await overlayHost(page).count()).toBe(1);
    await page.close();
  });

  it('recognises the episode when the player’s data arrives late, with no title bar', async () => {
    const page = await open('https://www.netflix.com/watch/80049015', 'netflix/watch-late-data.html');
    await overlayHost(page).locator('.bt-toggle:has-text("Episode 14")').waitFor({ timeout: 10_000 });
    expect(await toggle(page).innerText()).toContain('Healer');
    await page.close();
  });

  it('recognises a German-labelled page ("Flg. 14") from the title bar alone', async () => {
    const page = await open('https://www.netflix.com/watch/80049015', 'netflix/watch-german.html');
    await toggle(page).waitFor({ state: 'visible', timeout: 10_000 });
    expect(await toggle(page).innerText()).toContain('Episode 14');
    await page.close();
  });

  it('goes into fullscreen with the player', async () => {
    const page = await open('https://www.netflix.com/watch/80049015', 'netflix/watch-healer-e14.html');
    await toggle(page).waitFor({ state: 'visible', timeout: 10_000 });
    await page.click('[data-uia="control-fullscreen-enter"]');
    await page.waitForFunction(() => document.fullscreenElement !== null);
    expect(await page.evaluate(() => !!document.fullscreenElement?.querySelector('[data-between-takes]'))).toBe(true);
    expect(await toggle(page).isVisible()).toBe(true);
    await page.close();
  });

  it('shows nothing on a browse page, nor on a title’s preview there', async () => {
    for (const url of ['https://www.netflix.com/browse', 'https://www.netflix.com/browse?jbv=80049015']) {
      const page = await open(url, 'netflix/browse.html');
      await expectNoOverlay(page);
      await page.close();
    }
  });

  it('shows nothing for a show the catalog does not know', async () => {
    const page = await open('https://www.netflix.com/watch/81159258', 'netflix/watch-unknown.html');
    await expectNoOverlay(page);
    await page.close();
  });
});

describe('Rakuten Viki', () => {
  it('shows the drama and episode named by the URL slug and the page title', async () => {
    const page = await open('https://www.viki.com/videos/1023585v-heirs-episode-14', 'viki/watch-heirs-e14.html');
    await toggle(page).waitFor({ state: 'visible', timeout: 10_000 });
    const bar = await toggle(page).innerText();
    expect(bar).toContain('The Heirs');
    expect(bar).toContain('Episode 14');
    await toggle(page).click();
    const panel = overlayHost(page).locator('.bt-panel');
    // The Krystal fact is about the whole drama and gives away a kiss: veiled before the final episode.
    expect(await panel.innerText()).not.toContain('Krystal');
    await revealAll(page);
    expect(await panel.innerText()).toContain('Krystal');
    await page.close();
  });

  it('follows client-side navigation to the next episode', async () => {
    const page = await open('https://www.viki.com/videos/1023585v-heirs-episode-14', 'viki/watch-heirs-e14.html');
    await toggle(page).waitFor({ state: 'visible', timeout: 10_000 });
    await page.click('.vjs-next-episode-button');
    await overlayHost(page).locator('.bt-toggle:has-text("Episode 15")').waitFor({ timeout: 5_000 });
    expect(await overlayHost(page).count()).toBe(1);
    await page.close();
  });

  it('recognises a watch page whose URL has no slug', async () => {
    const page = await open('https://www.viki.com/videos/1119421v', 'viki/watch-no-slug.html');
    await toggle(page).waitFor({ state: 'visible', timeout: 10_000 });
    const bar = await toggle(page).innerText();
    expect(bar).toContain('Business Proposal');
    expect(bar).toContain('Episode 10');
    await page.close();
  });

  it('goes into fullscreen with the player', async () => {
    const page = await open('https://www.viki.com/videos/1023585v-heirs-episode-14', 'viki/watch-heirs-e14.html');
    await toggle(page).waitFor({ state: 'visible', timeout: 10_000 });
    await page.click('.vjs-fullscreen-control');
    await page.waitForFunction(() => document.fullscreenElement !== null);
    expect(await page.evaluate(() => !!document.fullscreenElement?.querySelector('[data-between-takes]'))).toBe(true);
    await page.close();
  });

  it('shows nothing on a series page', async () => {
    const page = await open('https://www.viki.com/tv/21789c-heirs', 'viki/series.html');
    await expectNoOverlay(page);
    await page.close();
  });
});
