/** Locators for the overlay in the end-to-end tests (Playwright pierces its open shadow root). */
import type { Locator, Page } from 'playwright-core';

/** The overlay's shadow host, as the page holds it. */
export const overlayHost = (page: Page): Locator => page.locator('[data-between-takes]');

/** The overlay's main button: "Between Takes · <drama> · Episode N · K facts". */
export const overlayToggle = (page: Page): Locator => overlayHost(page).locator('.bt-toggle');

/** Clicks every "Reveal" (spoiler-safe mode veils facts about moments still to come). */
export async function revealAll(page: Page): Promise<void> {
  const reveal = overlayHost(page).getByRole('button', { name: 'Reveal' });
  while ((await reveal.count()) > 0) await reveal.first().click();
}
