/**
 * A fact with the part of its source a viewer sees: publisher and date, linked
 * to the article. Shared by the background's lookup and the popup, which reads
 * facts itself; kept free of anything heavy so the popup stays small.
 */
import type { Fact, SourceRef } from './types';

/** Where a fact comes from, as the overlay and the popup show it. */
export type FactSource = Pick<SourceRef, 'title' | 'publisher' | 'url' | 'date'>;

/** A catalog fact with its source (absent for the viewer's own facts and a source the catalog lacks). */
export interface SourcedFact extends Fact {
  source?: FactSource;
}

/** The part of a source the UI shows. */
function factSource(source: SourceRef | undefined): FactSource | undefined {
  if (!source) return undefined;
  const { title, publisher, url, date } = source;
  return {
    title,
    ...(publisher === undefined ? {} : { publisher }),
    ...(url === undefined ? {} : { url }),
    ...(date === undefined ? {} : { date }),
  };
}

/** Facts joined with their sources. */
export function withSources(facts: readonly Fact[], sources: Readonly<Record<string, SourceRef>>): SourcedFact[] {
  return facts.map((fact) => {
    const source = factSource(sources[fact.sourceId]);
    return source ? { ...fact, source } : { ...fact };
  });
}
