/**
 * WXT's fake browser has no i18n. Answer getMessage from the real English
 * catalog, substituting $1… as browsers do, so components render the text a
 * viewer with an English browser reads.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';

const messages: Record<string, { message: string }> = en;

fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const message = messages[key]?.message ?? '';
  return message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en';
