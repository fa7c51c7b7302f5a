/**
 * The catalog database: IndexedDB in the extension's own origin, opened only by
 * the background (content scripts ask it through messages). The bundled pack is
 * seeded in one transaction whenever its version differs from the one stored,
 * which covers install, every update, and a seed interrupted by the browser
 * stopping the worker (the transaction is then rolled back and done again).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CatalogPack, Drama, Fact, SourceRef } from '../catalog/types';

export const DB_NAME = 'between-takes';
/** Bump with a new `if (oldVersion < N)` step in upgrade(); never edit old steps. */
export const DB_VERSION = 1;

/**
 * A fact as stored: `episodeKey` is 0 for drama-wide facts so it can be indexed,
 * and `seq` keeps the catalog's order (the index would otherwise sort by id).
 */
export interface StoredFact extends Fact {
  episodeKey: number;
  seq: number;
}

export interface BetweenTakesDB extends DBSchema {
  meta: { key: string; value: string };
  dramas: { key: string; value: Drama; indexes: { byTitleKey: string } };
  facts: { key: string; value: StoredFact; indexes: { byDramaEpisode: [string, number] } };
  sources: { key: string; value: SourceRef };
}

export type CatalogDb = IDBPDatabase<BetweenTakesDB>;

/** Opens (creating or upgrading) the database. */
export function openCatalogDb(name = DB_NAME): Promise<CatalogDb> {
  return openDB<BetweenTakesDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('meta');
        const dramas = db.createObjectStore('dramas', { keyPath: 'id' });
        dramas.createIndex('byTitleKey', 'titleKeys', { multiEntry: true });
        const facts = db.createObjectStore('facts', { keyPath: 'id' });
        facts.createIndex('byDramaEpisode', ['dramaId', 'episodeKey']);
        db.createObjectStore('sources', { keyPath: 'id' });
      }
    },
    blocking() {
      // A newer version of the extension wants to upgrade: let it.
    },
  });
}

/** The catalog version currently stored, if any. */
export async function storedCatalogVersion(db: CatalogDb): Promise<string | undefined> {
  return db.get('meta', 'catalogVersion');
}

/**
 * Replaces the catalog stores with `pack` in one transaction, unless that
 * version is already stored. Returns whether it wrote anything.
 */
export async function seedCatalog(db: CatalogDb, pack: CatalogPack): Promise<boolean> {
  const tx = db.transaction(['meta', 'dramas', 'facts', 'sources'], 'readwrite');
  const meta = tx.objectStore('meta');
  if ((await meta.get('catalogVersion')) === pack.version) {
    await tx.done;
    return false;
  }
  const dramas = tx.objectStore('dramas');
  const facts = tx.objectStore('facts');
  const sources = tx.objectStore('sources');
  // Requests are queued without awaiting each one; tx.done rejects if any fails.
  const writes: Promise<unknown>[] = [];
  try {
    writes.push(dramas.clear(), facts.clear(), sources.clear());
    for (const drama of pack.dramas) writes.push(dramas.put(drama));
    pack.facts.forEach((fact, seq) => writes.push(facts.put({ ...fact, episodeKey: fact.episode ?? 0, seq })));
    for (const source of pack.sources) writes.push(sources.put(source));
    writes.push(meta.put(pack.version, 'catalogVersion'));
    await Promise.all([...writes, tx.done]);
  } catch (err) {
    // A request that throws (a record IndexedDB cannot store) does not abort the
    // transaction by itself; without this the clear() calls would commit.
    abortQuietly(tx);
    await Promise.allSettled([...writes, tx.done]);
    throw err;
  }
  return true;
}

function abortQuietly(tx: { abort(): void }) {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
}

/** Dramas carrying a normalised title key (see match-title.ts). */
export async function dramasByTitleKey(db: CatalogDb, key: string): Promise<Drama[]> {
  return db.getAllFromIndex('dramas', 'byTitleKey', key);
}

function withoutStorageFields({ episodeKey: _episodeKey, seq: _seq, ...fact }: StoredFact): Fact {
  return fact;
}

/** The facts about one episode of a drama, in catalog order. */
export async function factsForEpisode(db: CatalogDb, dramaId: string, episode: number): Promise<Fact[]> {
  const stored = await db.getAllFromIndex('facts', 'byDramaEpisode', [dramaId, episode]);
  return stored.sort((a, b) => a.seq - b.seq).map(withoutStorageFields);
}

/** The facts about a drama as a whole (no episode). */
export async function dramaWideFacts(db: CatalogDb, dramaId: string): Promise<Fact[]> {
  return factsForEpisode(db, dramaId, 0);
}

export async function sourcesById(db: CatalogDb, ids: Iterable<string>): Promise<Record<string, SourceRef>> {
  const out: Record<string, SourceRef> = {};
  for (const id of new Set(ids)) {
    const source = await db.get('sources', id);
    if (source) out[id] = source;
  }
  return out;
}
