/**
 * What a lookup reads, as one small interface with two implementations: the
 * IndexedDB database (the normal case) and the bundled pack held in memory (when
 * IndexedDB cannot be opened: Firefox private browsing, a corrupted profile, an
 * `open()` that errors). Both answer through the same lookup code in lookup.ts,
 * so matching and spoiler rules cannot drift apart. The in-memory reader has no
 * viewer data: no corrections, no own facts, nothing seen.
 */
import type { CatalogPack, Drama, Fact, SourceRef } from '../catalog/types';
import { dramaEpisodeKey } from '../catalog/episode-key';
import { indexByTitleKey } from '../catalog/match-title';
import type { Playing } from '../sites/types';
import { correctionFor } from './corrections';
import { dramasByTitleKey, factsForEpisode, ownFactsFor, sourcesById } from './reads';
import type { CatalogDb, Correction, OwnFact } from './database';

export interface CatalogReader {
  /** True when the viewer's data (corrections, own facts, seen, progress) can be read and saved. */
  readonly persistent: boolean;
  /** Dramas carrying a normalised title key. */
  dramasByTitleKey(key: string): Promise<Drama[]>;
  drama(id: string): Promise<Drama | undefined>;
  /** Every drama of the catalog. */
  allDramas(): Promise<Drama[]>;
  /** The catalog's facts about one episode (0 = the whole drama), in catalog order. */
  factsForEpisode(dramaId: string, episodeKey: number): Promise<Fact[]>;
  sourcesById(ids: Iterable<string>): Promise<Record<string, SourceRef>>;
  /** The viewer's correction for what a page plays, if any. */
  correctionFor(playing: Playing): Promise<Correction | undefined>;
  /** The viewer's own facts about one episode (0 = the whole drama), oldest first. */
  ownFactsFor(dramaId: string, episodeKey: number): Promise<OwnFact[]>;
  /** Facts already seen in the `seen` store's key for an episode. */
  seenFactIds(key: string): Promise<string[]>;
}

/** The reader over the IndexedDB catalog database. */
export function idbReader(db: CatalogDb): CatalogReader {
  return {
    persistent: true,
    dramasByTitleKey: (key) => dramasByTitleKey(db, key),
    drama: (id) => db.get('dramas', id),
    allDramas: () => db.getAll('dramas'),
    factsForEpisode: (dramaId, episodeKey) => factsForEpisode(db, dramaId, episodeKey),
    sourcesById: (ids) => sourcesById(db, ids),
    correctionFor: (playing) => correctionFor(db, playing),
    ownFactsFor: (dramaId, episodeKey) => ownFactsFor(db, dramaId, episodeKey),
    seenFactIds: async (key) => (await db.get('seen', key))?.factIds ?? [],
  };
}

/** A reader over a catalog pack in memory: the fallback when IndexedDB is unavailable. */
export function memoryReader(pack: CatalogPack): CatalogReader {
  const byKey = indexByTitleKey(pack.dramas);
  const dramas = new Map(pack.dramas.map((d) => [d.id, d]));
  const sources = new Map(pack.sources.map((s) => [s.id, s]));
  // The pack lists facts in catalog order; group them once by drama and episode.
  const facts = new Map<string, Fact[]>();
  for (const fact of pack.facts) {
    const key = dramaEpisodeKey(fact.dramaId, fact.episode);
    facts.set(key, [...(facts.get(key) ?? []), fact]);
  }
  return {
    persistent: false,
    dramasByTitleKey: async (key) => byKey(key),
    drama: async (id) => dramas.get(id),
    allDramas: async () => [...pack.dramas],
    factsForEpisode: async (dramaId, episodeKey) => [
      ...(facts.get(dramaEpisodeKey(dramaId, episodeKey === 0 ? null : episodeKey)) ?? []),
    ],
    async sourcesById(ids) {
      const out: Record<string, SourceRef> = {};
      for (const id of ids) {
        const source = sources.get(id);
        if (source) out[id] = source;
      }
      return out;
    },
    correctionFor: async () => undefined,
    ownFactsFor: async () => [],
    seenFactIds: async () => [],
  };
}

/** Every fact about a drama from a pack, drama-wide first, then by episode, in catalog order. */
export function packFactsOfDrama(pack: CatalogPack, dramaId: string): Fact[] {
  return pack.facts
    .map((fact, seq) => ({ fact, seq }))
    .filter(({ fact }) => fact.dramaId === dramaId)
    .sort((a, b) => (a.fact.episode ?? 0) - (b.fact.episode ?? 0) || a.seq - b.seq)
    .map(({ fact }) => fact);
}
