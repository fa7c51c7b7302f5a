/**
 * Compiles the human-editable catalog (data/sources.json + data/dramas/*.json)
 * into the pack the extension ships. Every problem is reported with the file, the
 * field and the reason, all at once, so a contributor fixes a file in one pass.
 */
import type { z } from '../validation/zod';
import { titleKeysOf } from './match-title';
import { describeClash, TitleRegister } from './title-clash';
import { dramaFileSchema, sourcesFileSchema, UNDATED } from './schema';
import { PACK_FORMAT, type CatalogPack, type Drama, type Fact, type SourceRef } from './types';

/** A catalog file as read from disk: its path (for messages) and its text. */
export interface CatalogFile {
  path: string;
  text: string;
}

/** One thing wrong with one field of one file. */
export interface CatalogProblem {
  file: string;
  field: string;
  reason: string;
}

export class CatalogError extends Error {
  constructor(readonly problems: CatalogProblem[]) {
    super(
      `The catalog has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${p.file}: ${p.field}: ${p.reason}`).join('\n'),
    );
    this.name = 'CatalogError';
  }
}

/** Formats a zod issue path as `facts[2].episode`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(whole file)';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function parseFile<T extends z.ZodMiniType>(
  file: CatalogFile,
  schema: T,
  problems: CatalogProblem[],
): z.output<T> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (err) {
    problems.push({ file: file.path, field: '(whole file)', reason: `not valid JSON: ${(err as Error).message}` });
    return undefined;
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file: file.path, field: fieldPath(issue.path), reason: issue.message });
    }
    return undefined;
  }
  return result.data;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * Validates and compiles the catalog. Throws a CatalogError listing every
 * problem; returns the pack when there are none.
 */
export function compileCatalog(sourcesFile: CatalogFile, dramaFiles: CatalogFile[]): CatalogPack {
  const problems: CatalogProblem[] = [];
  const sourcesDoc = parseFile(sourcesFile, sourcesFileSchema, problems);
  const sources: SourceRef[] = (sourcesDoc?.sources ?? []).map(({ date, ...source }) =>
    date === UNDATED ? source : { ...source, date },
  );
  const sourceIds = new Set(sources.map((s) => s.id));

  const dramas: Drama[] = [];
  const facts: Fact[] = [];
  const dramaFileById = new Map<string, string>();
  const factFileById = new Map<string, string>();
  const titles = new TitleRegister({ yearsTellApart: true });

  for (const file of [...dramaFiles].sort((a, b) => a.path.localeCompare(b.path))) {
    const doc = parseFile(file, dramaFileSchema, problems);
    if (!doc) continue;
    const problem = (field: string, reason: string) => problems.push({ file: file.path, field, reason });

    if (baseName(file.path) !== `${doc.id}.json`) {
      problem('id', `the file must be named after the drama's id: "${doc.id}.json"`);
    }
    const otherFile = dramaFileById.get(doc.id);
    if (otherFile) problem('id', `"${doc.id}" is already the id of the drama in ${otherFile}`);
    dramaFileById.set(doc.id, file.path);

    const titleKeys = titleKeysOf(doc);
    // Two dramas may share a title only when their years tell them apart (title-clash.ts).
    for (const clash of titles.clashesOf(doc)) {
      problem(clash.index === 0 ? 'title' : 'aliases', describeClash(clash));
    }
    titles.add(doc);

    dramas.push({
      id: doc.id,
      title: doc.title,
      titleKo: doc.titleKo,
      romanized: doc.romanized,
      aliases: doc.aliases,
      year: doc.year,
      network: doc.network,
      season: doc.season,
      episodes: doc.episodes,
      cast: doc.cast,
      titleKeys,
    });

    doc.facts.forEach((fact, i) => {
      const otherFactFile = factFileById.get(fact.id);
      if (otherFactFile) problem(`facts[${i}].id`, `"${fact.id}" is already the id of a fact in ${otherFactFile}`);
      factFileById.set(fact.id, file.path);
      if (!sourceIds.has(fact.source)) {
        problem(`facts[${i}].source`, `"${fact.source}" is not an id in ${sourcesFile.path}`);
      }
      facts.push({
        id: fact.id,
        dramaId: doc.id,
        episode: fact.episode === 'final' ? doc.episodes : (fact.episode ?? null),
        text: fact.text,
        people: fact.people,
        tags: fact.tags,
        spoiler: fact.spoiler,
        ...(fact.at === undefined ? {} : { at: fact.at }),
        ...(fact.spoilerFreeFrom === undefined
          ? {}
          : { spoilerFreeFrom: fact.spoilerFreeFrom === 'final' ? doc.episodes : fact.spoilerFreeFrom }),
        sourceId: fact.source,
      });
    });
  }

  if (problems.length > 0) throw new CatalogError(problems);
  const body = { dramas, facts, sources };
  return { format: PACK_FORMAT, version: contentHash(JSON.stringify(body)), ...body };
}

/** A short, stable hash of a string (cyrb53): enough to tell catalog versions apart. */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
