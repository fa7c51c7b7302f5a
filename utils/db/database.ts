/**
 * The catalog database: IndexedDB in the extension's own origin, opened by the
 * background and the extension's pages (content scripts ask through messages).
 * Its schema, its records and opening it live here; seeding is seed.ts, reads
 * are reads.ts, the stored search index is search-store.ts, the title index
 * title-index.ts.
 *
 * Shaped for the one question asked on every page: an episode lookup is one
 * get of one drama's record (`dramaFacts`: the drama, all its facts in order,
 * the sources they cite), after matching the page's title against a small
 * title index the background loads once. Seeding writes one record per drama,
 * a few thousand records for a hundred thousand facts.
 */
import { openDB, unwrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { Drama, Fact, SourceRef } from '../catalog/types';
import type { PeopleAndFactsSnapshot, SearchIndexSnapshot } from '../search/search-index';
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
  /**
   * The fact's source when it is not "own" (a fact imported from a pack that
   * names one): kept with the fact, since the catalog's `sources` store is
   * replaced at every seed, so that an export carries it again.
   */
  source?: SourceRef;
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

/**
 * One drama of the catalog as a lookup reads it (version 4): the drama, every
 * catalog fact about it (drama-wide first, then by episode, each in catalog
 * order), and the sources those facts cite. The background filters what an
 * episode may show before anything leaves it: a later episode's facts never
 * reach a page.
 */
export interface DramaFactsRecord {
  dramaId: string;
  drama: Drama;
  facts: Fact[];
  sources: SourceRef[];
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
  // 'catalogVersion', 'remoteVersion', 'searchIndexFormat' and 'titleIndex' (title-index.ts) → string; the
  // popup's search index, built at seed time: 'searchIndex' → titles and people, 'searchFacts' → the words of
  // facts (read after).
  meta: { key: string; value: string | SearchIndexSnapshot | PeopleAndFactsSnapshot };
  // The catalog: replaced whole by seedCatalog on install and update. `dramaFacts` (version 4) is
  // what lookups read; `dramas` and `sources` answer the options page, own facts and remote packs.
  dramas: { key: string; value: Drama; indexes: { byTitleKey: string } };
  dramaFacts: { key: string; value: DramaFactsRecord };
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
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        db.createObjectStore('meta');
        const dramas = db.createObjectStore('dramas', { keyPath: 'id' });
        dramas.createIndex('byTitleKey', 'titleKeys', { multiEntry: true });
        // Version 1's fact per record, gone in version 4 (raw: the schema no longer names it).
        const facts = unwrap(db).createObjectStore('facts', { keyPath: 'id' });
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
      if (oldVersion < 4) {
        // One record per drama instead of one per fact (and an index over them): the catalog is
        // the bundled pack plus the stored remote shards, so it is rebuilt at the next seed,
        // which forgetting the stored version forces. The viewer's stores are not touched.
        if (db.objectStoreNames.contains('facts' as never)) unwrap(db).deleteObjectStore('facts');
        db.createObjectStore('dramaFacts', { keyPath: 'dramaId' });
        if (oldVersion >= 1) void transaction.objectStore('meta').delete('catalogVersion');
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

/** A fact with its indexed episode (0 = whole drama) and its order: how own facts are stored. */
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
