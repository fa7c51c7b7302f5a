/**
 * `npm run demo`: loads the built extension into Chromium, opens a real Netflix
 * watch URL answered with the bundled demo page (no network), and shows the
 * overlay recognising Healer episode 14. With no display it prints what was
 * recognised and saves a screenshot; with one, it leaves the window open.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, ROOT } from './lib/browser';

const DEMO_URL = 'https://www.netflix.com/watch/80049015';
const SCREENSHOT = join(ROOT, 'artifacts', 'demo.png');
const headed = !!process.env['DISPLAY'] && process.env['CI'] !== 'true';

// Dark, as most viewers keep their system while watching at night.
const browser = await launchWithExtension({ headed, colorScheme: 'dark' });
try {
  const demoPage = readFileSync(join(ROOT, 'demo', 'netflix-watch.html'));
  await browser.context.route(DEMO_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: demoPage }),
  );
  const page = await browser.context.newPage();
  await page.goto(DEMO_URL);
  const overlay = page.locator('[data-between-takes]');
  const toggle = overlay.locator('.bt-toggle');
  await toggle.waitFor({ state: 'visible', timeout: 15_000 });
  await toggle.click();
  await overlay.locator('.bt-panel').waitFor({ state: 'visible' });
  // Spoiler-safe mode veils what happens later in the episode; the demo reveals one to show both.
  const reveal = overlay.getByRole('button', { name: 'Reveal' });
  const veiled = await reveal.count();
  if (veiled > 0) await reveal.first().click();

  const bar = (await toggle.innerText()).replace(/\s*\n\s*/g, ' · ');
  const facts = await overlay.locator('.bt-fact-text').allInnerTexts();
  console.log(`\nBetween Takes on ${DEMO_URL}`);
  console.log(`  recognised: ${bar}`);
  for (const fact of facts) console.log(`  • ${fact}`);
  if (veiled > 0) console.log(`  (${veiled} facts about later moments were veiled; the demo revealed one)`);

  mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  console.log(`\nScreenshot: ${SCREENSHOT}`);

  if (headed) {
    console.log('The browser stays open; close its window to finish.');
    await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
  }
} finally {
  await browser.close().catch(() => undefined);
}
