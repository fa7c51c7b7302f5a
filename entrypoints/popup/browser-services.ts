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
 *
 * Everything the popup shows first is asked for as soon as this module runs,
 * before the first render: the database, the search index and the tab's state
 * load in parallel while Preact draws the search box. The performance marks
 * (bt-…) are read by `npm run bench:search` for its breakdown.
 */
import { browser } from 'wxt/browser';
import type { IndexLoading, PopupServices } from '../../components/popup/popup-services';
import type { CatalogPack } from '../../utils/catalog/types';
import { packFactsOfDrama } from '../../utils/db/catalog-reader';
import { factsOfDrama } from '../../utils/db/reads';
import { bundledCatalogFile } from '../../utils/catalog/bundled-file';
import { openCatalogDb, type CatalogDb } from '../../utils/db/database';
import { readSearchIndex, searchIndexFrom, type StoredSearchIndex } from '../../utils/db/search-store';
import { withSources } from '../../utils/catalog/fact-source';
import { progressIn } from '../../utils/db/progress';
import { takeEarlyRead, type EarlyRead } from '../../utils/db/search-index-early-read';
import { sendToBackground } from '../../utils/messaging/to-background';
import { sendToTab } from '../../utils/messaging/to-tab';
import { SearchIndex } from '../../utils/search/search-index';
import { getSettings } from '../../utils/preferences/settings';
import { updateSettings } from '../../utils/preferences/settings-store';
import type { TabState } from '../../utils/messaging/tab-state';

/** The tab the popup is about, or undefined when there is none it can ask. */
async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  // Opened as a page of its own (not as the toolbar popup), the active tab is the popup itself.
  const own = await browser.tabs.getCurrent();
  return active?.id !== undefined && active.id !== own?.id ? active.id : undefined;
}

/** The bundled catalog, read only when IndexedDB is unavailable (a file of the package, bundled-file.ts). */
function bundledPack(): Promise<CatalogPack> {
  return bundledCatalogFile.load();
}

/**
 * The search index from the database: titles first, then people and the words
 * of facts. With no database (IndexedDB unavailable), the bundled catalog is
 * indexed here in memory.
 */
function loadIndex(
  early: EarlyRead | undefined,
  database: Promise<CatalogDb | null>,
  persistent: () => Promise<boolean>,
): IndexLoading {
  let memory: Promise<SearchIndex> | undefined;
  const inMemory = () => (memory ??= bundledPack().then((pack) => SearchIndex.build(pack.dramas, pack.facts)));
  const fromDatabase = () =>
    database.then((db) => {
      if (!db) return null;
      performance.mark('bt-db-open');
      return readSearchIndex(db);
    });
  // Started by popup.html's classic script before these modules loaded; else (or if it found nothing) read now.
  const earlyIndex = early && searchIndexFrom(early.head, early.facts);
  const stored: Promise<StoredSearchIndex | null> = earlyIndex
    ? earlyIndex.titles.then((titles) => (titles ? earlyIndex : fromDatabase()))
    : fromDatabase();
  let again: Promise<StoredSearchIndex | null> | undefined;
  // First run, before the background seeded the catalog (or an index of an older
  // format): ask it to, then read again. Without storage there is nothing to seed.
  const reseeded = () =>
    (again ??= (async () => {
      const db = await database;
      if (!db || !(await persistent())) return null;
      await sendToBackground('prepareCatalog', undefined);
      return readSearchIndex(db);
    })());
  const found = async (index: SearchIndex | null | undefined): Promise<SearchIndex> => {
    if (index) return index;
    if (await persistent()) throw new Error('no search index');
    return inMemory();
  };
  const titles = stored
    .then((s) => s?.titles ?? null)
    .then(async (index) => index ?? found(await (await reseeded())?.titles));
  const full = stored
    .then((s) => s?.full ?? null)
    .then(async (index) => index ?? found(await (await reseeded())?.full));
  void titles.then(
    () => performance.mark('bt-titles-ready'),
    () => {},
  );
  void full.then(
    () => performance.mark('bt-facts-ready'),
    () => {},
  );
  return { titles, full };
}

/** Services backed by the real browser; starts loading what the popup shows first. */
export function browserServices(): PopupServices {
  const early = takeEarlyRead();
  // The early read goes alone: on two busy cores, a second connection opened beside it, and
  // the tab and the background asked meanwhile, held up its first part by several milliseconds.
  const firstPartRead = early?.head.then(
    () => {},
    () => {},
  );
  // Null when IndexedDB cannot be opened here (private browsing, a broken profile).
  // (Started inside a promise: with no `indexedDB` at all, opening throws at once.)
  const db: Promise<CatalogDb | null> = Promise.resolve(firstPartRead)
    .then(() => openCatalogDb())
    .catch(() => null);
  const database = () => db;
  let persistent: Promise<boolean> | undefined;
  /** Whether both this page and the background reach IndexedDB. */
  const storagePersistent = () =>
    (persistent ??= (async () => {
      if (!(await database())) return false;
      const status = await sendToBackground('storageStatus', undefined).catch(() => null);
      return status?.persistent ?? true;
    })());
  const index = loadIndex(early, db, storagePersistent);
  const tab = Promise.resolve(firstPartRead).then(targetTabId);

  async function askTab(message: 'tabState' | 'refreshTab'): Promise<TabState | null> {
    const tabId = await tab;
    if (tabId === undefined) return null;
    try {
      // Nothing (undefined) when only the loader is there yet: it answers no question (entrypoints/watch-loader/).
      return (await sendToTab(message, undefined, tabId)) ?? null;
    } catch {
      // No content script there: not a supported site, or a browser page.
      return null;
    }
  }

  return {
    storagePersistent,
    loadIndex: () => index,
    async factsOfDrama(dramaId) {
      const open = await database();
      if (open && (await storagePersistent())) {
        const { facts, sources } = await factsOfDrama(open, dramaId);
        return withSources(facts, sources);
      }
      const pack = await bundledPack();
      return withSources(packFactsOfDrama(pack, dramaId), Object.fromEntries(pack.sources.map((s) => [s.id, s])));
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
    setCorrection: (correction) => sendToBackground('setCorrection', correction),
    clearCorrection: (site, seriesKey) => sendToBackground('clearCorrection', { site, seriesKey }),
  };
}
