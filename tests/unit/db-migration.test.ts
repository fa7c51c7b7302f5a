import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { checkPackText } from '../../utils/catalog/pack';
import { DB_VERSION, openCatalogDb, toStoredFact } from '../../utils/db/database';
import { seedCatalog } from '../../utils/db/seed';
import { lookupEpisode } from '../../entrypoints/background/lookup';
import { addOwnFact } from '../../utils/db/own-facts';
import { catalog } from '../helpers/catalog';

/** Opens `name` at `version` with raw IndexedDB, running `upgrade` as that version of the extension did. */
function openRaw(name: string, version: number, upgrade: (db: IDBDatabase, oldVersion: number) => void) {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Version 1's upgrade step, copied as it shipped: the catalog stores only. */
function upgradeV1(db: IDBDatabase, oldVersion: number) {
  if (oldVersion < 1) {
    db.createObjectStore('meta');
    const dramas = db.createObjectStore('dramas', { keyPath: 'id' });
    dramas.createIndex('byTitleKey', 'titleKeys', { multiEntry: true });
    const facts = db.createObjectStore('facts', { keyPath: 'id' });
    facts.createIndex('byDramaEpisode', ['dramaId', 'episodeKey']);
    db.createObjectStore('sources', { keyPath: 'id' });
  }
}

/** Version 3's steps, copied as they shipped: version 2 plus the remote shards. */
function upgradeV3(db: IDBDatabase, oldVersion: number) {
  upgradeV2(db, oldVersion);
  if (oldVersion < 3) db.createObjectStore('remoteShards', { keyPath: 'dramaId' });
}

/** Version 2's steps, copied as they shipped: version 1 plus the viewer's stores. */
function upgradeV2(db: IDBDatabase, oldVersion: number) {
  upgradeV1(db, oldVersion);
  if (oldVersion < 2) {
    db.createObjectStore('corrections', { keyPath: 'key' });
    const ownFacts = db.createObjectStore('ownFacts', { keyPath: 'id' });
    ownFacts.createIndex('byDramaEpisode', ['dramaId', 'episodeKey']);
    db.createObjectStore('seen', { keyPath: 'key' });
    db.createObjectStore('progress', { keyPath: 'dramaId' });
  }
}

function put(db: IDBDatabase, store: string, value: unknown, key?: IDBValidKey) {
  return new Promise<void>((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    tx.objectStore(store).put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

describe('database migrations', () => {
  it('opens a version 1 database with its catalog kept and the viewer’s and remote stores usable', async () => {
    const raw = await openRaw('migrate-v1', 1, upgradeV1);
    await put(raw, 'meta', catalog.version, 'catalogVersion');
    for (const drama of catalog.dramas) await put(raw, 'dramas', drama);
    for (const [seq, fact] of catalog.facts.entries()) await put(raw, 'facts', toStoredFact(fact, seq));
    for (const source of catalog.sources) await put(raw, 'sources', source);
    raw.close();

    const db = await openCatalogDb('migrate-v1');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(
      expect.arrayContaining(['ownFacts', 'corrections', 'seen', 'progress', 'remoteShards']),
    );
    // Same catalog version, but version 1 had no search index: the seed builds it, and the catalog stays whole.
    expect(await seedCatalog(db, catalog)).toBe(true);
    expect((await db.getAll('dramaFacts')).flatMap((r) => r.facts)).toHaveLength(catalog.facts.length);
    expect(await seedCatalog(db, catalog)).toBe(false);
    const fact = await addOwnFact(db, { dramaId: 'healer', episode: 14, text: 'Written after the upgrade.' });
    const view = await lookupEpisode(db, { site: 'netflix', titles: ['Healer'], episode: 14 });
    expect(view!.episodeFacts.map((f) => f.id)).toContain(fact.id);
    expect(view!.episodeFacts.map((f) => f.id)).toContain('healer-ep14-kiss-filmed-cheongju');
    db.close();
  });

  it('opens a version 2 database and keeps the viewer’s own facts, corrections, seen-state and progress', async () => {
    const raw = await openRaw('migrate-v2', 2, upgradeV2);
    await put(raw, 'meta', catalog.version, 'catalogVersion');
    for (const drama of catalog.dramas) await put(raw, 'dramas', drama);
    const own = {
      ...toStoredFact({ ...catalog.facts[0]!, id: 'own-kept', text: 'My fact from version 2.', sourceId: 'own' }, 0),
      dramaId: 'healer',
      episode: 14,
      episodeKey: 14,
      createdAt: 5,
      updatedAt: 5,
    };
    await put(raw, 'ownFacts', own);
    await put(raw, 'corrections', {
      key: 'netflix|x',
      site: 'netflix',
      seriesKey: 'x',
      dramaId: 'healer',
      episode: null,
      updatedAt: 1,
    });
    await put(raw, 'seen', { key: 'healer#14', factIds: ['a'], updatedAt: 1 });
    await put(raw, 'progress', { dramaId: 'healer', episode: 14, updatedAt: 1 });
    raw.close();

    const db = await openCatalogDb('migrate-v2');
    await seedCatalog(db, { ...catalog, version: 'after-update' });
    expect(await db.get('ownFacts', 'own-kept')).toEqual(own);
    expect(await db.count('corrections')).toBe(1);
    expect(await db.count('seen')).toBe(1);
    expect(await db.count('progress')).toBe(1);
    expect(await db.count('remoteShards')).toBe(0);
    const view = await lookupEpisode(db, { site: 'netflix', titles: ['Healer'], episode: 14 });
    expect(view!.episodeFacts.find((f) => f.own)?.text).toBe('My fact from version 2.');
    db.close();
  });
});

describe('version 4: one record per drama', () => {
  it('drops the store of one record per fact, keeps every store of the viewer’s, and reseeds the same catalog version', async () => {
    const raw = await openRaw('migrate-v3', 3, upgradeV3);
    await put(raw, 'meta', catalog.version, 'catalogVersion');
    await put(raw, 'meta', '3', 'searchIndexFormat');
    for (const drama of catalog.dramas) await put(raw, 'dramas', drama);
    for (const [seq, fact] of catalog.facts.entries()) await put(raw, 'facts', toStoredFact(fact, seq));
    for (const source of catalog.sources) await put(raw, 'sources', source);
    const own = {
      ...toStoredFact({ ...catalog.facts[0]!, id: 'own-v3', text: 'Mine, from version 3.', sourceId: 'own' }, 0),
      dramaId: 'healer',
      episode: 14,
      episodeKey: 14,
      createdAt: 7,
      updatedAt: 7,
    };
    await put(raw, 'ownFacts', own);
    await put(raw, 'seen', { key: 'healer#14', factIds: ['healer-ep14-kiss-filmed-cheongju'], updatedAt: 1 });
    await put(raw, 'progress', { dramaId: 'healer', episode: 14, updatedAt: 1 });
    raw.close();

    const db = await openCatalogDb('migrate-v3');
    expect([...db.objectStoreNames]).not.toContain('facts');
    expect([...db.objectStoreNames]).toContain('dramaFacts');
    // The stored version was forgotten with the old store: the same pack seeds again.
    expect(await db.get('meta', 'catalogVersion')).toBeUndefined();
    expect(await seedCatalog(db, catalog)).toBe(true);
    expect(await db.get('ownFacts', 'own-v3')).toEqual(own);
    expect(await db.count('progress')).toBe(1);
    const view = await lookupEpisode(db, { site: 'netflix', titles: ['Healer'], episode: 14 });
    expect(view!.episodeFacts.map((f) => f.id)).toEqual(
      expect.arrayContaining(['healer-ep14-kiss-filmed-cheongju', 'own-v3']),
    );
    expect(view!.seenFactIds).toEqual(['healer-ep14-kiss-filmed-cheongju']);
    db.close();
  });
});

describe('the pack format', () => {
  it('is the format the build compiles: the bundled catalog is a valid pack', () => {
    const checked = checkPackText(JSON.stringify(catalog));
    expect(checked.ok).toBe(true);
  });
});
