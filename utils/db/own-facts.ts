/**
 * The viewer's own facts: add, edit, delete, export as a pack and import a
 * pack. They live in the `ownFacts` store, which catalog seeds and remote
 * updates never touch; an import only ever adds facts, never changes or
 * removes one the viewer already has.
 */
import { z } from '../validation/zod';
import { contentHash } from '../catalog/compile';
import {
  checkPackText,
  MAX_PACK_BYTES,
  MAX_PACK_FACTS,
  OWN_SOURCE_ID,
  PackError,
  utf8Bytes,
  type Pack,
  type PackProblem,
} from '../catalog/pack';
import { packFileText } from '../catalog/pack-file';
import { episodeNumber, stripDisguising, typedText } from '../catalog/schema';
import { PACK_FORMAT, type Fact, type SourceRef } from '../catalog/types';
import type { IDBPObjectStore } from 'idb';
import { abortQuietly, type BetweenTakesDB, type CatalogDb, type OwnFact } from './database';

/** What the viewer types into the fact editor. */
export const ownFactDraftSchema = z.strictObject({
  dramaId: z.string().check(z.minLength(1), z.maxLength(100)),
  /** The episode, or null for a fact about the whole drama. */
  episode: z.nullable(episodeNumber),
  text: typedText(600),
  people: z._default(z.array(typedText(80)).check(z.maxLength(20)), []),
  spoiler: z._default(z.boolean(), false),
});

export type OwnFactDraft = z.input<typeof ownFactDraftSchema>;

/** Why a draft was refused, worded by the UI: the field and a code. */
export interface DraftProblem {
  field: 'text' | 'episode' | 'dramaId' | 'people' | 'id';
  code:
    | 'invalid'
    | 'unknown-drama'
    | 'episode-past-end'
    | 'not-found'
    | 'storage-unavailable'
    /** The viewer already has as many facts as one export carries (MAX_PACK_FACTS). */
    | 'too-many-facts'
    /** The viewer's facts would no longer fit in one export file (MAX_PACK_BYTES). */
    | 'export-too-large';
  detail: string;
}

export class DraftError extends Error {
  constructor(readonly problems: DraftProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.detail}`).join('; '));
    this.name = 'DraftError';
  }
}

/** A new own-fact id: a slug unlikely to clash with any catalog or imported id. */
function newOwnFactId(now = Date.now()): string {
  const random = Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return `own-${now.toString(36)}-${random}`;
}

async function checkDraft(db: CatalogDb, draft: OwnFactDraft): Promise<z.output<typeof ownFactDraftSchema>> {
  const parsed = ownFactDraftSchema.safeParse(draft);
  if (!parsed.success) {
    throw new DraftError(
      parsed.error.issues.map((issue) => ({
        field: (['text', 'episode', 'dramaId', 'people'].includes(String(issue.path[0]))
          ? issue.path[0]
          : 'text') as DraftProblem['field'],
        code: 'invalid',
        detail: issue.message,
      })),
    );
  }
  const drama = await db.get('dramas', parsed.data.dramaId);
  if (!drama) throw new DraftError([{ field: 'dramaId', code: 'unknown-drama', detail: parsed.data.dramaId }]);
  if (parsed.data.episode !== null && parsed.data.episode > drama.episodes) {
    throw new DraftError([
      { field: 'episode', code: 'episode-past-end', detail: `${parsed.data.episode} > ${drama.episodes}` },
    ]);
  }
  return parsed.data;
}

/**
 * Writes a change to the viewer's facts (`change` turns them all into what they
 * would be after it) only when every fact still fits in one export that import
 * accepts: at most MAX_PACK_FACTS facts, at most MAX_PACK_BYTES of file. A change
 * that does not grow a measure already past its limit (an edit that shortens a
 * fact, in a store filled before the limit) is let through. The check and the
 * write are one transaction, so two adds at the cap cannot both get in.
 */
async function writeWithinLimits(
  db: CatalogDb,
  change: (mine: OwnFact[]) => OwnFact[] | DraftProblem,
  write: (store: OwnFactsStore) => Promise<unknown>,
): Promise<void> {
  const tx = db.transaction(['ownFacts', 'sources'], 'readwrite');
  try {
    const mine = await tx.objectStore('ownFacts').getAll();
    const after = change(mine);
    if (!Array.isArray(after)) throw new DraftError([after]);
    const problem = await limitProblem(mine, after, (id) => tx.objectStore('sources').get(id));
    if (problem) throw new DraftError([{ field: 'text', ...problem }]);
    await Promise.all([write(tx.objectStore('ownFacts')), tx.done]);
  } catch (err) {
    abortQuietly(tx);
    await tx.done.catch(() => undefined);
    throw err;
  }
}

type OwnFactsStore = IDBPObjectStore<BetweenTakesDB, ['ownFacts', 'sources'], 'ownFacts', 'readwrite'>;

/** Adds a fact the viewer wrote; returns it as stored. Throws DraftError for a bad draft or at the cap. */
export async function addOwnFact(db: CatalogDb, draft: OwnFactDraft, now = Date.now()): Promise<OwnFact> {
  const ok = await checkDraft(db, draft);
  const fact: OwnFact = {
    id: newOwnFactId(now),
    dramaId: ok.dramaId,
    episode: ok.episode,
    episodeKey: ok.episode ?? 0,
    seq: now,
    text: ok.text,
    people: ok.people,
    tags: [],
    spoiler: ok.spoiler,
    sourceId: OWN_SOURCE_ID,
    createdAt: now,
    updatedAt: now,
  };
  await writeWithinLimits(
    db,
    (mine) => [...mine, fact],
    (store) => store.add(fact),
  );
  return fact;
}

/** Changes one of the viewer's facts, keeping its id and creation time. */
export async function updateOwnFact(
  db: CatalogDb,
  id: string,
  draft: OwnFactDraft,
  now = Date.now(),
): Promise<OwnFact> {
  const ok = await checkDraft(db, draft);
  let fact: OwnFact | undefined;
  await writeWithinLimits(
    db,
    (mine) => {
      const existing = mine.find((f) => f.id === id);
      if (!existing) return { field: 'id', code: 'not-found', detail: id };
      const changed: OwnFact = {
        ...existing,
        dramaId: ok.dramaId,
        episode: ok.episode,
        episodeKey: ok.episode ?? 0,
        text: ok.text,
        people: ok.people,
        spoiler: ok.spoiler,
        updatedAt: now,
      };
      fact = changed;
      return mine.map((f) => (f.id === id ? changed : f));
    },
    (store) => store.put(fact!),
  );
  return fact!;
}

/** Deletes one of the viewer's facts; returns whether it existed. */
export async function deleteOwnFact(db: CatalogDb, id: string): Promise<boolean> {
  const tx = db.transaction('ownFacts', 'readwrite');
  const existed = (await tx.store.getKey(id)) !== undefined;
  if (existed) await tx.store.delete(id);
  await tx.done;
  return existed;
}

type PackFact = Pack['facts'][number];

/** What a fact says, every field a pack carries but the viewer's timestamps: in a fixed order. */
function packFactContent(fact: Fact): PackFact {
  const out: PackFact = {
    id: fact.id,
    dramaId: fact.dramaId,
    episode: fact.episode,
    text: fact.text,
    people: fact.people,
    tags: fact.tags,
    spoiler: fact.spoiler,
    sourceId: fact.sourceId,
  };
  if (fact.at !== undefined) out.at = fact.at;
  if (fact.spoilerFreeFrom !== undefined) out.spoilerFreeFrom = fact.spoilerFreeFrom;
  return out;
}

/**
 * One of the viewer's facts as an own-facts pack carries it: every field,
 * timestamps included; text saved before disguising characters were removed
 * from what the viewer types loses them, so that the pack imports.
 */
function ownPackFact(fact: OwnFact): PackFact {
  const content = packFactContent(fact);
  return {
    ...content,
    text: stripDisguising(content.text),
    people: content.people.map(stripDisguising),
    createdAt: fact.createdAt,
    updatedAt: fact.updatedAt,
  };
}

/** A source as a pack carries it: the fields the pack format knows, in a fixed order. */
function packSource(source: SourceRef): SourceRef {
  const out: SourceRef = { id: source.id, title: source.title };
  if (source.publisher !== undefined) out.publisher = source.publisher;
  if (source.url !== undefined) out.url = source.url;
  if (source.date !== undefined) out.date = source.date;
  if (source.ref !== undefined) out.ref = source.ref;
  return out;
}

function sameSource(a: SourceRef, b: SourceRef): boolean {
  return JSON.stringify(packSource(a)) === JSON.stringify(packSource(b));
}

/**
 * The viewer's facts as an "own-facts" pack, oldest first, with the source of
 * every fact that names one. A fact imported before sources were kept with it
 * falls back to the catalog's source of that id, or to a source named by its id
 * alone: the pack must always import again.
 */
async function ownFactsPack(
  own: readonly OwnFact[],
  catalogSource: (id: string) => Promise<SourceRef | undefined>,
): Promise<Pack> {
  const sorted = [...own].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const sources = new Map<string, SourceRef>();
  for (const fact of sorted) {
    if (fact.sourceId === OWN_SOURCE_ID || sources.has(fact.sourceId)) continue;
    const source = fact.source ?? (await catalogSource(fact.sourceId));
    sources.set(fact.sourceId, source ? packSource(source) : { id: fact.sourceId, title: fact.sourceId.slice(0, 200) });
  }
  const body = { facts: sorted.map(ownPackFact), sources: [...sources.values()] };
  return {
    format: PACK_FORMAT,
    kind: 'own-facts',
    version: contentHash(JSON.stringify(body)),
    dramas: [],
    ...body,
  };
}

/** The number of facts, and the bytes of the file an export of them writes. */
async function exportMeasures(
  facts: readonly OwnFact[],
  catalogSource: (id: string) => Promise<SourceRef | undefined>,
): Promise<{ facts: number; bytes: number }> {
  return { facts: facts.length, bytes: utf8Bytes(packFileText(await ownFactsPack(facts, catalogSource))) };
}

/**
 * Why `after` would no longer export as one file import accepts (and `before`
 * was not already as far past that limit), or null.
 */
async function limitProblem(
  before: readonly OwnFact[],
  after: readonly OwnFact[],
  catalogSource: (id: string) => Promise<SourceRef | undefined>,
): Promise<{ code: 'too-many-facts' | 'export-too-large'; detail: string } | null> {
  if (after.length > MAX_PACK_FACTS && after.length > before.length) {
    return { code: 'too-many-facts', detail: `${after.length} facts` };
  }
  const next = await exportMeasures(after, catalogSource);
  if (next.bytes <= MAX_PACK_BYTES) return null;
  const now = await exportMeasures(before, catalogSource);
  return next.bytes > now.bytes ? { code: 'export-too-large', detail: `${next.bytes} bytes` } : null;
}

/** Every fact the viewer wrote, as an "own-facts" pack (the documented pack format). */
export async function exportOwnFacts(db: CatalogDb): Promise<Pack> {
  const tx = db.transaction(['ownFacts', 'sources'], 'readonly');
  const pack = await ownFactsPack(await tx.objectStore('ownFacts').getAll(), (id) => tx.objectStore('sources').get(id));
  await tx.done;
  return pack;
}

/** What an import did. */
export interface ImportSummary {
  added: number;
  /** Facts the viewer already had, identical: left as they are. */
  alreadyThere: number;
}

/** The same fact, whatever its timestamps: importing a pack twice adds nothing. */
function sameFact(a: Fact, b: Fact): boolean {
  return JSON.stringify(packFactContent(a)) === JSON.stringify(packFactContent(b));
}

function isQuotaError(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'QuotaExceededError';
}

/**
 * Imports an "own-facts" pack: checked whole (checkPackText, then against the
 * catalog and the viewer's facts) and written in one transaction, or not at all.
 * Throws PackError listing every problem; the database is then as it was.
 */
export async function importOwnFactsPack(db: CatalogDb, json: string, now = Date.now()): Promise<ImportSummary> {
  const checked = checkPackText(json);
  if (!checked.ok) throw new PackError(checked.problems);
  const pack = checked.pack;
  if (pack.kind !== 'own-facts') {
    throw new PackError([
      { code: 'wrong-kind', field: 'kind', detail: `${pack.kind}: add catalog packs as a remote pack` },
    ]);
  }

  const tx = db.transaction(['dramas', 'ownFacts', 'sources'], 'readwrite');
  const problems: PackProblem[] = [];
  const toWrite: OwnFact[] = [];
  let alreadyThere = 0;
  try {
    const dramas = new Map((await tx.objectStore('dramas').getAll()).map((d) => [d.id, d]));
    const ownFacts = tx.objectStore('ownFacts');
    const mine = await ownFacts.getAll();
    const mineById = new Map(mine.map((f) => [f.id, f]));
    // A source of the pack must not differ from a source of the same id the viewer's facts already carry.
    const heldSources = new Map(mine.flatMap((f) => (f.source ? [[f.source.id, f.source] as const] : [])));
    const usedSources = new Set(pack.facts.map((f) => f.sourceId));
    const packSources = new Map<string, SourceRef>();
    pack.sources.forEach((source, j) => {
      if (!usedSources.has(source.id)) return;
      const held = heldSources.get(source.id);
      if (held && !sameSource(held, source)) {
        problems.push({ code: 'source-taken', field: `sources[${j}].id`, detail: source.id });
      }
      packSources.set(source.id, packSource(source));
    });
    for (const [i, fact] of pack.facts.entries()) {
      const drama = dramas.get(fact.dramaId);
      if (!drama) {
        problems.push({ code: 'unknown-drama', field: `facts[${i}].dramaId`, detail: fact.dramaId });
        continue;
      }
      if (fact.episode !== null && fact.episode > drama.episodes) {
        problems.push({
          code: 'episode-past-end',
          field: `facts[${i}].episode`,
          detail: `${fact.episode} > ${drama.episodes}`,
        });
        continue;
      }
      const existing = mineById.get(fact.id);
      if (existing) {
        if (sameFact(existing, fact)) alreadyThere++;
        else problems.push({ code: 'id-taken', field: `facts[${i}].id`, detail: fact.id });
        continue;
      }
      const createdAt = fact.createdAt ?? now + i;
      const source = packSources.get(fact.sourceId);
      toWrite.push({
        ...packFactContent(fact),
        episodeKey: fact.episode ?? 0,
        seq: createdAt,
        createdAt,
        updatedAt: fact.updatedAt ?? now,
        ...(source ? { source } : {}),
      });
    }
    if (problems.length === 0 && toWrite.length > 0) {
      const limit = await limitProblem(mine, [...mine, ...toWrite], (id) => tx.objectStore('sources').get(id));
      if (limit) problems.push({ ...limit, field: '' });
    }
    if (problems.length > 0) {
      abortQuietly(tx);
      await tx.done.catch(() => undefined);
      throw new PackError(problems);
    }
    const writes: Promise<unknown>[] = toWrite.map((fact) => ownFacts.add(fact));
    await Promise.all([...writes, tx.done]);
  } catch (err) {
    abortQuietly(tx);
    await tx.done.catch(() => undefined);
    if (err instanceof PackError) throw err;
    if (isQuotaError(err))
      throw new PackError([{ code: 'storage', field: '', detail: 'the browser is out of storage space' }]);
    throw new PackError([{ code: 'storage', field: '', detail: (err as Error).message }]);
  }
  return { added: toWrite.length, alreadyThere };
}
