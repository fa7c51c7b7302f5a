/**
 * The title index: every key a drama can be found under (match-title.ts), with
 * what matching and the episode check need of the drama (id, season, year,
 * number of episodes) and nothing else. Stored at seed time as one string in
 * the `meta` store, which IndexedDB hands back as one copy, and loaded once per
 * background start: matching a page's title then reads nothing, and a lookup is
 * one read of the matched drama's record (reads.ts).
 */
import type { Drama } from '../catalog/types';
import type { CatalogDb } from './database';

/** A drama as the title index knows it. */
export interface TitleEntry {
  id: string;
  season: number;
  year: number;
  episodes: number;
}

/** The loaded index: the dramas a key names, and a drama's entry by id (a correction names one by id). */
export interface TitleIndex {
  candidates(key: string): TitleEntry[];
  byId(id: string): TitleEntry | undefined;
}

/** Separators no title key or drama id holds (keys drop control characters; ids are slugs). */
const FIELD = '\u001f';
const LINE = '\u001e';

/** One line per drama: id, season, year, episodes, then its keys. */
export function encodeTitleIndex(dramas: Iterable<Pick<Drama, 'id' | 'season' | 'year' | 'episodes' | 'titleKeys'>>) {
  const lines: string[] = [];
  for (const d of dramas) lines.push([d.id, d.season, d.year, d.episodes, ...d.titleKeys].join(FIELD));
  return lines.join(LINE);
}

/** The index from its stored form; a line that does not parse is left out rather than guessed at. */
export function decodeTitleIndex(text: string): TitleIndex {
  return titleIndexOf(
    (text ? text.split(LINE) : []).flatMap((line) => {
      const [id, season, year, episodes, ...titleKeys] = line.split(FIELD);
      const numbers = [season, year, episodes].map(Number);
      if (!id || numbers.some((n) => !Number.isInteger(n))) return [];
      return [{ id, season: numbers[0]!, year: numbers[1]!, episodes: numbers[2]!, titleKeys }];
    }),
  );
}

/** The index over dramas in memory (the no-IndexedDB fallback, and decodeTitleIndex). */
export function titleIndexOf(dramas: Iterable<Pick<Drama, 'id' | 'season' | 'year' | 'episodes' | 'titleKeys'>>) {
  const byKey = new Map<string, TitleEntry[]>();
  const byId = new Map<string, TitleEntry>();
  for (const { id, season, year, episodes, titleKeys } of dramas) {
    const entry = { id, season, year, episodes };
    byId.set(id, entry);
    for (const key of titleKeys) {
      const list = byKey.get(key);
      if (list) list.push(entry);
      else byKey.set(key, [entry]);
    }
  }
  return {
    candidates: (key: string) => byKey.get(key) ?? [],
    byId: (id: string) => byId.get(id),
  } satisfies TitleIndex;
}

const loaded = new WeakMap<CatalogDb, Promise<TitleIndex>>();

/**
 * The title index of a database connection: read once, then kept until a
 * write to the catalog (seed.ts, remote-packs.ts) forgets it. A database
 * seeded before the index was stored has none: its dramas answer instead.
 */
export function titleIndexFor(db: CatalogDb): Promise<TitleIndex> {
  let index = loaded.get(db);
  if (!index) {
    index = (async () => {
      const stored = await db.get('meta', 'titleIndex');
      return typeof stored === 'string' ? decodeTitleIndex(stored) : titleIndexOf(await db.getAll('dramas'));
    })();
    index.catch(() => loaded.delete(db));
    loaded.set(db, index);
  }
  return index;
}

/** Keeps an index just read (with the catalog's version, at a background start). */
export function rememberTitleIndex(db: CatalogDb, index: TitleIndex): void {
  loaded.set(db, Promise.resolve(index));
}

/** After a write to the catalog: the next lookup reads the index again. */
export function forgetTitleIndex(db: CatalogDb): void {
  loaded.delete(db);
}
