/**
 * Remote packs: how the catalog grows past what ships in the extension. A
 * static host (any CDN, no server of our own) serves a manifest naming one
 * shard per drama with its sha256; an update fetches only shards whose hash
 * changed, verifies each hash and schema, and swaps them all in one
 * transaction. Any failure — network, hash, schema, a clash with another
 * drama's ids — changes nothing and says which shard and why.
 *
 * The host must send `Access-Control-Allow-Origin` (e.g. `*`): the extension
 * fetches cross-origin without host permissions, which CORS allows.
 */
import { z } from 'zod';
import { checkPackText, toDrama, toFact, toSource, type PackProblem } from '../catalog/pack';
import { text } from '../catalog/schema';
import { PACK_FORMAT, type CatalogPack } from '../catalog/types';
import { abortQuietly, toStoredFact, type CatalogDb, type RemoteShard } from './database';
import { seedCatalog } from './seed';

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
        dramaId: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
        /** Relative to the manifest's URL, or absolute (http or https). */
        url: z.string().min(1).max(2000),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
        bytes: z.number().int().min(1).max(MAX_SHARD_BYTES),
      }),
    )
    .max(5000),
});

export type Manifest = z.output<typeof manifestSchema>;

/** Why an update failed: a code the UI words, the shard (drama id) if any, and a detail. */
export interface RemoteProblem {
  code: 'bad-url' | 'network' | 'http' | 'too-large' | 'bad-manifest' | 'hash-mismatch' | 'bad-shard' | 'storage';
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

async function fetchBytes(fetcher: Fetcher, url: string, max: number, shard?: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetcher(url, { cache: 'no-cache', credentials: 'omit', redirect: 'follow' });
  } catch (err) {
    throw new RemoteError({
      code: 'network',
      detail: `${url}: ${(err as Error).message}`,
      ...(shard ? { shard } : {}),
    });
  }
  if (!response.ok) {
    throw new RemoteError({ code: 'http', detail: `${url}: HTTP ${response.status}`, ...(shard ? { shard } : {}) });
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > max) {
    throw new RemoteError({ code: 'too-large', detail: `${url}: ${bytes.length} bytes`, ...(shard ? { shard } : {}) });
  }
  return bytes;
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

/** Fetches and checks one shard: hash, pack schema, exactly the one drama the manifest names. */
async function fetchShard(
  fetcher: Fetcher,
  manifestUrl: string,
  entry: Manifest['shards'][number],
  now: number,
): Promise<RemoteShard> {
  const shard = entry.dramaId;
  const url = parseRemoteUrl(entry.url, manifestUrl);
  if (!url) throw new RemoteError({ code: 'bad-url', shard, detail: entry.url });
  const bytes = await fetchBytes(fetcher, url.href, MAX_SHARD_BYTES, shard);
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
    manifestUrl,
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
    const manifestBytes = await fetchBytes(fetcher, base.href, MAX_MANIFEST_BYTES);
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

    const stored = new Map((await db.getAll('remoteShards')).map((s) => [s.dramaId, s]));
    const changed = manifest.shards.filter((s) => stored.get(s.dramaId)?.sha256 !== s.sha256);
    const removed = [...stored.keys()].filter((id) => !ids.includes(id));
    // Fetched one at a time: a small catalog update, and the first failure stops it.
    const fresh: RemoteShard[] = [];
    for (const entry of changed) fresh.push(await fetchShard(fetcher, base.href, entry, now));

    await swapShards(db, fresh, removed, bundled, manifest.version);
    // The popup's search index must know the new dramas now, not after the next worker start.
    if (fresh.length > 0 || removed.length > 0) await seedCatalog(db, bundled);
    return {
      ok: true,
      version: manifest.version,
      updated: fresh.map((s) => s.dramaId),
      removed,
      unchanged: manifest.shards.length - changed.length,
    };
  } catch (err) {
    if (err instanceof RemoteError) return { ok: false, problem: err.problem };
    return { ok: false, problem: { code: 'storage', detail: (err as Error).message } };
  }
}

/** Writes the new shards and drops the removed ones in one transaction; throws RemoteError and writes nothing on a clash. */
async function swapShards(
  db: CatalogDb,
  fresh: RemoteShard[],
  removed: string[],
  bundled: CatalogPack,
  version: string,
): Promise<void> {
  const tx = db.transaction(['meta', 'dramas', 'facts', 'sources', 'remoteShards'], 'readwrite');
  const dramas = tx.objectStore('dramas');
  const facts = tx.objectStore('facts');
  const byDrama = facts.index('byDramaEpisode');
  const writes: Promise<unknown>[] = [];
  const dropDramaFacts = async (dramaId: string) => {
    const keys = await byDrama.getAllKeys(IDBKeyRange.bound([dramaId, 0], [dramaId, Infinity]));
    for (const key of keys) writes.push(facts.delete(key));
  };
  try {
    for (const shard of fresh) {
      // A fact id already used by another drama would overwrite that drama's fact.
      for (const fact of shard.facts) {
        const existing = await facts.get(fact.id);
        if (existing && existing.dramaId !== shard.dramaId) {
          throw new RemoteError({
            code: 'bad-shard',
            shard: shard.dramaId,
            detail: `fact id ${fact.id} belongs to ${existing.dramaId}`,
          });
        }
      }
      await dropDramaFacts(shard.dramaId);
      writes.push(dramas.put(shard.drama));
      shard.facts.forEach((fact, seq) => writes.push(facts.put(toStoredFact(fact, seq))));
      for (const source of shard.sources) writes.push(tx.objectStore('sources').put(source));
      writes.push(tx.objectStore('remoteShards').put(shard));
    }
    for (const dramaId of removed) {
      await dropDramaFacts(dramaId);
      writes.push(dramas.delete(dramaId), tx.objectStore('remoteShards').delete(dramaId));
      const original = bundled.dramas.find((d) => d.id === dramaId);
      if (original) {
        writes.push(dramas.put(original));
        bundled.facts.forEach((fact, seq) => {
          if (fact.dramaId === dramaId) writes.push(facts.put(toStoredFact(fact, seq)));
        });
      }
    }
    writes.push(tx.objectStore('meta').put(version, 'remoteVersion'));
    // The popup's search index no longer matches the catalog: the next seed rebuilds it.
    writes.push(tx.objectStore('meta').delete('searchIndexFormat'));
    await Promise.all([...writes, tx.done]);
  } catch (err) {
    abortQuietly(tx);
    await Promise.allSettled([...writes, tx.done]);
    if (err instanceof RemoteError) throw err;
    const quota = err instanceof DOMException && err.name === 'QuotaExceededError';
    throw new RemoteError({
      code: 'storage',
      detail: quota ? 'the browser is out of storage space' : (err as Error).message,
    });
  }
}
