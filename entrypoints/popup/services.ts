/**
 * The popup's link to the rest of the extension. It reads the catalog and the
 * search index straight from IndexedDB (the popup runs in the extension's
 * origin and shares the data-access module with the background), asks the
 * current tab's content script what it shows, and leaves every write of the
 * viewer's data to the background.
 *
 * Which tab is "this tab": the active tab of the popup's window, or, when the
 * page is opened as `popup.html?tab=<id>`, that tab. The parameter exists so
 * the end-to-end tests, which open the popup in a tab of its own, can point it
 * at the streaming tab under test; a viewer never sees it.
 */
import { browser } from 'wxt/browser';
import type { PopupServices } from '../../components/popup/services';
import { factsOfDrama, loadSearchIndex, openCatalogDb, type CatalogDb } from '../../utils/db/facts-store';
import { progressIn } from '../../utils/db/progress';
import { sendMessage } from '../../utils/messaging';
import type { SearchIndex } from '../../utils/search/search-index';
import { getSettings } from '../../utils/settings';
import { updateSettings } from '../../utils/settings-store';
import type { TabState } from '../../utils/tab-state';

/** The tab the popup is about, or undefined when there is none it can ask. */
async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  // Opened as a page of its own (not as the toolbar popup), the active tab is the popup itself.
  const own = await browser.tabs.getCurrent();
  return active?.id !== undefined && active.id !== own?.id ? active.id : undefined;
}

/** Services backed by the real browser. */
export function browserServices(): PopupServices {
  let db: Promise<CatalogDb> | undefined;
  const database = () => (db ??= openCatalogDb());
  const tab = targetTabId();

  async function askTab(message: 'tabState' | 'refreshTab'): Promise<TabState | null> {
    const tabId = await tab;
    if (tabId === undefined) return null;
    try {
      return await sendMessage(message, undefined, tabId);
    } catch {
      // No content script there: not a supported site, or a browser page.
      return null;
    }
  }

  return {
    async loadIndex(): Promise<SearchIndex> {
      const stored = await loadSearchIndex(await database());
      if (stored) return stored;
      // First run, before the background seeded the catalog: ask it to, then read again.
      await sendMessage('prepareCatalog', undefined);
      const seeded = await loadSearchIndex(await database());
      if (!seeded) throw new Error('no search index');
      return seeded;
    },
    factsOfDrama: async (dramaId) => factsOfDrama(await database(), dramaId),
    progressIn: async (dramaId) => progressIn(await database(), dramaId),
    tabState: () => askTab('tabState'),
    refreshTab: () => askTab('refreshTab'),
    async setSiteOn(site, on) {
      const settings = await getSettings();
      // Switching a site on also switches Between Takes on: the viewer wants it here.
      await updateSettings({ ...(on ? { enabled: true } : {}), sites: { ...settings.sites, [site]: on } });
    },
    setCorrection: (correction) => sendMessage('setCorrection', correction),
    clearCorrection: (site, seriesKey) => sendMessage('clearCorrection', { site, seriesKey }),
  };
}
