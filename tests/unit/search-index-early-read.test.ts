import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { DB_NAME, DB_VERSION, openCatalogDb } from '../../utils/db/database';
import { readSearchIndex, searchIndexFrom } from '../../utils/db/search-store';
import { seedCatalog } from '../../utils/db/seed';
import {
  EARLY_READ_KEY,
  publishEarlyRead,
  startEarlyRead,
  takeEarlyRead,
} from '../../utils/db/search-index-early-read';
import { SEARCH_INDEX_FORMAT, SearchIndex } from '../../utils/search/search-index';
import { catalog } from '../helpers/catalog';

describe('the popup’s early read of the search index', () => {
  it('reads both parts of a seeded index, which give the same answers as the index itself', async () => {
    const factory = new IDBFactory();
    globalThis.indexedDB = factory;
    const db = await openCatalogDb();
    await seedCatalog(db, catalog);
    const early = startEarlyRead(factory);
    const stored = searchIndexFrom(early.head, early.facts);
    const built = SearchIndex.build(catalog.dramas, catalog.facts);
    expect((await stored.titles)?.hasFacts).toBe(false);
    for (const query of ['Healer', 'Cheongju', 'Ji Chang-wook']) {
      expect((await stored.full)?.search(query)).toEqual(built.search(query));
    }
    db.close();
  });

  it('takes the second part only when the page is idle, so a query typed meanwhile is answered first', async () => {
    const factory = new IDBFactory();
    globalThis.indexedDB = factory;
    const db = await openCatalogDb();
    await seedCatalog(db, catalog);
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void, options?: { timeout?: number }) => {
      expect(options?.timeout).toBeGreaterThan(0); // it comes even on a page that never idles
      idle.push(run);
      return idle.length;
    });
    try {
      const early = startEarlyRead(factory);
      let facts: unknown = 'not yet';
      void early.facts.then((part) => (facts = part));
      expect(await early.head).toMatchObject({ format: SEARCH_INDEX_FORMAT });
      await vi.waitFor(() => expect(idle).toHaveLength(1));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(facts).toBe('not yet');
      idle[0]!();
      await vi.waitFor(() => expect(facts).toMatchObject({ format: SEARCH_INDEX_FORMAT }));
    } finally {
      vi.unstubAllGlobals();
      db.close();
    }
  });

  it.each([
    ['the early read', (factory: IDBFactory) => startEarlyRead(factory)],
    ['readSearchIndex', async () => ({ facts: readSearchIndex(await openCatalogDb()).full })],
  ])('%s asks for the second part only once the first has come', async (_, read) => {
    const factory = new IDBFactory();
    globalThis.indexedDB = factory;
    const db = await openCatalogDb();
    await seedCatalog(db, catalog);
    db.close();
    const asked = new Map<unknown, IDBRequest>();
    const headDoneWhenFactsAsked: boolean[] = [];
    const get = IDBObjectStore.prototype.get;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, key) {
      if (key === 'searchFacts') headDoneWhenFactsAsked.push(asked.get('searchIndex')?.readyState === 'done');
      const request = get.call(this, key);
      asked.set(key, request);
      return request;
    });
    try {
      await (
        await read(factory)
      ).facts;
      expect(headDoneWhenFactsAsked).toEqual([true]);
    } finally {
      spy.mockRestore();
    }
  });

  it('neither creates a missing database nor leaves one that openCatalogDb cannot upgrade', async () => {
    const factory = new IDBFactory();
    globalThis.indexedDB = factory;
    const early = startEarlyRead(factory);
    expect(await early.head).toBeUndefined();
    expect(await early.facts).toBeUndefined();
    expect(await factory.databases()).toEqual([]);
    // The real open afterwards creates every store.
    const db = await openCatalogDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('meta');
    expect(await seedCatalog(db, catalog)).toBe(true);
    db.close();
  });

  it('leaves an older database to openCatalogDb’s upgrade', async () => {
    const factory = new IDBFactory();
    const old = await new Promise<IDBDatabase>((resolve) => {
      const open = factory.open(DB_NAME, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('meta');
      open.onsuccess = () => resolve(open.result);
    });
    old.close();
    const early = startEarlyRead(factory);
    expect(await early.head).toBeUndefined();
    expect(await factory.databases()).toEqual([{ name: DB_NAME, version: 1 }]);
  });

  it('is taken once by the popup', () => {
    publishEarlyRead();
    expect(EARLY_READ_KEY in globalThis).toBe(true);
    expect(takeEarlyRead()).toBeDefined();
    expect(takeEarlyRead()).toBeUndefined();
  });
});
