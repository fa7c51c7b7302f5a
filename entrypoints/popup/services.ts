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
import type { CatalogPack } from '../../utils/catalog/types';
import { packFactsOfDrama } from '../../utils/db/catalog-reader';
import { factsOfDrama, loadSearchIndex, openCatalogDb, type CatalogDb } from '../../utils/db/facts-store';
import { progressIn } from '../../utils/db/progress';
import { sendMessage } from '../../utils/messaging';
import { SearchIndex } from '../../utils/search/search-index';
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

/**
 * The bundled catalog, loaded only when IndexedDB is unavailable: a chunk of
 * its own, so the popup does not carry the catalog the rest of the time.
 */
async function bundledPack(): Promise<CatalogPack> {
  return (await import('../../utils/catalog/bundled')).bundledCatalog;
}

/** Services backed by the real browser. */
export function browserServices(): PopupServices {
  let db: Promise<CatalogDb | null> | undefined;
  // Null when IndexedDB cannot be opened here (private browsing, a broken profile).
  // (Started inside a promise: with no `indexedDB` at all, opening throws at once.)
  const database = () =>
    (db ??= Promise.resolve()
      .then(() => openCatalogDb())
      .catch(() => null));
  let persistent: Promise<boolean> | undefined;
  /** Whether both this page and the background reach IndexedDB. */
  const storagePersistent = () =>
    (persistent ??= (async () => {
      if (!(await database())) return false;
      const status = await sendMessage('storageStatus', undefined).catch(() => null);
      return status?.persistent ?? true;
    })());
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
    storagePersistent,
    async loadIndex(): Promise<SearchIndex> {
      const open = await database();
      const stored = open && (await loadSearchIndex(open));
      if (stored) return stored;
      if (open && (await storagePersistent())) {
        // First run, before the background seeded the catalog: ask it to, then read again.
        await sendMessage('prepareCatalog', undefined);
        const seeded = await loadSearchIndex(open);
        if (!seeded) throw new Error('no search index');
        return seeded;
      }
      // No IndexedDB: search the built-in catalog, indexed here in memory.
      const pack = await bundledPack();
      return SearchIndex.build(pack.dramas, pack.facts);
    },
    async factsOfDrama(dramaId) {
      const open = await database();
      return open && (await storagePersistent())
        ? factsOfDrama(open, dramaId)
        : packFactsOfDrama(await bundledPack(), dramaId);
    },
    progressIn: async (dramaId) => {
      const open = await database();
      return open ? progressIn(open, dramaId) : 0;
    },
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
