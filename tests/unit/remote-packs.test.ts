import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadSearchIndex } from '../../utils/db/search-store';
import { seedCatalog } from '../../utils/db/seed';
import { lookupEpisode } from '../../entrypoints/background/lookup';
import { addOwnFact } from '../../utils/db/own-facts';
import { updateRemotePacks, type Fetcher } from '../../utils/db/remote-packs';
import { catalog } from '../helpers/catalog';
import { shardRecords } from '../../utils/db/shard-records';
import { titleKeysOf } from '../../utils/catalog/match-title';
import { seededDb as seedTestDb } from '../helpers/seeded-db';
import { dumpDb } from '../helpers/db-dump';
import { remoteShard, manifestFor, sha256, type ShardPack } from '../helpers/remote-pack';

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

  it('keeps another drama’s facts whole when a shard reuses one of its fact ids (each drama stores its own)', async () => {
    const db = await seededDb();
    const clash = remoteShard().replace('lantern-keeper-ep1-quebec', 'healer-ep14-kiss-filmed-cheongju');
    const healerBefore = await db.get('dramaFacts', 'healer');
    // Looked up before the update: the title index in memory must learn the new drama.
    expect(await lookupEpisode(db, lanternKeeper1)).toBeNull();
    const result = await updateRemotePacks(
      db,
      MANIFEST,
      catalog,
      host({ [MANIFEST]: manifestFor('1', { 'lantern-keeper': clash }), [SHARD('lantern-keeper')]: clash }).fetcher,
    );
    expect(result).toMatchObject({ ok: true });
    expect(await db.get('dramaFacts', 'healer')).toEqual(healerBefore);
    const healer = await lookupEpisode(db, { site: 'netflix', titles: ['Healer'], episode: 14 });
    expect(healer!.episodeFacts.find((f) => f.id === 'healer-ep14-kiss-filmed-cheongju')?.dramaId).toBe('healer');
    const shard = await lookupEpisode(db, lanternKeeper1);
    expect(shard!.episodeFacts.map((f) => f.id)).toContain('healer-ep14-kiss-filmed-cheongju');
  });

  it('refuses an address that is not http or https', async () => {
    const db = await seededDb();
    expect(await updateRemotePacks(db, 'file:///etc/passwd', catalog, host({}).fetcher)).toMatchObject({
      ok: false,
      problem: { code: 'bad-url' },
    });
  });

  /** The lantern-keeper shard with `edit` applied to its parsed pack. */
  const editedShard = (edit: (pack: ShardPack) => void, id = 'lantern-keeper'): string => {
    const pack = JSON.parse(remoteShard().replaceAll('lantern-keeper', id)) as ShardPack;
    edit(pack);
    return JSON.stringify(pack);
  };

  describe('checks a shard against the whole catalog, as the build checks data/', () => {
    it.each([
      [
        'an alias that is a bundled drama’s title',
        (p: ShardPack) => p.dramas[0]!.aliases.push('Healer'),
        /"Healer".*healer/,
      ],
      [
        'a romanisation that is another’s alias',
        (p: ShardPack) => p.dramas[0]!.romanized.push('The Inheritors'),
        /"The Inheritors".*heirs/,
      ],
      [
        'a title another drama carries, written differently',
        (p: ShardPack) => (p.dramas[0]!.title = 'HEALER!'),
        /"HEALER!".*healer/,
      ],
      ['a Korean title another drama carries', (p: ShardPack) => (p.dramas[0]!.titleKo = '힐러'), /"힐러".*healer/],
    ])('refuses %s, naming the shard and the clash, and Healer is still recognised', async (_n, edit, clash) => {
      const db = await seededDb();
      const bad = editedShard(edit);
      const before = await dumpDb(db);
      const result = await updateRemotePacks(
        db,
        MANIFEST,
        catalog,
        host({ [MANIFEST]: manifestFor('1', { 'lantern-keeper': bad }), [SHARD('lantern-keeper')]: bad }).fetcher,
      );
      expect(result).toMatchObject({ ok: false, problem: { code: 'title-clash', shard: 'lantern-keeper' } });
      expect(!result.ok && result.problem.detail).toMatch(clash);
      expect(await dumpDb(db)).toEqual(before);
      expect((await lookupEpisode(db, { site: 'netflix', titles: ['Healer'], episode: 14 }))?.drama.id).toBe('healer');
    });

    it('refuses a shard whose title clashes with a remote drama already there, or one fetched with it', async () => {
      const db = await seededDb();
      const first = remoteShard();
      await updateRemotePacks(
        db,
        MANIFEST,
        catalog,
        host({ [MANIFEST]: manifestFor('1', { 'lantern-keeper': first }), [SHARD('lantern-keeper')]: first }).fetcher,
      );
      const twin = editedShard((p) => (p.dramas[0]!.aliases = ['The Lantern Keeper of Quebec']), 'lantern-twin');
      const before = await dumpDb(db);
      const result = await updateRemotePacks(
        db,
        MANIFEST,
        catalog,
        host({
          [MANIFEST]: manifestFor('2', { 'lantern-keeper': first, 'lantern-twin': twin }),
          [SHARD('lantern-twin')]: twin,
        }).fetcher,
      );
      expect(result).toMatchObject({ ok: false, problem: { code: 'title-clash', shard: 'lantern-twin' } });
      expect(await dumpDb(db)).toEqual(before);

      const fresh = await seededDb();
      const both = host({
        [MANIFEST]: manifestFor('1', { 'lantern-keeper': first, 'lantern-twin': twin }),
        [SHARD('lantern-keeper')]: first,
        [SHARD('lantern-twin')]: twin,
      });
      expect(await updateRemotePacks(fresh, MANIFEST, catalog, both.fetcher)).toMatchObject({
        ok: false,
        problem: { code: 'title-clash', shard: 'lantern-twin' },
      });
    });

    it('refuses a “remake” taking a bundled title, whatever its year: Healer would go unrecognised on pages giving none', async () => {
      const db = await seededDb();
      const remake = editedShard((p) => {
        p.dramas[0]!.aliases.push('Healer');
        p.dramas[0]!.year = 2030;
      });
      const result = await updateRemotePacks(
        db,
        MANIFEST,
        catalog,
        host({ [MANIFEST]: manifestFor('1', { 'lantern-keeper': remake }), [SHARD('lantern-keeper')]: remake }).fetcher,
      );
      expect(result).toMatchObject({ ok: false, problem: { code: 'title-clash', shard: 'lantern-keeper' } });
      expect((await lookupEpisode(db, { site: 'netflix', titles: ['Healer'], episode: 14 }))?.drama.id).toBe('healer');
    });
  });

  describe('keeps a shard’s sources its own', () => {
    const healerSource = catalog.facts.find((f) => f.dramaId === 'healer' && f.episode === 14)!.sourceId;
    const healer14 = { site: 'netflix' as const, titles: ['Healer'], episode: 14 };
    const lanternWithSource = (id: string, title: string, dramaId = 'lantern-keeper') =>
      editedShard((p) => {
        p.sources = [{ id, title }];
        p.facts[0]!.sourceId = id;
        if (dramaId === 'gob') {
          Object.assign(p.dramas[0]!, { title: 'The Gob of Quebec', titleKo: '퀘벡의 도깨비', aliases: [] });
          p.dramas[0]!.romanized = ['Kwebegui Dokkaebi'];
        }
      }, dramaId);

    it('cannot redefine a bundled source: Healer’s facts keep theirs, the shard’s fact shows its own', async () => {
      const db = await seededDb();
      const bundledTitle = catalog.sources.find((s) => s.id === healerSource)!.title;
      const before = (await lookupEpisode(db, healer14))!.episodeFacts.map((f) => f.source);
      const shard = lanternWithSource(healerSource, 'Not what Healer’s article says');
      const up = host({ [MANIFEST]: manifestFor('1', { 'lantern-keeper': shard }), [SHARD('lantern-keeper')]: shard });
      expect(await updateRemotePacks(db, MANIFEST, catalog, up.fetcher)).toMatchObject({ ok: true });
      expect((await lookupEpisode(db, healer14))!.episodeFacts.map((f) => f.source)).toEqual(before);
      expect(before[0]?.title).toBe(bundledTitle);
      expect((await lookupEpisode(db, lanternKeeper1))!.episodeFacts[0]?.source?.title).toBe(
        'Not what Healer’s article says',
      );
      // The same after a reseed of the bundled catalog (an extension update).
      await seedCatalog(db, { ...catalog, version: 'next-release' });
      expect((await lookupEpisode(db, healer14))!.episodeFacts.map((f) => f.source)).toEqual(before);
      expect((await lookupEpisode(db, lanternKeeper1))!.episodeFacts[0]?.source?.title).toBe(
        'Not what Healer’s article says',
      );
    });

    it('lets two shards use the same source id, each keeping its own, and drops a shard’s sources with it', async () => {
      const db = await seededDb();
      const a = lanternWithSource('bts', 'Lantern article');
      const b = lanternWithSource('bts', 'Gob article', 'gob');
      const up = host({
        [MANIFEST]: manifestFor('1', { 'lantern-keeper': a, gob: b }),
        [SHARD('lantern-keeper')]: a,
        [SHARD('gob')]: b,
      });
      expect(await updateRemotePacks(db, MANIFEST, catalog, up.fetcher)).toMatchObject({ ok: true });
      const gob1 = {
        site: 'netflix' as const,
        titles: ['The Gob of Quebec'],
        episode: 1,
      };
      expect((await lookupEpisode(db, lanternKeeper1))!.episodeFacts[0]?.source?.title).toBe('Lantern article');
      expect((await lookupEpisode(db, gob1))?.episodeFacts[0]?.source?.title).toBe('Gob article');

      const down = host({ [MANIFEST]: manifestFor('2', {}) });
      expect(await updateRemotePacks(db, MANIFEST, catalog, down.fetcher)).toMatchObject({ ok: true });
      expect(await db.count('sources')).toBe(catalog.sources.length);
    });
  });

  describe('downloads', () => {
    /** A response whose body comes in `chunk`-byte pieces, `total` bytes in all; counts what was pulled. */
    function streamed(total: number, chunk: number, failAfter?: number) {
      let pulled = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (failAfter !== undefined && pulled >= failAfter) {
            controller.error(new TypeError('network error: connection reset'));
            return;
          }
          if (pulled >= total) {
            controller.close();
            return;
          }
          const size = Math.min(chunk, total - pulled);
          pulled += size;
          controller.enqueue(new Uint8Array(size).fill(0x20));
        },
      });
      return { response: new Response(body), pulled: () => pulled };
    }

    it('stops reading a shard past the bytes its manifest declares, and says so', async () => {
      const db = await seededDb();
      const shard = remoteShard();
      const big = streamed(20 * 1024 * 1024, 16 * 1024);
      const fetcher: Fetcher = async (url) =>
        url === MANIFEST ? new Response(manifestFor('1', { 'lantern-keeper': shard })) : big.response;
      const before = await dumpDb(db);
      const result = await updateRemotePacks(db, MANIFEST, catalog, fetcher);
      expect(result).toMatchObject({ ok: false, problem: { code: 'too-large', shard: 'lantern-keeper' } });
      expect(!result.ok && result.problem.detail).toContain(`${Buffer.byteLength(shard)} bytes`);
      expect(big.pulled()).toBeLessThanOrEqual(Buffer.byteLength(shard) + 2 * 16 * 1024);
      expect(await dumpDb(db)).toEqual(before);
    });

    it('refuses a shard longer than declared even when it is small', async () => {
      const db = await seededDb();
      const shard = remoteShard();
      const manifest = JSON.parse(manifestFor('1', { 'lantern-keeper': shard })) as { shards: { bytes: number }[] };
      manifest.shards[0]!.bytes = 100;
      const result = await updateRemotePacks(
        db,
        MANIFEST,
        catalog,
        host({ [MANIFEST]: JSON.stringify(manifest), [SHARD('lantern-keeper')]: shard }).fetcher,
      );
      expect(result).toMatchObject({ ok: false, problem: { code: 'too-large', shard: 'lantern-keeper' } });
    });

    it('resolves relative shard addresses against the manifest’s final address, after redirects', async () => {
      const db = await seededDb();
      const shard = remoteShard();
      const moved = 'https://cdn.example.net/packs/v2/manifest.json';
      const fetched: string[] = [];
      const fetcher: Fetcher = async (url) => {
        fetched.push(url);
        if (url === MANIFEST) {
          // fetch() followed a redirect: the response says where it ended up.
          const response = new Response(manifestFor('1', { 'lantern-keeper': shard }));
          Object.defineProperty(response, 'url', { value: moved });
          return response;
        }
        if (url === 'https://cdn.example.net/packs/v2/shards/lantern-keeper.json') return new Response(shard);
        return new Response('not found', { status: 404 });
      };
      expect(await updateRemotePacks(db, MANIFEST, catalog, fetcher)).toMatchObject({
        ok: true,
        updated: ['lantern-keeper'],
      });
      expect(fetched).toEqual([MANIFEST, 'https://cdn.example.net/packs/v2/shards/lantern-keeper.json']);
    });

    it('reports a connection dropped while a shard downloads as a network failure of that shard', async () => {
      const db = await seededDb();
      const shard = remoteShard();
      const fetcher: Fetcher = async (url) =>
        url === MANIFEST
          ? new Response(manifestFor('1', { 'lantern-keeper': shard }))
          : streamed(Buffer.byteLength(shard), 64, 128).response;
      const before = await dumpDb(db);
      const result = await updateRemotePacks(db, MANIFEST, catalog, fetcher);
      expect(result).toMatchObject({ ok: false, problem: { code: 'network', shard: 'lantern-keeper' } });
      expect(!result.ok && result.problem.detail).toContain('connection reset');
      expect(await dumpDb(db)).toEqual(before);
    });

    it('reports a fetch that fails as a network failure, naming the shard', async () => {
      const db = await seededDb();
      const shard = remoteShard();
      const fetcher: Fetcher = async (url) => {
        if (url === MANIFEST) return new Response(manifestFor('1', { 'lantern-keeper': shard }));
        throw new TypeError('Failed to fetch');
      };
      expect(await updateRemotePacks(db, MANIFEST, catalog, fetcher)).toMatchObject({
        ok: false,
        problem: { code: 'network', shard: 'lantern-keeper' },
      });
    });
  });

  it('changes nothing when a check finds nothing changed: no reseed at the next worker start', async () => {
    const db = await seededDb();
    const shard = remoteShard();
    const files = { [MANIFEST]: manifestFor('1', { 'lantern-keeper': shard }), [SHARD('lantern-keeper')]: shard };
    await updateRemotePacks(db, MANIFEST, catalog, host(files).fetcher);
    const before = await dumpDb(db);
    expect(await updateRemotePacks(db, MANIFEST, catalog, host(files).fetcher)).toMatchObject({
      ok: true,
      updated: [],
      removed: [],
      unchanged: 1,
    });
    expect(await dumpDb(db)).toEqual(before);
    // What the background runs at every worker start: nothing to do.
    expect(await seedCatalog(db, catalog)).toBe(false);
  });
});

describe('a shard stored before title keys changed', () => {
  it('is laid over the catalog under the keys titles have now', async () => {
    const drama = { ...catalog.dramas.find((d) => d.id === 'queen-in-hyuns-man')!, titleKeys: ['queeni'] };
    const { drama: laid } = shardRecords({
      dramaId: drama.id,
      drama,
      facts: [],
      sources: [],
      sha256: '',
      manifestUrl: 'https://packs.example/manifest.json',
      fetchedAt: 0,
    });
    expect(laid.titleKeys).toEqual(titleKeysOf(drama));
    expect(laid.titleKeys).toContain('queenandi');
  });
});
