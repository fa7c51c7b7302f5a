/**
 * Seeds the bundled pack into the database in one transaction whenever its
 * version differs from the one stored, which covers install, every update, and
 * a seed interrupted by the browser stopping the worker (the transaction is
 * then rolled back and done again).
 */
import { unwrap } from 'idb';
import type { CatalogPack } from '../catalog/types';
import { SEARCH_INDEX_FORMAT, SearchIndex } from '../search/search-index';
import { abortQuietly, toStoredFact, type CatalogDb } from './database';
import { shardRecords } from './shard-records';

/**
 * Replaces the catalog stores with `pack` in one transaction, lays the remote
 * shards over it (a remote drama replaces the bundled record and facts of the
 * same id; its sources keep to their own namespace, shard-records.ts), and
 * stores the popup's search index over the result — unless that version is
 * already stored with a search index of the current format. Returns whether it
 * wrote anything.
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
    const laid = shards.map(shardRecords);
    for (const shard of laid) {
      dramas.put(shard.drama);
      shard.facts.forEach((fact, seq) => facts.put(toStoredFact(fact, seq)));
      for (const source of shard.sources) sources.put(source);
    }
    // Built synchronously between requests, the transaction stays active meanwhile.
    const searchIndex = SearchIndex.build(
      [...pack.dramas.filter((d) => !remote.has(d.id)), ...laid.map((s) => s.drama)],
      [...pack.facts.filter((f) => !remote.has(f.dramaId)), ...laid.flatMap((s) => s.facts)],
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
