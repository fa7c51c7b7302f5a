/**
 * The catalog database: IndexedDB in the extension's own origin, opened only by
 * the background (content scripts ask it through messages). The bundled pack is
 * seeded in one transaction whenever its version differs from the one stored,
 * which covers install, every update, and a seed interrupted by the browser
 * stopping the worker (the transaction is then rolled back and done again).
 */
import { openDB, unwrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { CatalogPack, Drama, Fact, SourceRef } from '../catalog/types';
import {
  SEARCH_INDEX_FORMAT,
  SearchIndex,
  type PeopleAndFactsSnapshot,
  type SearchIndexSnapshot,
} from '../search/search-index';

import { DB_NAME, DB_VERSION } from './db-identity';

export { DB_NAME, DB_VERSION };

/**
 * A fact as stored: `episodeKey` is 0 for drama-wide facts so it can be indexed,
 * and `seq` keeps the catalog's order (the index would otherwise sort by id).
 */
export interface StoredFact extends Fact {
  episodeKey: number;
  seq: number;
}

/**
 * A viewer's manual correction: "on this site, this series is that drama". Kept
 * until the viewer clears it; catalog updates and imports never touch it.
 */
export interface Correction {
  /** `${site}|${seriesKey}`. */
  key: string;
  site: string;
  /** What identifies the series on that site (its normalised title or URL id). */
  seriesKey: string;
  dramaId: string;
  /** The episode the viewer picked, when the page gives none or a wrong one. */
  episode: number | null;
  updatedAt: number;
}

/** A fact the viewer wrote. Same shape as a catalog fact; never touched by catalog updates. */
export interface OwnFact extends StoredFact {
  createdAt: number;
  updatedAt: number;
}

/**
 * A drama fetched from a remote pack (version 3). Kept apart from the catalog
 * stores so a reseed of the bundled pack can lay it over the bundled catalog
 * again: remote data survives extension updates.
 */
export interface RemoteShard {
  dramaId: string;
  /** sha256 (hex) of the shard file as served: an unchanged hash is not fetched again. */
  sha256: string;
  /** The manifest URL it came from. */
  manifestUrl: string;
  drama: Drama;
  facts: Fact[];
  sources: SourceRef[];
  fetchedAt: number;
}

/** Which facts of one episode the viewer has already seen pop up or dismissed. */
export interface SeenState {
  /** dramaEpisodeKey(dramaId, episode) (utils/catalog/episode-key.ts). */
  key: string;
  factIds: string[];
  updatedAt: number;
}

/** How far the viewer has got in a drama: the highest episode seen playing. */
export interface Progress {
  dramaId: string;
  episode: number;
  updatedAt: number;
}

export interface BetweenTakesDB extends DBSchema {
  // 'catalogVersion', 'remoteVersion' and 'searchIndexFormat' → string; the popup's search index, built at
  // seed time: 'searchIndex' → titles and people, 'searchFacts' → the words of facts (read after).
  meta: { key: string; value: string | SearchIndexSnapshot | PeopleAndFactsSnapshot };
  // The catalog: replaced whole by seedCatalog on install and update.
  dramas: { key: string; value: Drama; indexes: { byTitleKey: string } };
  facts: { key: string; value: StoredFact; indexes: { byDramaEpisode: [string, number] } };
  sources: { key: string; value: SourceRef };
  // The viewer's own data (version 2): catalog updates and imports never clear these.
  corrections: { key: string; value: Correction };
  ownFacts: { key: string; value: OwnFact; indexes: { byDramaEpisode: [string, number] } };
  seen: { key: string; value: SeenState };
  progress: { key: string; value: Progress };
  // Remote packs (version 3): each fetched drama, laid over the bundled catalog on every seed.
  remoteShards: { key: string; value: RemoteShard };
}

export type CatalogDb = IDBPDatabase<BetweenTakesDB>;

export interface OpenOptions {
  /**
   * Called after this connection closed itself because a newer version of the
   * extension needs to upgrade the database: the caller drops it and reopens.
   */
  onClosedForUpgrade?: () => void;
  /** Called while an older connection (an extension page still open) holds up our upgrade. */
  onBlocked?: () => void;
}

/**
 * Opens (creating or upgrading) the database. An upgrade held up by an older
 * open connection waits and completes as soon as that connection is released;
 * this connection in turn releases itself when a newer version asks.
 */
export function openCatalogDb(name = DB_NAME, options: OpenOptions = {}): Promise<CatalogDb> {
  const db: Promise<CatalogDb> = openDB<BetweenTakesDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('meta');
        const dramas = db.createObjectStore('dramas', { keyPath: 'id' });
        dramas.createIndex('byTitleKey', 'titleKeys', { multiEntry: true });
        const facts = db.createObjectStore('facts', { keyPath: 'id' });
        facts.createIndex('byDramaEpisode', ['dramaId', 'episodeKey']);
        db.createObjectStore('sources', { keyPath: 'id' });
      }
      if (oldVersion < 2) {
        db.createObjectStore('corrections', { keyPath: 'key' });
        const ownFacts = db.createObjectStore('ownFacts', { keyPath: 'id' });
        ownFacts.createIndex('byDramaEpisode', ['dramaId', 'episodeKey']);
        db.createObjectStore('seen', { keyPath: 'key' });
        db.createObjectStore('progress', { keyPath: 'dramaId' });
      }
      if (oldVersion < 3) {
        db.createObjectStore('remoteShards', { keyPath: 'dramaId' });
      }
    },
    blocked() {
      options.onBlocked?.();
    },
    blocking() {
      // A newer version of the extension wants to upgrade: step aside.
      void db.then((open) => {
        open.close();
        options.onClosedForUpgrade?.();
      });
    },
  });
  return db;
}

/** The catalog version currently stored, if any. */
export async function storedCatalogVersion(db: CatalogDb): Promise<string | undefined> {
  const version = await db.get('meta', 'catalogVersion');
  return typeof version === 'string' ? version : undefined;
}

/** Whether a stored part of the search index has the current format (older ones are rebuilt at the next seed). */
function isCurrentFormat<T extends SearchIndexSnapshot | PeopleAndFactsSnapshot>(value: unknown): value is T {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === SEARCH_INDEX_FORMAT;
}

/**
 * Replaces the catalog stores with `pack` in one transaction, lays the remote
 * shards over it (a remote drama replaces the bundled record and facts of the
 * same id), and stores the popup's search index over the result — unless that
 * version is already stored with a search index of the current format. Returns
 * whether it wrote anything.
 */
export async function seedCatalog(db: CatalogDb, pack: CatalogPack): Promise<boolean> {
  const tx = db.transaction(['meta', 'dramas', 'facts', 'sources', 'remoteShards'], 'readwrite');
  const meta = tx.objectStore('meta');
  const [version, indexFormat] = await Promise.all([meta.get('catalogVersion'), meta.get('searchIndexFormat')]);
  if (version === pack.version && indexFormat === String(SEARCH_INDEX_FORMAT)) {
    await tx.done;
    return false;
  }
  // Native requests, not idb's promise per request: 100,000 promises cost more
  // than the writes. A failed request aborts the transaction, and tx.done rejects.
  const dramas = unwrap(tx.objectStore('dramas'));
  const facts = unwrap(tx.objectStore('facts'));
  const sources = unwrap(tx.objectStore('sources'));
  try {
    const shards = await tx.objectStore('remoteShards').getAll();
    const remote = new Set(shards.map((s) => s.dramaId));
    dramas.clear();
    facts.clear();
    sources.clear();
    for (const drama of pack.dramas) if (!remote.has(drama.id)) dramas.put(drama);
    pack.facts.forEach((fact, seq) => {
      if (!remote.has(fact.dramaId)) facts.put(toStoredFact(fact, seq));
    });
    for (const source of pack.sources) sources.put(source);
    for (const shard of shards) {
      dramas.put(shard.drama);
      shard.facts.forEach((fact, seq) => facts.put(toStoredFact(fact, seq)));
      for (const source of shard.sources) sources.put(source);
    }
    // Built synchronously between requests, the transaction stays active meanwhile.
    const searchIndex = SearchIndex.build(
      [...pack.dramas.filter((d) => !remote.has(d.id)), ...shards.map((s) => s.drama)],
      [...pack.facts.filter((f) => !remote.has(f.dramaId)), ...shards.flatMap((s) => s.facts)],
    );
    const rawMeta = unwrap(meta);
    rawMeta.put(searchIndex.toSnapshot(), 'searchIndex');
    rawMeta.put(searchIndex.factsSnapshot(), 'searchFacts');
    rawMeta.put(String(SEARCH_INDEX_FORMAT), 'searchIndexFormat');
    rawMeta.put(pack.version, 'catalogVersion');
    await tx.done;
  } catch (err) {
    // A request that throws (a record IndexedDB cannot store) does not abort the
    // transaction by itself; without this the clear() calls would commit.
    abortQuietly(tx);
    await tx.done.catch(() => undefined);
    throw err;
  }
  return true;
}

/** A catalog fact as stored: indexed episode (0 = whole drama) and its order within the pack. */
export function toStoredFact(fact: Fact, seq: number): StoredFact {
  return { ...fact, episodeKey: fact.episode ?? 0, seq };
}

/** Aborts a transaction that may already have finished. */
export function abortQuietly(tx: { abort(): void }) {
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

/** The search index stored at seed time, in the order the popup can use it. */
export interface StoredSearchIndex {
  /** Titles, aliases and people (no words of facts yet); null when there is no index of the current format. */
  titles: Promise<SearchIndex | null>;
  /** The same index with the words of facts; null as above. */
  full: Promise<SearchIndex | null>;
}

/**
 * Starts reading the search index stored at seed time. Both parts are asked for
 * in one read transaction, so they belong to the same seed even if the
 * background reseeds meanwhile; the titles part is answered first.
 */
export function readSearchIndex(db: CatalogDb): StoredSearchIndex {
  const store = db.transaction('meta').store;
  return searchIndexFrom(store.get('searchIndex'), store.get('searchFacts'));
}

/** The search index from its two stored parts as they are read (by readSearchIndex or the popup's early read). */
export function searchIndexFrom(head: Promise<unknown>, facts: Promise<unknown>): StoredSearchIndex {
  const titles = head.then((snapshot) =>
    isCurrentFormat<SearchIndexSnapshot>(snapshot) ? SearchIndex.fromSnapshot(snapshot) : null,
  );
  const full = Promise.all([titles, facts]).then(([index, part]) =>
    index && isCurrentFormat<PeopleAndFactsSnapshot>(part) ? index.withFacts(part) : null,
  );
  return { titles, full };
}

/** The whole search index stored at seed time, or null when there is none of the current format yet. */
export function loadSearchIndex(db: CatalogDb): Promise<SearchIndex | null> {
  return readSearchIndex(db).full;
}

/**
 * The viewer's facts about one episode (0 = the whole drama), oldest first.
 * Here rather than in own-facts.ts, whose writes check drafts with zod: the
 * popup reads own facts and should not load a validator it never uses.
 */
export async function ownFactsFor(db: CatalogDb, dramaId: string, episodeKey: number): Promise<OwnFact[]> {
  const facts = await db.getAllFromIndex('ownFacts', 'byDramaEpisode', [dramaId, episodeKey]);
  return facts.sort((a, b) => a.createdAt - b.createdAt);
}

/** Every fact about a drama, drama-wide facts first, then by episode, in catalog order. */
export async function factsOfDrama(db: CatalogDb, dramaId: string): Promise<Fact[]> {
  const range = IDBKeyRange.bound([dramaId, 0], [dramaId, Number.MAX_SAFE_INTEGER]);
  const stored = await db.getAllFromIndex('facts', 'byDramaEpisode', range);
  return stored.sort((a, b) => a.episodeKey - b.episodeKey || a.seq - b.seq).map(withoutStorageFields);
}
