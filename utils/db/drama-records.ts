/**
 * The catalog's records as lookups read them (database.ts, `dramaFacts`): one
 * per drama, built by the seed, a remote update and the in-memory fallback alike.
 */
import type { Drama, Fact, SourceRef } from '../catalog/types';
import type { DramaFactsRecord } from './database';

/**
 * One record per drama: its facts drama-wide first, then by episode, each in
 * the order `facts` lists them, with the sources they cite (looked up in
 * `sources`; a fact citing none it holds keeps its id, shown without a source).
 */
export function dramaFactsRecords(
  dramas: Iterable<Drama>,
  facts: Iterable<Fact>,
  sources: ReadonlyMap<string, SourceRef>,
): DramaFactsRecord[] {
  const byDrama = new Map<string, Fact[]>();
  for (const fact of facts) {
    const list = byDrama.get(fact.dramaId);
    if (list) list.push(fact);
    else byDrama.set(fact.dramaId, [fact]);
  }
  return [...dramas].map((drama) => {
    const own = inRecordOrder(byDrama.get(drama.id) ?? []);
    const cited = new Map<string, SourceRef>();
    for (const fact of own) {
      const source = sources.get(fact.sourceId);
      if (source) cited.set(source.id, source);
    }
    return { dramaId: drama.id, drama, facts: own, sources: [...cited.values()] };
  });
}

/** Facts in a record's order: drama-wide first, then by episode, each in the order given (the sort is stable). */
export function inRecordOrder(facts: Fact[]): Fact[] {
  return [...facts].sort((a, b) => (a.episode ?? 0) - (b.episode ?? 0));
}
