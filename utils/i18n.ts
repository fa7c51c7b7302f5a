/**
 * Every piece of UI text goes through the browser's i18n (public/_locales), so
 * the extension speaks the browser's language: English and Korean today.
 */
import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

/** A message name that exists in the English catalog, checked at compile time. */
export type MessageKey = keyof typeof en;

/** The message in the browser's language; `$1`… are replaced by `substitutions`. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  // An empty answer means a missing message: show its name rather than nothing.
  return text || key;
}

/** A number as the browser's language writes it: 10,000 in English. */
export function formatNumber(n: number): string {
  return n.toLocaleString(browser.i18n.getUILanguage());
}
