/**
 * What a lookup reads, as one small interface with two implementations: the
 * IndexedDB database (the normal case) and the bundled pack held in memory (when
 * IndexedDB cannot be opened: Firefox private browsing, a corrupted profile, an
 * `open()` that errors). Both answer through the same lookup code in lookup.ts,
 * so matching and spoiler rules cannot drift apart. The in-memory reader has no
 * viewer data: no corrections, no own facts, nothing seen.
 */
import type { CatalogPack, Drama, Fact } from '../catalog/types';
import { dramaEpisodeKey } from '../catalog/episode-key';
import type { Playing } from '../sites/types';
import { correctionKey, seriesKeyOf } from './corrections';
import { ownFactsFor } from './reads';
import { dramaFactsRecords, inRecordOrder } from './drama-records';
import { titleIndexFor, titleIndexOf, type TitleIndex } from './title-index';
import type { CatalogDb, Correction, DramaFactsRecord, OwnFact } from './database';

/** What one lookup asks for, read together. */
export interface LookupRequest {
  /** The viewer's correction for what this page plays. */
  correctionFor?: Playing;
  /** A drama's record, the facts seen in one of its episodes (null: the whole drama), and, when asked, the viewer's facts there. */
  drama?: { id: string; episode: number | null; ownFacts: boolean };
}

/** What one lookup read. */
export interface LookupRead {
  correction?: Correction;
  record?: DramaFactsRecord;
  /** The facts already seen in the episode asked for. */
  seenFactIds: string[];
  /** The viewer's facts about that episode and about the whole drama, oldest first (none unless asked). */
  ownFacts: OwnFact[];
}

export interface CatalogReader {
  /** True when the viewer's data (corrections, own facts, seen, progress) can be read and saved. */
  readonly persistent: boolean;
  /** Every title key of the catalog with the dramas it names: loaded once, then read from memory. */
  titleIndex(): Promise<TitleIndex>;
  /** A correction and a drama's record with what the viewer has of it, in one read (one transaction). */
  read(request: LookupRequest): Promise<LookupRead>;
  drama(id: string): Promise<Drama | undefined>;
  /** Every drama of the catalog. */
  allDramas(): Promise<Drama[]>;
  /** The viewer's own facts about one episode (0 = the whole drama), oldest first. */
  ownFactsFor(dramaId: string, episodeKey: number): Promise<OwnFact[]>;
}

const byCreation = (a: OwnFact, b: OwnFact) => a.createdAt - b.createdAt;

/** The reader over the IndexedDB catalog database. */
export function idbReader(db: CatalogDb): CatalogReader {
  return {
    persistent: true,
    titleIndex: () => titleIndexFor(db),
    async read({ correctionFor, drama }) {
      // Every request goes out at once, in one read-only transaction: one round trip.
      const tx = db.transaction(['corrections', 'dramaFacts', 'seen', 'ownFacts']);
      const seriesKey = correctionFor ? seriesKeyOf(correctionFor) : null;
      const wanted = (episode: number | null) => (f: OwnFact) => f.episodeKey === 0 || f.episodeKey === episode;
      const [correction, record, seen, ownFacts] = await Promise.all([
        correctionFor && seriesKey !== null
          ? tx.objectStore('corrections').get(correctionKey(correctionFor.site, seriesKey))
          : undefined,
        drama ? tx.objectStore('dramaFacts').get(drama.id) : undefined,
        drama ? tx.objectStore('seen').get(dramaEpisodeKey(drama.id, drama.episode)) : undefined,
        drama?.ownFacts
          ? tx
              .objectStore('ownFacts')
              .index('byDramaEpisode')
              .getAll(IDBKeyRange.bound([drama.id, 0], [drama.id, Number.MAX_SAFE_INTEGER]))
              .then((facts) => facts.filter(wanted(drama.episode)).sort(byCreation))
          : [],
      ]);
      return {
        ...(correction ? { correction } : {}),
        ...(record ? { record } : {}),
        seenFactIds: seen?.factIds ?? [],
        ownFacts,
      };
    },
    drama: (id) => db.get('dramas', id),
    allDramas: () => db.getAll('dramas'),
    ownFactsFor: (dramaId, episodeKey) => ownFactsFor(db, dramaId, episodeKey),
  };
}

/** A reader over a catalog pack in memory: the fallback when IndexedDB is unavailable. */
export function memoryReader(pack: CatalogPack): CatalogReader {
  const titles = titleIndexOf(pack.dramas);
  const dramas = new Map(pack.dramas.map((d) => [d.id, d]));
  const sources = new Map(pack.sources.map((s) => [s.id, s]));
  const records = new Map(dramaFactsRecords(pack.dramas, pack.facts, sources).map((r) => [r.dramaId, r]));
  return {
    persistent: false,
    titleIndex: async () => titles,
    async read({ drama }) {
      const record = drama ? records.get(drama.id) : undefined;
      return { ...(record ? { record } : {}), seenFactIds: [], ownFacts: [] };
    },
    drama: async (id) => dramas.get(id),
    allDramas: async () => [...pack.dramas],
    ownFactsFor: async () => [],
  };
}

/** Every fact about a drama from a pack, drama-wide first, then by episode, in catalog order. */
export function packFactsOfDrama(pack: CatalogPack, dramaId: string): Fact[] {
  return inRecordOrder(pack.facts.filter((fact) => fact.dramaId === dramaId));
}
