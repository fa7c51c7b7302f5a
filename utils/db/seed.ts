/**
 * Seeds the bundled pack into the database in one transaction whenever its
 * version differs from the one stored, which covers install, every update, and
 * a seed interrupted by the browser stopping the worker (the transaction is
 * then rolled back and done again).
 */
import { unwrap } from 'idb';
import type { CatalogPack } from '../catalog/types';
import { SEARCH_INDEX_FORMAT, SearchIndex } from '../search/search-index';
import { abortQuietly, type CatalogDb } from './database';
import { dramaFactsRecords } from './drama-records';
import { shardRecords } from './shard-records';
import { decodeTitleIndex, encodeTitleIndex, forgetTitleIndex, rememberTitleIndex } from './title-index';

/** Whether the stored catalog is `version` with a search index of the current format: one read-only look. */
export async function catalogIsCurrent(db: CatalogDb, version: string): Promise<boolean> {
  const tx = db.transaction('meta');
  const [stored, indexFormat, titles] = await Promise.all([
    tx.store.get('catalogVersion'),
    tx.store.get('searchIndexFormat'),
    tx.store.get('titleIndex'),
  ]);
  const current = stored === version && indexFormat === String(SEARCH_INDEX_FORMAT) && typeof titles === 'string';
  // The background asks this first at every start: keep the title index it read for the lookups.
  if (current) rememberTitleIndex(db, decodeTitleIndex(titles));
  return current;
}

/**
 * Seeds the pack `load()` gives when the stored catalog is not `version`: at a
 * background start with the catalog current, the pack is never read.
 */
export async function ensureSeeded(db: CatalogDb, version: string, load: () => Promise<CatalogPack>) {
  if (await catalogIsCurrent(db, version)) return false;
  return seedCatalog(db, await load());
}

/**
 * Replaces the catalog stores with `pack` in one transaction, lays the remote
 * shards over it (a remote drama replaces the bundled record and facts of the
 * same id; its sources keep to their own namespace, shard-records.ts), and
 * stores the title index and the popup's search index over the result —
 * unless that version is already stored with a search index of the current
 * format. Returns whether it wrote anything.
 */
export async function seedCatalog(db: CatalogDb, pack: CatalogPack): Promise<boolean> {
  const tx = db.transaction(['meta', 'dramas', 'dramaFacts', 'sources', 'remoteShards'], 'readwrite');
  const meta = tx.objectStore('meta');
  const [version, indexFormat, titles] = await Promise.all([
    meta.get('catalogVersion'),
    meta.get('searchIndexFormat'),
    meta.get('titleIndex'),
  ]);
  if (version === pack.version && indexFormat === String(SEARCH_INDEX_FORMAT) && typeof titles === 'string') {
    await tx.done;
    return false;
  }
  // Native requests, not idb's promise per request: thousands of promises cost more
  // than the writes. A failed request aborts the transaction, and tx.done rejects.
  const dramas = unwrap(tx.objectStore('dramas'));
  const records = unwrap(tx.objectStore('dramaFacts'));
  const sources = unwrap(tx.objectStore('sources'));
  try {
    const shards = await tx.objectStore('remoteShards').getAll();
    const remote = new Set(shards.map((s) => s.dramaId));
    dramas.clear();
    records.clear();
    sources.clear();
    const laid = shards.map(shardRecords);
    const catalogDramas = [...pack.dramas.filter((d) => !remote.has(d.id)), ...laid.map((s) => s.drama)];
    const catalogFacts = [...pack.facts.filter((f) => !remote.has(f.dramaId)), ...laid.flatMap((s) => s.facts)];
    const catalogSources = [...pack.sources, ...laid.flatMap((s) => s.sources)];
    const byId = new Map(catalogSources.map((s) => [s.id, s]));
    for (const drama of catalogDramas) dramas.put(drama);
    for (const record of dramaFactsRecords(catalogDramas, catalogFacts, byId)) records.put(record);
    for (const source of catalogSources) sources.put(source);
    // Built synchronously between requests, the transaction stays active meanwhile.
    const searchIndex = SearchIndex.build(catalogDramas, catalogFacts);
    const rawMeta = unwrap(meta);
    rawMeta.put(encodeTitleIndex(catalogDramas), 'titleIndex');
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
  } finally {
    forgetTitleIndex(db);
  }
  return true;
}
