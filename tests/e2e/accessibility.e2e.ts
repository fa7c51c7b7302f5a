/**
 * Accessibility measured with axe-core (@axe-core/playwright) in real Chromium: the
 * overlay's shadow root over a watch page (its list open), the toolbar popup (search
 * results, and This tab about a watch page) and the options page. WCAG 2.1 A and AA
 * rules; no violations.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openFixture, type ExtensionBrowser } from '../../scripts/lib/browser';
import { overlayToggle } from '../helpers/overlay';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

/** The violations axe finds in `page` (within `include`, when given), as "rule: target" lines. */
async function violations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} — ${v.help}`));
}

async function extensionPage(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

describe('axe-core finds no violation', () => {
  it('in the overlay, its list open, over a watch page', async () => {
    const page = await openFixture(
      browser.context,
      'https://www.netflix.com/watch/80049015',
      'netflix/watch-healer-e14.html',
    );
    await overlayToggle(page).click({ timeout: 10_000 });
    await page.locator('[data-between-takes] .bt-panel').waitFor();
    expect(await violations(page, '[data-between-takes]')).toEqual([]);
    await page.close();
  });

  it('in the toolbar popup, with search results', async () => {
    const popup = await extensionPage('popup.html');
    await popup.waitForFunction(() => document.documentElement.dataset['interactive'] === 'true');
    await popup.locator('#bt-search-input').pressSequentially('Healer');
    await popup.locator('#bt-search-results [role="option"]').first().waitFor();
    expect(await violations(popup)).toEqual([]);
    await popup.close();
  });

  it('in the options page', async () => {
    const options = await extensionPage('options.html');
    await options.getByRole('checkbox', { name: 'Netflix' }).waitFor();
    expect(await violations(options)).toEqual([]);
    await options.close();
  });
});
