import { createHash } from 'node:crypto';

/** A remote shard for a drama the bundled catalog lacks: Goblin, with one fact about episode 1. */
export function goblinShard(factText = 'The first meeting on the beach was filmed in Quebec City.'): string {
  return JSON.stringify({
    format: 1,
    kind: 'catalog',
    version: 'goblin-1',
    dramas: [
      {
        id: 'goblin',
        title: 'Guardian: The Lonely and Great God',
        titleKo: '쓸쓸하고 찬란하神 – 도깨비',
        romanized: ['Sseulsseulhago Chanlanhasin – Dokkaebi'],
        aliases: ['Goblin'],
        year: 2016,
        network: 'tvN',
        episodes: 16,
        cast: [{ actor: 'Gong Yoo', actorAliases: [], character: 'Kim Shin' }],
      },
    ],
    facts: [
      {
        id: 'goblin-ep1-quebec',
        dramaId: 'goblin',
        episode: 1,
        text: factText,
        people: ['Gong Yoo'],
        tags: ['filming-location'],
        spoiler: false,
        sourceId: 'goblin-bts',
      },
    ],
    sources: [{ id: 'goblin-bts', title: 'Goblin behind the scenes', ref: 'https://example.org/goblin' }],
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
