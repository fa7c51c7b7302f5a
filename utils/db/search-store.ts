/**
 * The popup's search index as the database stores it: two parts written at seed
 * time (seed.ts), read in one transaction so they always belong to the same seed.
 */
import {
  SEARCH_INDEX_FORMAT,
  SearchIndex,
  type PeopleAndFactsSnapshot,
  type SearchIndexSnapshot,
} from '../search/search-index';
import type { CatalogDb } from './database';

/** Whether a stored part of the search index has the current format (older ones are rebuilt at the next seed). */
function isCurrentFormat<T extends SearchIndexSnapshot | PeopleAndFactsSnapshot>(value: unknown): value is T {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === SEARCH_INDEX_FORMAT;
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
 * background reseeds meanwhile; the titles part first, the second once it has come.
 */
export function readSearchIndex(db: CatalogDb): StoredSearchIndex {
  const store = db.transaction('meta').store;
  const head = store.get('searchIndex');
  // The second part only once the first has come, in the same transaction (search-index-early-read.ts says why).
  return searchIndexFrom(
    head,
    head.then(() => store.get('searchFacts')),
  );
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
