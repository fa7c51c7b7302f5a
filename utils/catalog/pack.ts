/**
 * The pack format: what the build compiles from data/ (kind "catalog"), what a
 * remote shard holds (a catalog pack with one drama), and what the viewer's
 * export writes (kind "own-facts"). One zod definition, documented in the
 * README's "Packs" section. A pack from outside is checked whole here, before
 * anything touches the database: size, JSON, hostile keys and strings, shape,
 * duplicate ids and references inside the pack. Checks against the database
 * (unknown drama, clashing ids) happen in the transaction that writes it.
 */
import { z } from '../validation/zod';
import { titleKeysOf } from './match-title';
import { fieldPath } from './compile';
import {
  castMemberSchema,
  DISGUISING_CHAR,
  episodeNumber,
  MARKUP,
  momentSeconds,
  slug,
  sourceSchema,
  text,
} from './schema';
import { PACK_FORMAT, type Drama, type Fact, type SourceRef } from './types';

/** The largest pack accepted, in bytes of JSON: far above any real catalog, far below a memory problem. */
export const MAX_PACK_BYTES = 5 * 1024 * 1024;
/** The most facts one pack may carry. */
export const MAX_PACK_FACTS = 10_000;
/** The most dramas one pack may carry. */
export const MAX_PACK_DRAMAS = 2_000;
/** The deepest a pack's JSON nests (a fact's people are 4 levels down): far below a stack overflow. */
export const MAX_PACK_DEPTH = 32;
/** The source id of facts the viewer wrote. */
export const OWN_SOURCE_ID = 'own';

/** Keys that would reach an object's prototype if any code ever merged a pack into an object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const packDramaSchema = z.strictObject({
  id: slug,
  title: text(120),
  titleKo: text(120),
  romanized: z.array(text(120)).check(z.minLength(1), z.maxLength(10)),
  aliases: z._default(z.array(text(120)).check(z.maxLength(50)), []),
  year: z.int().check(z.gte(1960), z.lte(2100)),
  network: text(40),
  season: z._default(z.int().check(z.gte(1), z.lte(20)), 1),
  episodes: episodeNumber,
  cast: z.array(castMemberSchema).check(z.minLength(1), z.maxLength(50)),
  /** Compiled packs carry them; they are always recomputed from the titles on import. */
  titleKeys: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100))),
});

/** A time in ms since 1970, as Date.now() gives it. */
const timestamp = z.int().check(z.gte(0), z.lte(8.64e15));

export const packFactSchema = z.strictObject({
  id: slug.check(z.maxLength(120)),
  dramaId: slug,
  /** The episode, or null for a fact about the whole drama. */
  episode: z.nullable(episodeNumber),
  text: text(600),
  people: z._default(z.array(text(80)).check(z.maxLength(20)), []),
  tags: z._default(z.array(slug.check(z.maxLength(40))).check(z.maxLength(20)), []),
  spoiler: z.boolean(),
  at: z.optional(momentSeconds),
  /** A drama-wide spoiler: the episode from which it gives nothing away (absent: the final episode). */
  spoilerFreeFrom: z.optional(episodeNumber),
  /** An id in the pack's sources, or "own" for a fact the viewer wrote. */
  sourceId: slug,
  /** Own-facts packs: when the viewer wrote and last changed the fact (ms since 1970); catalogs ignore them. */
  createdAt: z.optional(timestamp),
  updatedAt: z.optional(timestamp),
});

export const packSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  /** "catalog": dramas with their facts (the bundled pack, a remote shard); "own-facts": the viewer's facts. */
  kind: z._default(z.enum(['catalog', 'own-facts']), 'catalog'),
  version: text(100),
  dramas: z._default(z.array(packDramaSchema).check(z.maxLength(MAX_PACK_DRAMAS)), []),
  facts: z.array(packFactSchema).check(z.maxLength(MAX_PACK_FACTS)),
  sources: z._default(z.array(sourceSchema).check(z.maxLength(MAX_PACK_FACTS)), []),
});

export type Pack = z.output<typeof packSchema>;

/** Why a pack was refused: a code the UI words in the viewer's language, where, and a detail. */
export interface PackProblem {
  code:
    | 'too-large'
    | 'too-deep'
    | 'not-json'
    | 'forbidden-key'
    | 'markup'
    | 'control-chars'
    | 'shape'
    | 'duplicate-id'
    | 'unknown-drama'
    | 'unknown-source'
    | 'episode-past-end'
    | 'id-taken'
    | 'source-taken'
    | 'too-many-facts'
    | 'export-too-large'
    | 'wrong-kind'
    | 'storage';
  /** Where in the pack, e.g. `facts[2].text`; '' for the whole pack. */
  field: string;
  /** The offending value or the validator's reason, in English. */
  detail: string;
}

export type PackCheck = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

/** Thrown by database writes that refuse a pack; carries every problem found. */
export class PackError extends Error {
  constructor(readonly problems: PackProblem[]) {
    super(problems.map((p) => `${p.field || '(pack)'}: ${p.code}: ${p.detail}`).join('\n'));
    this.name = 'PackError';
  }
}

/** How many bytes `text` takes as UTF-8. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Walks parsed JSON for prototype keys, markup and control characters, reporting each with its path. */
function hostileContent(value: unknown, path: (string | number)[], problems: PackProblem[]): void {
  if (problems.length >= 50) return; // enough to explain the refusal
  if (typeof value === 'string') {
    const field = fieldPath(path);
    if (MARKUP.test(value)) problems.push({ code: 'markup', field, detail: value.slice(0, 80) });
    else if (DISGUISING_CHAR.test(value)) {
      problems.push({ code: 'control-chars', field, detail: JSON.stringify(value.slice(0, 80)) });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => hostileContent(item, [...path, i], problems));
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ code: 'forbidden-key', field: fieldPath([...path, key]), detail: key });
        continue;
      }
      hostileContent((value as Record<string, unknown>)[key], [...path, key], problems);
    }
  }
}

/** Duplicate ids and references that must resolve inside the pack itself. */
function crossCheck(pack: Pack): PackProblem[] {
  const problems: PackProblem[] = [];
  const duplicates = (ids: string[], list: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) problems.push({ code: 'duplicate-id', field: `${list}[${i}].id`, detail: id });
      seen.add(id);
    });
  };
  duplicates(
    pack.dramas.map((d) => d.id),
    'dramas',
  );
  duplicates(
    pack.facts.map((f) => f.id),
    'facts',
  );
  duplicates(
    pack.sources.map((s) => s.id),
    'sources',
  );
  const sourceIds = new Set(pack.sources.map((s) => s.id));
  const episodesByDrama = new Map(pack.dramas.map((d) => [d.id, d.episodes]));
  pack.facts.forEach((fact, i) => {
    const ownSource = pack.kind === 'own-facts' && fact.sourceId === OWN_SOURCE_ID;
    if (!ownSource && !sourceIds.has(fact.sourceId)) {
      problems.push({ code: 'unknown-source', field: `facts[${i}].sourceId`, detail: fact.sourceId });
    }
    if (pack.kind === 'catalog') {
      const episodes = episodesByDrama.get(fact.dramaId);
      if (episodes === undefined) {
        problems.push({ code: 'unknown-drama', field: `facts[${i}].dramaId`, detail: fact.dramaId });
      } else if (fact.episode !== null && fact.episode > episodes) {
        problems.push({
          code: 'episode-past-end',
          field: `facts[${i}].episode`,
          detail: `${fact.episode} > ${episodes}`,
        });
      } else if (fact.spoilerFreeFrom !== undefined && fact.spoilerFreeFrom > episodes) {
        problems.push({
          code: 'episode-past-end',
          field: `facts[${i}].spoilerFreeFrom`,
          detail: `${fact.spoilerFreeFrom} > ${episodes}`,
        });
      }
    }
  });
  if (pack.kind === 'own-facts' && pack.dramas.length > 0) {
    problems.push({ code: 'wrong-kind', field: 'dramas', detail: 'an own-facts pack carries no dramas' });
  }
  return problems;
}

/**
 * Whether JSON text nests arrays and objects deeper than `max`, read without
 * parsing (brackets inside strings do not count), so that a hostile file of
 * [[[[… is refused before any recursive walk could overflow the stack.
 */
export function nestsDeeperThan(json: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** JSON.parse, refusing first what nests deeper than `maxDepth`. */
export function parseJson(
  json: string,
  maxDepth: number,
): { ok: true; value: unknown } | { ok: false; problem: PackProblem } {
  if (nestsDeeperThan(json, maxDepth)) {
    return { ok: false, problem: { code: 'too-deep', field: '', detail: `more than ${maxDepth} levels` } };
  }
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch (err) {
    return { ok: false, problem: { code: 'not-json', field: '', detail: (err as Error).message } };
  }
}

/**
 * Checks a pack's text whole: size, nesting, JSON, hostile content, shape, and its own
 * cross-references. Nothing is written; the caller writes only an ok pack.
 */
export function checkPackText(json: string): PackCheck {
  if (utf8Bytes(json) > MAX_PACK_BYTES) {
    return { ok: false, problems: [{ code: 'too-large', field: '', detail: `${utf8Bytes(json)} bytes` }] };
  }
  const parsed = parseJson(json, MAX_PACK_DEPTH);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const hostile: PackProblem[] = [];
  hostileContent(parsed.value, [], hostile);
  if (hostile.length > 0) return { ok: false, problems: hostile };
  const result = packSchema.safeParse(parsed.value);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.slice(0, 50).map((issue) => ({
        code: 'shape',
        field: issue.path.length > 0 ? fieldPath(issue.path) : '',
        detail: issue.message,
      })),
    };
  }
  const problems = crossCheck(result.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, pack: result.data };
}

/** A pack drama as the database stores it, title keys recomputed from its titles. */
export function toDrama(drama: Pack['dramas'][number]): Drama {
  const { titleKeys: _ignored, ...rest } = drama;
  return { ...rest, titleKeys: titleKeysOf(drama) };
}

/** A pack fact as the catalog stores it (the viewer's timestamps left out). */
export function toFact(fact: Pack['facts'][number]): Fact {
  const { createdAt: _created, updatedAt: _updated, ...rest } = fact;
  return rest;
}

/** A pack source as the catalog stores it. */
export function toSource(source: Pack['sources'][number]): SourceRef {
  return { ...source };
}
