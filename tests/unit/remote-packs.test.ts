import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadSearchIndex } from '../../utils/db/search-store';
import { seedCatalog } from '../../utils/db/seed';
import { lookupEpisode } from '../../entrypoints/background/lookup';
import { addOwnFact } from '../../utils/db/own-facts';
import { updateRemotePacks, type Fetcher } from '../../utils/db/remote-packs';
import { catalog } from '../helpers/catalog';
import { seededDb as seedTestDb } from '../helpers/seeded-db';
import { dumpDb } from '../helpers/db-dump';
import { remoteShard, manifestFor, sha256 } from '../helpers/remote-pack';

const MANIFEST = 'https://packs.example.org/between-takes/manifest.json';
const SHARD = (id: string) => `https://packs.example.org/between-takes/shards/${id}.json`;

const seededDb = () => seedTestDb('remote');

/** A static host: URL → body; records what was fetched. */
function host(files: Record<string, string>) {
  const fetched: string[] = [];
  const fetcher: Fetcher = async (url) => {
    fetched.push(url);
    const body = files[url];
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body);
  };
  return { fetcher, fetched };
}

const lanternKeeper1 = { site: 'netflix' as const, titles: ['Lantern Keeper'], episode: 1 };

describe('remote packs', () => {
  it('adds a new drama from a shard, then fetches only shards whose hash changed', async () => {
    const db = await seededDb();
    const shard = remoteShard();
    const first = host({ [MANIFEST]: manifestFor('1', { 'lantern-keeper': shard }), [SHARD('lantern-keeper')]: shard });
    expect(await updateRemotePacks(db, MANIFEST, catalog, first.fetcher)).toEqual({
      ok: true,
      version: '1',
      updated: ['lantern-keeper'],
      removed: [],
      unchanged: 0,
    });
    const view = await lookupEpisode(db, lanternKeeper1);
    expect(view?.drama.title).toBe('The Lantern Keeper of Quebec');
    expect(view?.episodeFacts.map((f) => f.source?.title)).toEqual(['The Lantern Keeper behind the scenes']);
    // The popup's search finds it at once, not after the next worker start.
    expect((await loadSearchIndex(db))!.search('Lantern')[0]?.drama.id).toBe('lantern-keeper');

    const again = host({ [MANIFEST]: manifestFor('2', { 'lantern-keeper': shard }), [SHARD('lantern-keeper')]: shard });
    expect(await updateRemotePacks(db, MANIFEST, catalog, again.fetcher)).toMatchObject({
      ok: true,
      updated: [],
      unchanged: 1,
    });
    expect(again.fetched).toEqual([MANIFEST]);

    const changed = remoteShard('Episode 1’s beach scene was filmed in Quebec.');
    const third = host({
      [MANIFEST]: manifestFor('3', { 'lantern-keeper': changed }),
      [SHARD('lantern-keeper')]: changed,
    });
    expect(await updateRemotePacks(db, MANIFEST, catalog, third.fetcher)).toMatchObject({
      ok: true,
      updated: ['lantern-keeper'],
    });
    expect((await lookupEpisode(db, lanternKeeper1))?.episodeFacts.map((f) => f.text)).toEqual([
      'Episode 1’s beach scene was filmed in Quebec.',
    ]);
  });

  it('keeps remote dramas through a reseed of the bundled catalog (an extension update)', async () => {
    const db = await seededDb();
    const shard = remoteShard();
    const { fetcher } = host({
      [MANIFEST]: manifestFor('1', { 'lantern-keeper': shard }),
      [SHARD('lantern-keeper')]: shard,
    });
    await updateRemotePacks(db, MANIFEST, catalog, fetcher);
    expect(await seedCatalog(db, { ...catalog, version: 'next-release' })).toBe(true);
    expect((await lookupEpisode(db, lanternKeeper1))?.episodeFacts).toHaveLength(1);
    expect(await db.count('dramas')).toBe(catalog.dramas.length + 1);
  });

  it('replaces a bundled drama with its remote shard, and restores it when the manifest drops the shard', async () => {
    const db = await seededDb();
    const healer = catalog.dramas.find((d) => d.id === 'healer')!;
    const shard = JSON.stringify({
      format: 1,
      version: 'h',
      dramas: [healer],
      facts: [
        {
          id: 'healer-remote-1',
          dramaId: 'healer',
          episode: 14,
          text: 'A remote fact.',
          tags: ['x'],
          spoiler: false,
          sourceId: 's',
        },
      ],
      sources: [{ id: 's', title: 'Remote', ref: 'https://example.org' }],
    });
    const up = host({ [MANIFEST]: manifestFor('1', { healer: shard }), [SHARD('healer')]: shard });
    await updateRemotePacks(db, MANIFEST, catalog, up.fetcher);
    const healer14 = { site: 'netflix' as const, titles: ['Healer'], episode: 14 };
    expect((await lookupEpisode(db, healer14))?.episodeFacts.map((f) => f.id)).toEqual(['healer-remote-1']);
    await seedCatalog(db, { ...catalog, version: 'next-release' });
    expect((await lookupEpisode(db, healer14))?.episodeFacts.map((f) => f.id)).toEqual(['healer-remote-1']);

    const down = host({ [MANIFEST]: manifestFor('2', {}) });
    expect(await updateRemotePacks(db, MANIFEST, catalog, down.fetcher)).toMatchObject({
      ok: true,
      removed: ['healer'],
    });
    expect((await lookupEpisode(db, healer14))?.episodeFacts.map((f) => f.id)).toEqual(
      catalog.facts.filter((f) => f.dramaId === 'healer' && f.episode === 14).map((f) => f.id),
    );
  });

  const shard = remoteShard();
  const badUpdates: [string, Record<string, string>, string, string | undefined][] = [
    [
      'a tampered shard (hash mismatch)',
      {
        [MANIFEST]: manifestFor('1', { 'lantern-keeper': shard }),
        [SHARD('lantern-keeper')]: shard.replace('Quebec', 'Seoul'),
      },
      'hash-mismatch',
      'lantern-keeper',
    ],
    [
      'a shard that is not a pack',
      { [MANIFEST]: manifestFor('1', { 'lantern-keeper': '{"hello":1}' }), [SHARD('lantern-keeper')]: '{"hello":1}' },
      'bad-shard',
      'lantern-keeper',
    ],
    [
      'a shard with markup',
      ((s) => ({ [MANIFEST]: manifestFor('1', { 'lantern-keeper': s }), [SHARD('lantern-keeper')]: s }))(
        remoteShard('<img src=x onerror=alert(1)>'),
      ),
      'bad-shard',
      'lantern-keeper',
    ],
    [
      'a shard with a bidi override (a C1 or format character)',
      ((s) => ({ [MANIFEST]: manifestFor('1', { 'lantern-keeper': s }), [SHARD('lantern-keeper')]: s }))(
        remoteShard('Filmed in \u202eQuebec\u0085.'),
      ),
      'bad-shard',
      'lantern-keeper',
    ],
    [
      'a shard nested 200,000 levels deep',
      ((s) => ({ [MANIFEST]: manifestFor('1', { 'lantern-keeper': s }), [SHARD('lantern-keeper')]: s }))(
        '['.repeat(200_000) + ']'.repeat(200_000),
      ),
      'bad-shard',
      'lantern-keeper',
    ],
    [
      'a shard for another drama',
      { [MANIFEST]: manifestFor('1', { healer: shard }), [SHARD('healer')]: shard },
      'bad-shard',
      'healer',
    ],
    ['a missing shard (404)', { [MANIFEST]: manifestFor('1', { 'lantern-keeper': shard }) }, 'http', 'lantern-keeper'],
    ['no manifest', {}, 'http', undefined],
    ['a manifest that is not JSON', { [MANIFEST]: '<html>' }, 'bad-manifest', undefined],
    [
      'a manifest with a bad hash',
      { [MANIFEST]: manifestFor('1', { 'lantern-keeper': shard }, { 'lantern-keeper': 'abc' }) },
      'bad-manifest',
      undefined,
    ],
  ];

  it.each(badUpdates)(
    'refuses %s, saying which shard and why, and changes nothing',
    async (_n, files, code, shardId) => {
      const db = await seededDb();
      await addOwnFact(db, { dramaId: 'healer', episode: 14, text: 'Mine.' });
      // A good second shard fetched in the same update must not be written either.
      const good = remoteShard().replaceAll('lantern-keeper', 'gob');
      let withGood: { shards?: unknown[] } | null = null;
      try {
        withGood = JSON.parse(files[MANIFEST] ?? 'null') as { shards?: unknown[] } | null;
      } catch {
        // The manifest itself is the bad part.
      }
      if (withGood?.shards) {
        withGood.shards.unshift({
          dramaId: 'gob',
          url: 'shards/gob.json',
          sha256: sha256(good),
          bytes: Buffer.byteLength(good),
        });
      }
      const all = {
        ...files,
        [SHARD('gob')]: good,
        ...(withGood?.shards ? { [MANIFEST]: JSON.stringify(withGood) } : {}),
      };
      const before = await dumpDb(db);
      const result = await updateRemotePacks(db, MANIFEST, catalog, host(all).fetcher);
      expect(result).toMatchObject({ ok: false, problem: { code, ...(shardId ? { shard: shardId } : {}) } });
      expect(await dumpDb(db)).toEqual(before);
    },
  );

  it('refuses a shard whose fact id belongs to another drama, writing nothing', async () => {
    const db = await seededDb();
    const clash = remoteShard().replace('lantern-keeper-ep1-quebec', 'healer-ep14-kiss-filmed-cheongju');
    const before = await dumpDb(db);
    const result = await updateRemotePacks(
      db,
      MANIFEST,
      catalog,
      host({ [MANIFEST]: manifestFor('1', { 'lantern-keeper': clash }), [SHARD('lantern-keeper')]: clash }).fetcher,
    );
    expect(result).toMatchObject({ ok: false, problem: { code: 'bad-shard', shard: 'lantern-keeper' } });
    expect(await dumpDb(db)).toEqual(before);
  });

  it('refuses an address that is not http or https', async () => {
    const db = await seededDb();
    expect(await updateRemotePacks(db, 'file:///etc/passwd', catalog, host({}).fetcher)).toMatchObject({
      ok: false,
      problem: { code: 'bad-url' },
    });
  });
});
