import { createHash } from 'node:crypto';

/** A shard's pack, parsed, for tests that change one field. */
export interface ShardPack {
  dramas: { id: string; title: string; titleKo: string; romanized: string[]; aliases: string[]; year: number }[];
  facts: { id: string; dramaId: string; sourceId: string }[];
  sources: { id: string; title: string; url?: string }[];
}

/** A remote shard for a drama the bundled catalog lacks (a made-up one), with one fact about episode 1. */
export function remoteShard(factText = 'The first meeting on the beach was filmed in Quebec City.'): string {
  return JSON.stringify({
    format: 1,
    kind: 'catalog',
    version: 'lantern-keeper-1',
    dramas: [
      {
        id: 'lantern-keeper',
        title: 'The Lantern Keeper of Quebec',
        titleKo: '퀘벡의 등불지기',
        romanized: ['Kwebegui Deungbuljigi'],
        aliases: ['Lantern Keeper'],
        year: 2016,
        network: 'tvN',
        episodes: 16,
        cast: [{ actor: 'Han Ji-ho', actorAliases: [], character: 'Seo Dan' }],
      },
    ],
    facts: [
      {
        id: 'lantern-keeper-ep1-quebec',
        dramaId: 'lantern-keeper',
        episode: 1,
        text: factText,
        people: ['Han Ji-ho'],
        tags: ['filming-location'],
        spoiler: false,
        sourceId: 'lantern-keeper-bts',
      },
    ],
    sources: [
      {
        id: 'lantern-keeper-bts',
        title: 'The Lantern Keeper behind the scenes',
        url: 'https://example.org/lantern-keeper',
      },
    ],
  });
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A manifest listing `shards` (dramaId → file body) as `<dramaId>.json` next to it. */
export function manifestFor(
  version: string,
  shards: Record<string, string>,
  hashes: Record<string, string> = {},
): string {
  return JSON.stringify({
    format: 1,
    version,
    shards: Object.entries(shards).map(([dramaId, body]) => ({
      dramaId,
      url: `shards/${dramaId}.json`,
      sha256: hashes[dramaId] ?? sha256(body),
      bytes: Buffer.byteLength(body),
    })),
  });
}
