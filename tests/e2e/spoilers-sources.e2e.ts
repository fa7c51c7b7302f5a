/**
 * The built extension in real Chromium on a Netflix watch URL: a spoiler about
 * the whole drama stays veiled until the viewer reaches the episode where it
 * stops being one (the final episode when its source names none), and every
 * fact links to its article, opened in a new tab.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { catalog } from '../helpers/catalog';
import { fixtureHtml } from '../helpers/fixtures';
import { overlayHost, overlayToggle as toggle } from '../helpers/overlay';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

// The Reply 1997 kiss-scene fact is about the whole drama and gives away plot.
const reply = catalog.dramas.find((d) => d.id === 'reply-1997')!;
const kiss = catalog.facts.find((f) => f.id === 'reply-1997-forgot-to-kick')!;

/**
 * Opens a Netflix watch page playing `episode` of Reply 1997: the Netflix
 * fixture (tests/fixtures/netflix/watch-healer-e14.html, the player's
 * data-uia title bar) with its series title and episode label swapped.
 */
async function watch(episode: number, videoId: number): Promise<Page> {
  const url = `https://www.netflix.com/watch/${videoId}`;
  const html = fixtureHtml('netflix/watch-healer-e14.html')
    .replace('<h4>Healer</h4>', `<h4>${reply.title}</h4>`)
    .replace('<span>E14</span><span>Episode 14</span>', `<span>E${episode}</span><span>Episode ${episode}</span>`);
  await browser.context.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  const page = await browser.context.newPage();
  await page.goto(url);
  await toggle(page).waitFor({ state: 'visible', timeout: 10_000 });
  expect(await toggle(page).innerText()).toContain(`Episode ${episode}`);
  await toggle(page).click();
  await overlayHost(page).locator('.bt-panel').waitFor({ state: 'visible' });
  return page;
}

describe('a spoiler about the whole drama', () => {
  it('is in the catalog as the test needs it', () => {
    expect(kiss).toMatchObject({ episode: null, spoiler: true });
    expect(kiss.spoilerFreeFrom).toBeUndefined();
    expect(reply.episodes).toBe(16);
  });

  it('is veiled at episode 1, with Reveal showing it', async () => {
    const page = await watch(1, 70001001);
    const panel = overlayHost(page).locator('.bt-panel');
    expect(await panel.innerText()).not.toContain(kiss.text);
    expect(await panel.innerText()).toContain('Spoiler: this is about a later part of the drama.');
    const veiled = overlayHost(page).locator('.bt-veiled');
    await veiled.first().getByRole('button', { name: 'Reveal' }).click();
    await overlayHost(page).getByText(kiss.text).waitFor({ state: 'visible' });
    await page.close();
  });

  it('is shown at the final episode', async () => {
    const page = await watch(reply.episodes, 70001016);
    const panel = overlayHost(page).locator('.bt-panel');
    expect(await panel.innerText()).toContain(kiss.text);
    expect(await overlayHost(page).locator('.bt-veiled').count()).toBe(0);
    await page.close();
  });
});

describe('a fact’s source', () => {
  it('names its publisher (and date, when the page gives one) and opens the article in a new tab', async () => {
    const source = catalog.sources.find((s) => s.id === kiss.sourceId)!;
    expect(source.url).toMatch(/^https:\/\//);
    // The article's address, answered locally (no network in the tests).
    await browser.context.route(source.url!, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: `<title>${source.title}</title>article` }),
    );
    const page = await watch(reply.episodes, 70001016);
    const link = overlayHost(page)
      .locator('.bt-fact', { hasText: kiss.text })
      .getByRole('link', {
        name: source.date ? new RegExp(`^Source: ${source.publisher} · `) : `Source: ${source.publisher}`,
      });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    const [article] = await Promise.all([browser.context.waitForEvent('page'), link.click()]);
    await article.waitForLoadState();
    expect(article.url()).toBe(new URL(source.url!).href);
    // No way back to the streaming page from the article.
    expect(await article.evaluate(() => window.opener)).toBeNull();
    await article.close();
    await page.close();
  });
});
