/**
 * The browsers the journeys run in. E2E_BROWSERS (comma-separated: chromium, firefox)
 * narrows them for a local run; `npm test` runs both.
 */
import { launchChromiumDriver } from './chromium';
import { launchFirefoxDriver } from './firefox';
import type { BrowserName, JourneyBrowser } from './types';

export type { BrowserName, JourneyBrowser, JourneyPage } from './types';

const LAUNCHERS: Record<BrowserName, () => Promise<JourneyBrowser>> = {
  Chromium: launchChromiumDriver,
  Firefox: launchFirefoxDriver,
};

export function journeyBrowsers(): BrowserName[] {
  const wanted = process.env['E2E_BROWSERS']
    ?.toLowerCase()
    .split(',')
    .map((name) => name.trim());
  return (Object.keys(LAUNCHERS) as BrowserName[]).filter((name) => !wanted || wanted.includes(name.toLowerCase()));
}

export const launchDriver = (name: BrowserName): Promise<JourneyBrowser> => LAUNCHERS[name]();
