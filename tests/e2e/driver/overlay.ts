/**
 * The overlay as a journey reads it, in either browser: the page's own script can
 * reach the overlay's shadow root, so these run in the page.
 */
import type { JourneyPage } from './types';

/** Waits for the overlay's main button and returns its text ("Between Takes · Healer · Episode 14 · 8 facts"). */
export async function overlayBar(page: JourneyPage, contains = '', timeoutMs = 10_000): Promise<string> {
  await page.waitFor(
    (text) => {
      const bar = document.querySelector('[data-between-takes]')?.shadowRoot?.querySelector<HTMLElement>('.bt-toggle');
      return bar && bar.getBoundingClientRect().width > 0 && (bar.textContent ?? '').includes(text);
    },
    contains,
    timeoutMs,
  );
  return page.evaluate(
    () =>
      document.querySelector('[data-between-takes]')!.shadowRoot!.querySelector<HTMLElement>('.bt-toggle')!.innerText,
    null,
  );
}

/** Opens the fact list, presses every Reveal when asked, and returns the list's text. */
export async function openFacts(page: JourneyPage, options: { reveal: boolean }): Promise<string> {
  await page.click('[data-between-takes] >>> .bt-toggle');
  await page.waitFor(
    () => document.querySelector('[data-between-takes]')?.shadowRoot?.querySelector('.bt-panel'),
    null,
  );
  if (options.reveal) {
    // Preact renders a click's change on its next tick: click every Reveal shown, then wait.
    await page.evaluate(() => {
      const root = document.querySelector('[data-between-takes]')!.shadowRoot!;
      for (const button of root.querySelectorAll('button')) if (button.textContent?.trim() === 'Reveal') button.click();
    }, null);
    await page.waitFor(
      () =>
        ![...document.querySelector('[data-between-takes]')!.shadowRoot!.querySelectorAll('button')].some(
          (button) => button.textContent?.trim() === 'Reveal',
        ),
      null,
    );
  }
  return page.evaluate(
    () =>
      document.querySelector('[data-between-takes]')!.shadowRoot!.querySelector<HTMLElement>('.bt-panel')!.innerText,
    null,
  );
}

/** Waits until the page has no overlay (switched off, nothing recognised). */
export async function overlayGone(page: JourneyPage, timeoutMs: number): Promise<void> {
  await page.waitFor(() => !document.querySelector('[data-between-takes]'), null, timeoutMs);
}
