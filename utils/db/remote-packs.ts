/**
 * Remote packs: how the catalog grows past what ships in the extension. A
 * static host (any CDN, no server of our own) serves a manifest naming one
 * shard per drama with its sha256; an update fetches only shards whose hash
 * changed, verifies each hash and schema, checks it against the whole catalog
 * as the build checks data/ (no title that would make another drama
 * unrecognisable; its sources stay its own, shard-records.ts; its facts are
 * stored in its drama's record, so a fact id another drama also uses changes
 * nothing of that drama's), and swaps them all in one transaction. Any failure —
 * network, size, hash, schema, a clash, storage — changes nothing and says
 * which shard and why; a check that finds nothing changed writes nothing.
 *
 * The host must send `Access-Control-Allow-Origin` (e.g. `*`): the extension
 * fetches cross-origin without host permissions, which CORS allows.
 */
import { z } from '../validation/zod';
import { checkPackText, toDrama, toFact, toSource, type PackProblem } from '../catalog/pack';
import { text } from '../catalog/schema';
import { PACK_FORMAT, type CatalogPack } from '../catalog/types';
import type { IDBPTransaction } from 'idb';
import { describeShardClash, TitleRegister } from '../catalog/title-clash';
import { abortQuietly, type BetweenTakesDB, type CatalogDb, type RemoteShard } from './database';
import { dramaFactsRecords } from './drama-records';
import { shardRecords, shardSourceRange } from './shard-records';
import { seedCatalog } from './seed';
import { encodeTitleIndex, forgetTitleIndex } from './title-index';

/** The largest manifest accepted, in bytes. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** The largest shard accepted, in bytes: one drama's facts. */
export const MAX_SHARD_BYTES = 1024 * 1024;

export const manifestSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  version: text(100),
  shards: z
    .array(
      z.strictObject({
        dramaId: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
        /** Relative to the manifest's URL, or absolute (http or https). */
        url: z.string().check(z.minLength(1), z.maxLength(2000)),
        sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits')),
        bytes: z.int().check(z.gte(1), z.lte(MAX_SHARD_BYTES)),
      }),
    )
    .check(z.maxLength(5000)),
});

export type Manifest = z.output<typeof manifestSchema>;

/** Why an update failed: a code the UI words, the shard (drama id) if any, and a detail. */
export interface RemoteProblem {
  code:
    | 'bad-url'
    | 'network'
    | 'http'
    | 'too-large'
    | 'bad-manifest'
    | 'hash-mismatch'
    | 'bad-shard'
    | 'title-clash'
    | 'storage'
    | 'unexpected';
  shard?: string;
  detail: string;
}

export type RemoteResult =
  | { ok: true; version: string; updated: string[]; removed: string[]; unchanged: number }
  | { ok: false; problem: RemoteProblem };

/** A fetch function (the global one, or a test double). */
export type Fetcher = (url: string, init?: RequestInit) => Promise<Response>;

class RemoteError extends Error {
  constructor(readonly problem: RemoteProblem) {
    super(`${problem.shard ? `${problem.shard}: ` : ''}${problem.code}: ${problem.detail}`);
  }
}

/** Only http(s) addresses; anything else (file:, data:, javascript:) is refused. */
function parseRemoteUrl(url: string, base?: string): URL | null {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
  } catch {
    return null;
  }
}

/** What a download gave: the bytes, and the address it ended at after redirects. */
interface Download {
  bytes: Uint8Array;
  finalUrl: string;
}

/**
 * Downloads `url`, reading the body as a stream and stopping as soon as it
 * passes `max` bytes (a shard's declared size): a host cannot make us read
 * more. A failed request, or a connection dropped while the body comes in, is
 * a network failure of that shard.
 */
async function download(fetcher: Fetcher, url: string, max: number, shard?: string): Promise<Download> {
  const which = shard ? { shard } : {};
  const network = (err: unknown) =>
    new RemoteError({ code: 'network', detail: `${url}: ${(err as Error).message}`, ...which });
  let response: Response;
  try {
    response = await fetcher(url, { cache: 'no-cache', credentials: 'omit', redirect: 'follow' });
  } catch (err) {
    throw network(err);
  }
  if (!response.ok) {
    throw new RemoteError({ code: 'http', detail: `${url}: HTTP ${response.status}`, ...which });
  }
  const tooLarge = () =>
    new RemoteError({
      code: 'too-large',
      detail: `${url}: more than ${shard ? `the ${max} bytes the manifest declares` : `${max} bytes`}`,
      ...which,
    });
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  try {
    if (!reader) {
      const whole = new Uint8Array(await response.arrayBuffer());
      if (whole.length > max) throw tooLarge();
      chunks.push(whole);
      total = whole.length;
    } else {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > max) {
          void reader.cancel().catch(() => undefined);
          throw tooLarge();
        }
        chunks.push(value);
      }
    }
  } catch (err) {
    if (err instanceof RemoteError) throw err;
    throw network(err);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  // Relative shard addresses resolve against where the manifest really is.
  const finalUrl = parseRemoteUrl(response.url)?.href ?? url;
  return { bytes, finalUrl };
}

/** Hex sha256 of bytes, by the browser's Web Crypto. */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function describe(problems: PackProblem[]): string {
  return problems
    .slice(0, 3)
    .map((p) => `${p.field || '(shard)'}: ${p.code}: ${p.detail}`)
    .join('; ');
}

/**
 * Fetches and checks one shard: at most its declared bytes, exactly them, its
 * hash, the pack schema, exactly the one drama the manifest names. A relative
 * address resolves against where the manifest was finally served from.
 */
async function fetchShard(
  fetcher: Fetcher,
  manifest: { url: string; finalUrl: string },
  entry: Manifest['shards'][number],
  now: number,
): Promise<RemoteShard> {
  const shard = entry.dramaId;
  const url = parseRemoteUrl(entry.url, manifest.finalUrl);
  if (!url) throw new RemoteError({ code: 'bad-url', shard, detail: entry.url });
  const { bytes } = await download(fetcher, url.href, entry.bytes, shard);
  if (bytes.length !== entry.bytes) {
    throw new RemoteError({
      code: 'hash-mismatch',
      shard,
      detail: `${bytes.length} bytes where the manifest declares ${entry.bytes}`,
    });
  }
  const hash = await sha256Hex(bytes);
  if (hash !== entry.sha256) {
    throw new RemoteError({ code: 'hash-mismatch', shard, detail: `expected ${entry.sha256}, got ${hash}` });
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RemoteError({ code: 'bad-shard', shard, detail: 'not UTF-8 text' });
  }
  const checked = checkPackText(json);
  if (!checked.ok) throw new RemoteError({ code: 'bad-shard', shard, detail: describe(checked.problems) });
  const pack = checked.pack;
  if (pack.kind !== 'catalog' || pack.dramas.length !== 1 || pack.dramas[0]!.id !== shard) {
    throw new RemoteError({ code: 'bad-shard', shard, detail: `a shard must hold exactly the drama "${shard}"` });
  }
  const stray = pack.facts.find((f) => f.dramaId !== shard);
  if (stray) throw new RemoteError({ code: 'bad-shard', shard, detail: `fact ${stray.id} is about ${stray.dramaId}` });
  return {
    dramaId: shard,
    sha256: hash,
    manifestUrl: manifest.url,
    drama: toDrama(pack.dramas[0]!),
    facts: pack.facts.map(toFact),
    sources: pack.sources.map(toSource),
    fetchedAt: now,
  };
}

/**
 * Brings the remote dramas up to date with the manifest at `manifestUrl`:
 * fetches changed shards, verifies them, and swaps them (and drops shards the
 * manifest no longer lists, restoring the bundled record if there is one) in
 * one transaction. On any failure nothing is written.
 */
export async function updateRemotePacks(
  db: CatalogDb,
  manifestUrl: string,
  bundled: CatalogPack,
  fetcher: Fetcher = (url, init) => fetch(url, init),
  now = Date.now(),
): Promise<RemoteResult> {
  try {
    const base = parseRemoteUrl(manifestUrl);
    if (!base) throw new RemoteError({ code: 'bad-url', detail: manifestUrl });
    const { bytes: manifestBytes, finalUrl: manifestFinalUrl } = await download(fetcher, base.href, MAX_MANIFEST_BYTES);
    let manifestJson: unknown;
    try {
      manifestJson = JSON.parse(new TextDecoder().decode(manifestBytes));
    } catch (err) {
      throw new RemoteError({ code: 'bad-manifest', detail: `not JSON: ${(err as Error).message}` });
    }
    const parsed = manifestSchema.safeParse(manifestJson);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new RemoteError({ code: 'bad-manifest', detail: `${issue.path.join('.')}: ${issue.message}` });
    }
    const manifest = parsed.data;
    const ids = manifest.shards.map((s) => s.dramaId);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) throw new RemoteError({ code: 'bad-manifest', detail: `the drama ${dup} is listed twice` });

    const stored = new Map((await storage(() => db.getAll('remoteShards'))).map((s) => [s.dramaId, s]));
    const changed = manifest.shards.filter((s) => stored.get(s.dramaId)?.sha256 !== s.sha256);
    const removed = [...stored.keys()].filter((id) => !ids.includes(id));
    // Fetched one at a time: a small catalog update, and the first failure stops it.
    const fresh: RemoteShard[] = [];
    for (const entry of changed)
      fresh.push(await fetchShard(fetcher, { url: base.href, finalUrl: manifestFinalUrl }, entry, now));

    await swapShards(db, fresh, removed, bundled, manifest.version);
    if (fresh.length > 0 || removed.length > 0) {
      // The popup's search index must know the new dramas now, not after the next worker
      // start. The shards are in already: if this fails, the next start rebuilds it.
      await seedCatalog(db, bundled).catch((err: unknown) =>
        console.warn('Between Takes: the search index will be rebuilt at the next start', err),
      );
    }
    return {
      ok: true,
      version: manifest.version,
      updated: fresh.map((s) => s.dramaId),
      removed,
      unchanged: manifest.shards.length - changed.length,
    };
  } catch (err) {
    if (err instanceof RemoteError) return { ok: false, problem: err.problem };
    // Network, files and the database are each wrapped where they fail; anything else is a bug, said as one.
    return { ok: false, problem: { code: 'unexpected', detail: (err as Error).message } };
  }
}

/** A database read, its failure said as a storage failure. */
async function storage<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    throw new RemoteError({ code: 'storage', detail: (err as Error).message });
  }
}

/**
 * Writes the new shards and drops the removed ones in one transaction, after
 * checking each new shard against the catalog it would join: its titles
 * against every other drama's (title-clash.ts: none may be another's, whatever
 * the years) and its fact
 * ids against other dramas' facts. Throws RemoteError and writes nothing on a
 * clash or a storage failure; writes nothing at all when nothing changed.
 */
async function swapShards(
  db: CatalogDb,
  fresh: RemoteShard[],
  removed: string[],
  bundled: CatalogPack,
  version: string,
): Promise<void> {
  const tx = db.transaction(['meta', 'dramas', 'dramaFacts', 'sources', 'remoteShards'], 'readwrite');
  const dramas = tx.objectStore('dramas');
  const records = tx.objectStore('dramaFacts');
  const sources = tx.objectStore('sources');
  const meta = tx.objectStore('meta');
  const writes: Promise<unknown>[] = [];
  const dropShardSources = (dramaId: string) => writes.push(sources.delete(shardSourceRange(dramaId)));
  try {
    if (fresh.length > 0) await checkAgainstCatalog(tx, fresh, removed, bundled);
    for (const shard of fresh) {
      const laid = shardRecords(shard);
      dropShardSources(shard.dramaId);
      writes.push(dramas.put(laid.drama));
      // The drama's record replaces whatever it held (the bundled facts, or an older shard's).
      const [record] = dramaFactsRecords([laid.drama], laid.facts, new Map(laid.sources.map((s) => [s.id, s])));
      writes.push(records.put(record!));
      for (const source of laid.sources) writes.push(sources.put(source));
      writes.push(tx.objectStore('remoteShards').put(shard));
    }
    const bundledSources = new Map(bundled.sources.map((s) => [s.id, s]));
    for (const dramaId of removed) {
      dropShardSources(dramaId);
      writes.push(dramas.delete(dramaId), records.delete(dramaId), tx.objectStore('remoteShards').delete(dramaId));
      const original = bundled.dramas.find((d) => d.id === dramaId);
      if (original) {
        writes.push(dramas.put(original));
        const facts = bundled.facts.filter((fact) => fact.dramaId === dramaId);
        writes.push(records.put(dramaFactsRecords([original], facts, bundledSources)[0]!));
      }
    }
    if ((await meta.get('remoteVersion')) !== version) writes.push(meta.put(version, 'remoteVersion'));
    if (fresh.length > 0 || removed.length > 0) {
      // Lookups match titles against the dramas as they are now.
      writes.push(meta.put(encodeTitleIndex(await dramas.getAll()), 'titleIndex'));
      // The popup's search index no longer matches the catalog: the next seed rebuilds it.
      // Only when something changed: a check that changes nothing must not force a reseed.
      writes.push(meta.delete('searchIndexFormat'));
    }
    await Promise.all([...writes, tx.done]);
  } catch (err) {
    abortQuietly(tx);
    await Promise.allSettled([...writes, tx.done]);
    if (err instanceof RemoteError) throw err;
    const quota = err instanceof DOMException && err.name === 'QuotaExceededError';
    throw new RemoteError({
      code: 'storage',
      ...(fresh.length === 1 ? { shard: fresh[0]!.dramaId } : {}),
      detail: quota ? 'the browser is out of storage space' : (err as Error).message,
    });
  } finally {
    forgetTitleIndex(db);
  }
}

type SwapTx = IDBPTransaction<
  BetweenTakesDB,
  ('meta' | 'dramas' | 'dramaFacts' | 'sources' | 'remoteShards')[],
  'readwrite'
>;

/**
 * Checks the new shards against the catalog as it will be after the swap: the
 * dramas stored now, less the shards removed (their bundled record back) and
 * less the records the new shards replace. Throws RemoteError naming the shard.
 */
async function checkAgainstCatalog(
  tx: SwapTx,
  fresh: RemoteShard[],
  removed: string[],
  bundled: CatalogPack,
): Promise<void> {
  const after = new Map((await tx.objectStore('dramas').getAll()).map((d) => [d.id, d]));
  for (const dramaId of removed) {
    after.delete(dramaId);
    const original = bundled.dramas.find((d) => d.id === dramaId);
    if (original) after.set(dramaId, original);
  }
  for (const shard of fresh) after.delete(shard.dramaId);
  const titles = new TitleRegister({ yearsTellApart: false });
  for (const drama of after.values()) titles.add(drama);
  for (const shard of fresh) {
    const [clash] = titles.clashesOf(shard.drama);
    if (clash) throw new RemoteError({ code: 'title-clash', shard: shard.dramaId, detail: describeShardClash(clash) });
    titles.add(shard.drama);
  }
}
