/**
 * The compiled catalog: what the build produces from data/, what the extension
 * ships, and what the background seeds into IndexedDB.
 */

export interface CastMember {
  actor: string;
  actorAliases: string[];
  character: string;
}

export interface Drama {
  id: string;
  title: string;
  titleKo: string;
  romanized: string[];
  aliases: string[];
  year: number;
  network: string;
  season: number;
  episodes: number;
  cast: CastMember[];
  /** Normalised forms of every title the drama is known by (see match-title.ts). */
  titleKeys: string[];
}

export interface Fact {
  id: string;
  dramaId: string;
  /** The episode the fact is about, or null for a fact about the whole drama. */
  episode: number | null;
  text: string;
  people: string[];
  tags: string[];
  spoiler: boolean;
  /** Seconds into the episode, when known. */
  at?: number;
  /** A drama-wide spoiler: the episode from which it gives nothing away (absent: the final episode). */
  spoilerFreeFrom?: number;
  sourceId: string;
}

export interface SourceRef {
  id: string;
  title: string;
  publisher?: string;
  /** The article's public address. */
  url?: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  date?: string;
  /** A local copy of the article. */
  ref?: string;
}

/** Version 1 of the pack format; bump when a field changes meaning. */
export const PACK_FORMAT = 1;

export interface CatalogPack {
  format: typeof PACK_FORMAT;
  /** Content hash of the pack: changes whenever any drama, fact or source changes. */
  version: string;
  dramas: Drama[];
  facts: Fact[];
  sources: SourceRef[];
}
