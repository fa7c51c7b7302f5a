/** What the catalog database answers: a drama's record and its facts by episode, the viewer's own facts. */
import type { Fact, SourceRef } from '../catalog/types';
import type { CatalogDb, DramaFactsRecord, OwnFact } from './database';

/** One drama's record (the drama, its facts in order, their sources): one get. */
export function dramaFactsRecord(db: CatalogDb, dramaId: string): Promise<DramaFactsRecord | undefined> {
  return db.get('dramaFacts', dramaId);
}

/** The facts of a record about one episode (0 = the whole drama), in catalog order. */
export function factsOfEpisode(record: Pick<DramaFactsRecord, 'facts'>, episodeKey: number): Fact[] {
  return record.facts.filter((fact) => (fact.episode ?? 0) === episodeKey);
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

/** Every fact about a drama with the sources they cite, drama-wide facts first, then by episode, in catalog order. */
export async function factsOfDrama(
  db: CatalogDb,
  dramaId: string,
): Promise<{ facts: Fact[]; sources: Record<string, SourceRef> }> {
  const record = await dramaFactsRecord(db, dramaId);
  return {
    facts: record?.facts ?? [],
    sources: Object.fromEntries((record?.sources ?? []).map((s) => [s.id, s])),
  };
}
