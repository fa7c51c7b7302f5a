import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogPack } from '../../utils/catalog/types';
import { DB_VERSION, openCatalogDb, type CatalogDb } from '../../utils/db/database';
import { dramaFactsRecord, factsOfEpisode } from '../../utils/db/reads';
import { catalogIsCurrent, ensureSeeded, seedCatalog } from '../../utils/db/seed';
import { decodeTitleIndex } from '../../utils/db/title-index';
import { lookupEpisode } from '../../entrypoints/background/lookup';
import type { Playing } from '../../utils/sites/types';
import { bundledOf, catalog } from '../helpers/catalog';

let dbs: CatalogDb[] = [];
let counter = 0;
async function freshDb(): Promise<CatalogDb> {
  const db = await openCatalogDb(`test-${++counter}`);
  dbs.push(db);
  return db;
}
afterEach(() => {
  for (const db of dbs) db.close();
  dbs = [];
});

/** Every catalog fact the database holds, counted over the dramas' records. */
async function storedFactCount(db: CatalogDb): Promise<number> {
  return (await db.getAll('dramaFacts')).reduce((n, record) => n + record.facts.length, 0);
}

const healer = (episode?: number): Playing => ({
  site: 'netflix',
  titles: ['Healer'],
  ...(episode === undefined ? {} : { episode }),
});

describe('seedCatalog', () => {
  it('writes the whole pack, one record per drama, and records its version', async () => {
    const db = await freshDb();
    expect(await seedCatalog(db, catalog)).toBe(true);
    expect(await db.count('dramas')).toBe(catalog.dramas.length);
    expect(await db.count('dramaFacts')).toBe(catalog.dramas.length);
    expect(await storedFactCount(db)).toBe(catalog.facts.length);
    expect(await db.count('sources')).toBe(catalog.sources.length);
    expect(await db.get('meta', 'catalogVersion')).toBe(catalog.version);
  });

  it('stores each drama’s facts drama-wide first, then by episode, in catalog order, with the sources they cite', async () => {
    const db = await freshDb();
    await seedCatalog(db, catalog);
    const record = (await db.get('dramaFacts', 'healer'))!;
    const healerFacts = catalog.facts.filter((f) => f.dramaId === 'healer');
    expect(record.drama).toEqual(catalog.dramas.find((d) => d.id === 'healer'));
    expect(record.facts).toEqual(
      [...healerFacts].sort(
        (a, b) => (a.episode ?? 0) - (b.episode ?? 0) || healerFacts.indexOf(a) - healerFacts.indexOf(b),
      ),
    );
    expect(record.sources.map((s) => s.id).sort()).toEqual([...new Set(healerFacts.map((f) => f.sourceId))].sort());
  });

  it('stores a title index naming every key of every drama, and a lookup needs nothing else to match', async () => {
    const db = await freshDb();
    await seedCatalog(db, catalog);
    const index = decodeTitleIndex((await db.get('meta', 'titleIndex')) as string);
    for (const drama of catalog.dramas) {
      expect(index.byId(drama.id)).toEqual({
        id: drama.id,
        season: drama.season,
        year: drama.year,
        episodes: drama.episodes,
      });
      for (const key of drama.titleKeys) expect(index.candidates(key).map((e) => e.id)).toContain(drama.id);
    }
    // With the dramas store emptied behind its back, the title index and the records still answer.
    await db.clear('dramas');
    expect((await lookupEpisode(db, healer(14)))?.drama.id).toBe('healer');
  });

  it('checks at start with one read-only look, and reads the pack only when the stored catalog is not its version', async () => {
    const db = await freshDb();
    const bundled = bundledOf(catalog);
    expect(await ensureSeeded(db, bundled.version, bundled.load)).toBe(true);
    expect(bundled.loads).toBe(1);
    expect(await ensureSeeded(db, bundled.version, bundled.load)).toBe(false);
    expect(await catalogIsCurrent(db, bundled.version)).toBe(true);
    expect(bundled.loads).toBe(1);
    expect(await catalogIsCurrent(db, 'another')).toBe(false);
  });

  it('does nothing when that version is already stored', async () => {
    const db = await freshDb();
    await seedCatalog(db, catalog);
    expect(await seedCatalog(db, catalog)).toBe(false);
  });

  it('replaces the catalog on an update, dropping facts the new pack no longer has', async () => {
    const db = await freshDb();
    await seedCatalog(db, catalog);
    const update: CatalogPack = { ...catalog, version: 'next', facts: catalog.facts.slice(1) };
    expect(await seedCatalog(db, update)).toBe(true);
    const first = catalog.facts[0]!;
    expect((await db.get('dramaFacts', first.dramaId))!.facts.map((f) => f.id)).not.toContain(first.id);
    expect(await storedFactCount(db)).toBe(catalog.facts.length - 1);
    expect(await db.get('meta', 'catalogVersion')).toBe('next');
  });

  it('never touches the viewer’s own stores', async () => {
    const db = await freshDb();
    await seedCatalog(db, catalog);
    const now = Date.now();
    await db.put('corrections', {
      key: 'netflix|healer',
      site: 'netflix',
      seriesKey: 'healer',
      dramaId: 'healer',
      episode: null,
      updatedAt: now,
    });
    await db.put('ownFacts', {
      ...catalog.facts[0]!,
      id: 'mine-1',
      episodeKey: 14,
      seq: 0,
      createdAt: now,
      updatedAt: now,
    });
    await db.put('seen', { key: 'healer#14', factIds: ['x'], updatedAt: now });
    await db.put('progress', { dramaId: 'healer', episode: 14, updatedAt: now });
    await seedCatalog(db, { ...catalog, version: 'next', facts: [] });
    expect(await db.count('progress')).toBe(1);
    expect(await db.count('corrections')).toBe(1);
    expect(await db.count('ownFacts')).toBe(1);
    expect(await db.count('seen')).toBe(1);
  });

  it('keeps the previous catalog whole when a seed fails part-way', async () => {
    const db = await freshDb();
    await seedCatalog(db, catalog);
    // A drama without an id cannot be stored: the transaction must roll back.
    const broken = {
      ...catalog,
      version: 'broken',
      dramas: [...catalog.dramas, { title: 'No id' }],
    } as unknown as CatalogPack;
    await expect(seedCatalog(db, broken)).rejects.toThrow();
    expect(await db.get('meta', 'catalogVersion')).toBe(catalog.version);
    expect(await db.count('dramas')).toBe(catalog.dramas.length);
    expect(await storedFactCount(db)).toBe(catalog.facts.length);
  });
});

describe('lookups', () => {
  it('finds the facts of one episode, in catalog order, and the drama-wide facts', async () => {
    const db = await freshDb();
    await seedCatalog(db, catalog);
    const expected = catalog.facts.filter((f) => f.dramaId === 'healer' && f.episode === 14);
    const record = (await dramaFactsRecord(db, 'healer'))!;
    expect(factsOfEpisode(record, 14)).toEqual(expected);
    expect(factsOfEpisode(record, 0)).toEqual(
      catalog.facts.filter((f) => f.dramaId === 'healer' && f.episode === null),
    );
  });

  it('answers a page that plays a catalog episode with that episode and the drama-wide facts', async () => {
    const db = await freshDb();
    await seedCatalog(db, catalog);
    const view = await lookupEpisode(db, healer(14));
    expect(view?.drama.title).toBe('Healer');
    expect(view?.episode).toBe(14);
    expect(view?.episodeFacts.length).toBeGreaterThan(0);
    expect(view?.episodeFacts.every((f) => f.episode === 14)).toBe(true);
    expect(view?.dramaFacts.every((f) => f.episode === null)).toBe(true);
    expect(view?.episodeFacts[0]?.source?.title).toBe('Behind the scenes of teary kiss in “Healer”');
    expect(view?.episodeFacts[0]?.source?.url).toMatch(/^https:\/\//);
  });

  it('never answers with a fact about a later episode', async () => {
    const db = await freshDb();
    await seedCatalog(db, catalog);
    for (let episode = 1; episode <= 20; episode++) {
      const view = await lookupEpisode(db, healer(episode));
      for (const fact of [...view!.episodeFacts, ...view!.dramaFacts]) {
        expect(fact.episode === null || fact.episode <= episode).toBe(true);
      }
    }
    expect((await lookupEpisode(db, healer(13)))!.episodeFacts).toEqual([]);
  });

  it('gives only drama-wide facts when the page names no episode', async () => {
    const db = await freshDb();
    await seedCatalog(db, catalog);
    const view = await lookupEpisode(db, healer());
    expect(view?.episode).toBeNull();
    expect(view?.episodeFacts).toEqual([]);
    expect(view?.dramaFacts.length).toBeGreaterThan(0);
  });

  it('treats an episode past the drama’s last (a page saying "Episode 21" of 20) as unknown', async () => {
    const db = await freshDb();
    await seedCatalog(db, catalog);
    const view = await lookupEpisode(db, healer(21));
    expect(view?.drama.episodes).toBe(20);
    expect(view?.episode).toBeNull();
    expect(view).toEqual(await lookupEpisode(db, healer()));
    expect((await lookupEpisode(db, healer(20)))?.episode).toBe(20);
  });

  it('tries the page’s titles in order and answers null for a show it cannot place', async () => {
    const db = await freshDb();
    await seedCatalog(db, catalog);
    const view = await lookupEpisode(db, { site: 'viki', titles: ['Rakuten Viki', 'heirs'], episode: 3 });
    expect(view?.drama.id).toBe('heirs');
    expect(await lookupEpisode(db, { site: 'netflix', titles: ['Moonlit Kimchi Detective'], episode: 3 })).toBeNull();
  });
});

describe('upgrades', () => {
  it('waits for an older connection to be released, then completes the upgrade', async () => {
    const name = `test-upgrade-${++counter}`;
    // An older version of the extension still has version 1 open.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        // Version 1 as it shipped.
        const db = request.result;
        db.createObjectStore('meta');
        db.createObjectStore('dramas', { keyPath: 'id' }).createIndex('byTitleKey', 'titleKeys', { multiEntry: true });
        db.createObjectStore('facts', { keyPath: 'id' }).createIndex('byDramaEpisode', ['dramaId', 'episodeKey']);
        db.createObjectStore('sources', { keyPath: 'id' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    let blocked = false;
    let opened = false;
    const upgrading = openCatalogDb(name, { onBlocked: () => (blocked = true) }).then((db) => {
      opened = true;
      return db;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(blocked).toBe(true);
    expect(opened).toBe(false);
    old.close();
    const db = await upgrading;
    dbs.push(db);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('ownFacts');
  });

  it('releases its own connection when a newer version asks, and says so', async () => {
    const name = `test-upgrade-${++counter}`;
    let released = false;
    await openCatalogDb(name, { onClosedForUpgrade: () => (released = true) });
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 99);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(newer.version).toBe(99);
    expect(released).toBe(true);
    newer.close();
  });
});
