/**
 * What a remote shard puts in the catalog stores. A shard's sources are its
 * own: their ids are namespaced by the shard's drama (`<dramaId>/<sourceId>`,
 * a form no slug takes), so a shard can never change the source a bundled fact
 * or another shard's fact shows, two shards may cite one article under the same
 * id, and an extension update that adds a source never meets a shard's. The
 * shard is stored as served; the namespace is applied wherever it is laid over
 * the catalog (seed.ts, remote-packs.ts), so shards stored before keep to it too.
 */
import { titleKeysOf } from '../catalog/match-title';
import type { Drama, Fact, SourceRef } from '../catalog/types';
import type { RemoteShard } from './database';

/** A shard's source id as the catalog stores it. */
export function shardSourceId(dramaId: string, sourceId: string): string {
  return `${dramaId}/${sourceId}`;
}

/** Every source id a shard of `dramaId` can store: the key range of its namespace. */
export function shardSourceRange(dramaId: string): IDBKeyRange {
  return IDBKeyRange.bound(`${dramaId}/`, `${dramaId}/\uffff`);
}

/** The drama, facts and sources a shard lays over the catalog. */
export function shardRecords(shard: RemoteShard): { drama: Drama; facts: Fact[]; sources: SourceRef[] } {
  return {
    // Keys computed now, not when the shard was fetched: an update that changes how
    // titles are keyed (match-title.ts) keeps a stored shard's drama findable.
    drama: { ...shard.drama, titleKeys: titleKeysOf(shard.drama) },
    facts: shard.facts.map((fact) => ({ ...fact, sourceId: shardSourceId(shard.dramaId, fact.sourceId) })),
    sources: shard.sources.map((source) => ({ ...source, id: shardSourceId(shard.dramaId, source.id) })),
  };
}
