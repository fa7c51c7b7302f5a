/** What the catalog database answers: dramas by title key, facts by episode, sources, the viewer's own facts. */
import type { Drama, Fact, SourceRef } from '../catalog/types';
import type { CatalogDb, OwnFact, StoredFact } from './database';

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

export async function sourcesById(db: CatalogDb, ids: Iterable<string>): Promise<Record<string, SourceRef>> {
  const out: Record<string, SourceRef> = {};
  for (const id of new Set(ids)) {
    const source = await db.get('sources', id);
    if (source) out[id] = source;
  }
  return out;
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
