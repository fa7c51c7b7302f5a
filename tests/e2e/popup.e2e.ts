/**
 * The toolbar popup of the built extension in real Chromium, opened as a page
 * of its own (`popup.html`): search over the catalog, and "This tab" pointed at
 * a streaming tab with `?tab=<id>` (a popup opened as a tab has no streaming
 * tab of its own to be about).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontTabId, launchWithExtension, openFixture, type ExtensionBrowser } from '../../scripts/lib/browser';
import { overlayToggle } from '../helpers/overlay';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the popup page (about tab `tab`, if given) and waits until it answers searches. */
async function openPopup(tab?: number): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html${tab === undefined ? '' : `?tab=${tab}`}`);
  await page.waitForFunction(() => document.documentElement.dataset['interactive'] === 'true', null, {
    timeout: 20_000,
  });
  return page;
}

/** Opens a streaming URL answered by a fixture, and returns the page with its tab id. */
async function openStreamingTab(url: string, fixture: string): Promise<{ page: Page; tabId: number }> {
  const page = await openFixture(browser.context, url, fixture);
  const tabId = await frontTabId(browser, page);
  expect(tabId).toBeGreaterThan(0);
  return { page, tabId };
}

const searchBox = (popup: Page) => popup.locator('#bt-search-input');
const options = (popup: Page) => popup.locator('#bt-search-results [role="option"]');

describe('search', () => {
  let popup: Page;
  beforeAll(async () => {
    popup = await openPopup();
  });
  afterAll(async () => {
    await popup?.close();
  });

  it('starts with the focus in the search box, the first element Tab reaches', async () => {
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('bt-search-input');
    // The first focusable element in the page's order…
    const first = await popup.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].find(
          (el) => el.tabIndex >= 0 && el.getClientRects().length > 0,
        )?.id,
    );
    expect(first).toBe('bt-search-input');
    // …and nothing before it: Shift+Tab leaves the page, Tab comes back to the box.
    await popup.keyboard.press('Shift+Tab');
    expect(await popup.evaluate(() => document.activeElement === document.body)).toBe(true);
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('bt-search-input');
  });

  it.each([
    ['title', 'Healer', 'Healer'],
    ['alias', 'Love in the Moonlight', 'Moonlight Drawn by Clouds'],
    ['hangul', '상속자들', 'The Heirs'],
    ['actor', 'Ji Chang Wook', 'Healer'],
    ['character', 'Hong Ra-on', 'Moonlight Drawn by Clouds'],
    ['fact word', 'Cheongju', 'Healer'],
    ['misspelt title', 'Healr', 'Healer'],
    ['misspelt title', 'Nevertheles', 'Nevertheless'],
    ['spacing', 'bubble gum', 'Bubblegum'],
  ])('finds the drama for a %s query (%s → %s), showing its canonical title', async (_kind, query, title) => {
    await searchBox(popup).fill('');
    await searchBox(popup).pressSequentially(query);
    await options(popup).first().waitFor({ timeout: 5_000 });
    expect(await options(popup).first().locator('.bt-result-title').innerText()).toBe(title);
  });

  it('says when nothing is found', async () => {
    await searchBox(popup).fill('Moonlit Kimchi Detective');
    await popup.getByText('Nothing found for “Moonlit Kimchi Detective”.').waitFor({ timeout: 5_000 });
    expect(await options(popup).count()).toBe(0);
  });

  it('moves through results with the arrows, opens with Enter, clears and closes with Escape', async () => {
    await searchBox(popup).fill('');
    await searchBox(popup).pressSequentially('Park Shin-hye');
    await expect.poll(() => options(popup).count()).toBeGreaterThan(1);
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    const second = await options(popup).nth(1).getAttribute('id');
    expect(await searchBox(popup).getAttribute('aria-activedescendant')).toBe(second);
    const title = await options(popup).nth(1).locator('.bt-result-title').innerText();
    await popup.keyboard.press('Enter');
    await popup.locator('#bt-drama-title').waitFor();
    expect(await popup.locator('#bt-drama-title').innerText()).toBe(title);
    await popup.keyboard.press('Escape');
    expect(await searchBox(popup).inputValue()).toBe('');
    expect(await popup.locator('#bt-drama-title').count()).toBe(1); // the drama stays open
    await popup.keyboard.press('Escape');
    await popup.locator('#bt-drama-title').waitFor({ state: 'detached' });
  });

  it('opens a drama to its facts by episode, later episodes veiled until revealed', async () => {
    await searchBox(popup).fill('');
    await searchBox(popup).pressSequentially('Healer');
    await options(popup).first().click();
    await popup.locator('#bt-drama-title').waitFor();
    const episode14 = popup.getByRole('region', { name: 'Episode 14' });
    await episode14.waitFor();
    // Nothing of Healer has been watched in this profile yet: episode facts are veiled.
    expect(await episode14.innerText()).not.toContain('Cheongju');
    const dramaWide = popup.getByRole('region', { name: 'About the whole drama' });
    // A drama-wide fact that spoils nothing is shown; the bed-hug scene is a spoiler until the final episode.
    expect(await dramaWide.innerText()).toContain('no sign of tiredness');
    expect(await dramaWide.innerText()).not.toContain('icy cold');
    const veiled = await episode14.getByRole('button', { name: 'Reveal' }).count();
    expect(veiled).toBeGreaterThan(1);
    await episode14.locator('.bt-veiled', { hasText: 'episode 14' }).first().getByRole('button').click();
    expect(await episode14.getByRole('button', { name: 'Reveal' }).count()).toBe(veiled - 1);
    await popup.keyboard.press('Escape');
  });
});

describe('this tab', () => {
  it('says when the tab is not a supported streaming site', async () => {
    const popup = await openPopup();
    await popup.getByText('This tab is not a supported streaming site.').waitFor({ timeout: 10_000 });
    await popup.close();
  });

  it('corrects an unknown title to a catalog drama, which survives a reload until cleared', async () => {
    const { page, tabId } = await openStreamingTab(
      'https://www.netflix.com/watch/81159258',
      'netflix/watch-unknown.html',
    );
    const popup = await openPopup(tabId);
    await popup.getByText('“Moonlit Kimchi Detective” is not in the catalog.').waitFor({ timeout: 10_000 });

    await popup.getByRole('button', { name: 'Pick the drama' }).click();
    await popup.locator('#bt-correct-input').pressSequentially('Healer');
    await popup.locator('#bt-correct-results [role="option"]').first().waitFor();
    await popup.keyboard.press('Enter');
    await popup.getByText('Picked: Healer').waitFor();
    expect(await popup.locator('#bt-correct-episode').inputValue()).toBe('3'); // what the page says
    await popup.getByRole('button', { name: 'Remember for this series' }).click();
    await popup.locator('[data-status="recognised"]').waitFor({ timeout: 10_000 });
    expect(await popup.locator('.bt-now-title').innerText()).toContain('Healer');

    // The overlay on the page updates without a reload…
    await overlayToggle(page).waitFor({ timeout: 10_000 });
    expect(await overlayToggle(page).innerText()).toContain('Healer');
    expect(await overlayToggle(page).innerText()).toContain('Episode 3');
    // …and the correction survives one.
    await page.reload();
    await overlayToggle(page).waitFor({ timeout: 10_000 });
    expect(await overlayToggle(page).innerText()).toContain('Healer');

    await popup.reload();
    await popup.getByText('You picked this drama for this series.').waitFor({ timeout: 10_000 });
    await popup.getByRole('button', { name: 'Clear correction' }).click();
    await popup.getByText('“Moonlit Kimchi Detective” is not in the catalog.').waitFor({ timeout: 10_000 });
    await page.locator('[data-between-takes]').waitFor({ state: 'detached', timeout: 10_000 });
    await popup.close();
    await page.close();
  });

  it('says which readers found nothing on a page it cannot read, and copies details with nothing personal', async () => {
    const { page, tabId } = await openStreamingTab(
      'https://www.netflix.com/watch/80049015?trackId=14170286',
      'netflix/watch-site-changed.html',
    );
    await page.waitForLoadState('load');
    const popup = await openPopup(tabId);
    await popup
      .getByText('Netflix page not read: its player data and title bar are both missing', { exact: false })
      .waitFor({ timeout: 10_000 });
    // What reaches the clipboard (a headless popup page cannot be granted the clipboard itself).
    await popup.evaluate(() => {
      navigator.clipboard.writeText = async (text: string) => {
        (window as unknown as { copied: string }).copied = text;
      };
    });
    await popup.getByRole('button', { name: 'Copy details' }).click();
    await popup.getByRole('button', { name: 'Details copied' }).waitFor({ timeout: 5_000 });
    const copied = await popup.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(copied).toMatch(/^Between Takes \d+\.\d+\.\d+: Netflix page not read\n/);
    expect(copied).toContain('Page: https://www.netflix.com/watch/*?trackId=*');
    expect(copied).toContain('Reader player-data: nothing');
    expect(copied).toContain('Reader page: nothing');
    expect(copied).not.toMatch(/80049015|14170286/);
    await popup.close();
    await page.close();
  });

  it('switches the site off and on, and the open tab follows at once', async () => {
    const { page, tabId } = await openStreamingTab(
      'https://www.netflix.com/watch/80049015',
      'netflix/watch-healer-e14.html',
    );
    await overlayToggle(page).waitFor({ timeout: 10_000 });
    const popup = await openPopup(tabId);
    await popup.locator('[data-status="recognised"]').waitFor({ timeout: 10_000 });
    const title = await popup.locator('.bt-now-title').innerText();
    expect(title).toContain('Episode 14');
    // A compact card: the facts come on demand, as many as the title says.
    expect(await popup.locator('#bt-tab-facts .bt-fact').count()).toBe(0);
    await popup.getByRole('button', { name: 'Show facts' }).click();
    expect(await popup.locator('#bt-tab-facts .bt-fact').count()).toBe(Number(/(\d+) facts/.exec(title)?.[1]));

    const toggle = popup.getByRole('switch', { name: 'Between Takes on Netflix' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await page.locator('[data-between-takes]').waitFor({ state: 'detached', timeout: 1_000 });
    await popup.getByText('Between Takes is switched off on Netflix.').waitFor({ timeout: 5_000 });

    await toggle.check();
    await overlayToggle(page).waitFor({ timeout: 5_000 });
    await popup.locator('[data-status="recognised"]').waitFor({ timeout: 5_000 });
    await popup.close();
    await page.close();
  });

  it('works with the keyboard alone: from the search box, Tab and Enter open the tab’s facts and reach its switch', async () => {
    const { page, tabId } = await openStreamingTab(
      'https://www.netflix.com/watch/80049015',
      'netflix/watch-healer-e14.html',
    );
    await overlayToggle(page).waitFor({ timeout: 10_000 });
    const popup = await openPopup(tabId);
    await popup.locator('[data-status="recognised"]').waitFor({ timeout: 10_000 });
    const focused = () =>
      popup.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return el.getAttribute('role') === 'switch' ? 'switch' : el.id || el.innerText;
      });
    expect(await focused()).toBe('bt-search-input');
    await popup.keyboard.press('Tab');
    expect(await focused()).toBe('Show facts');
    await popup.keyboard.press('Enter');
    await popup.locator('#bt-tab-facts .bt-fact').first().waitFor();
    expect(await focused()).toBe('Hide facts'); // the same button, now folding them away
    await popup.keyboard.press('Tab');
    expect(await focused()).toBe('Wrong drama?');
    // Into the facts: the first veiled one's Reveal, which Enter presses.
    await popup.keyboard.press('Tab');
    expect(await focused()).toBe('Reveal');
    const veiled = await popup.locator('#bt-tab-facts .bt-veiled').count();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.locator('#bt-tab-facts .bt-veiled').count()).toBe(veiled - 1);
    // On through every fact and source link to the site's switch, the last stop.
    const stops: string[] = [];
    for (let i = 0; i < 40 && stops.at(-1) !== 'switch'; i++) {
      await popup.keyboard.press('Tab');
      stops.push(await focused());
    }
    expect(stops.at(-1)).toBe('switch');
    await popup.close();
    await page.close();
  });

  it('unveils the facts of the episodes watched (Healer 14 played above)', async () => {
    const popup = await openPopup();
    await searchBox(popup).pressSequentially('Healer');
    await popup.keyboard.press('Enter');
    await popup.getByText('You have watched up to episode 14: later episodes stay veiled.').waitFor({ timeout: 5_000 });
    expect(await popup.getByRole('region', { name: 'Episode 14' }).innerText()).toContain('Cheongju');
    expect(
      await popup.getByRole('region', { name: 'Episode 14' }).getByRole('button', { name: 'Reveal' }).count(),
    ).toBe(0);
    // The drama-wide spoiler waits for the final episode (20), not for episode 14.
    const dramaWide = popup.getByRole('region', { name: 'About the whole drama' });
    expect(await dramaWide.getByRole('button', { name: 'Reveal' }).count()).toBe(1);
    await popup.close();
  });
});
