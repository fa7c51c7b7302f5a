/**
 * How the background reaches the catalog: the IndexedDB database, opened and
 * seeded once per worker start, or — when IndexedDB cannot be opened at all
 * (Firefox private browsing, a corrupted profile, `indexedDB` undefined, an
 * `open()` that errors) — the bundled pack in memory. In memory, lookups still
 * answer, but nothing of the viewer's can be read or saved, and callers say so
 * instead of pretending to save.
 */
import type { CatalogPack } from '../catalog/types';
import { idbReader, memoryReader, type CatalogReader } from './catalog-reader';
import { seedCatalog } from './seed';
import type { CatalogDb } from './database';

/** The catalog as the background can reach it now. */
export type CatalogAccess =
  { kind: 'idb'; db: CatalogDb; reader: CatalogReader } | { kind: 'memory'; reader: CatalogReader; reason: string };

/** Opens the database; `onClosed` is called when the connection closed itself (a newer version upgrades). */
export type DbOpener = (onClosed: () => void) => Promise<CatalogDb>;

/**
 * A memoised accessor: the first call opens and seeds the database. When
 * opening fails, every later call gets the in-memory catalog (until the worker
 * restarts and tries again); when only seeding fails, the next call tries again.
 */
export function createCatalogAccess(open: DbOpener, pack: CatalogPack): () => Promise<CatalogAccess> {
  let access: Promise<CatalogAccess> | undefined;
  return () => {
    access ??= (async (): Promise<CatalogAccess> => {
      let db: CatalogDb;
      try {
        db = await open(() => (access = undefined));
      } catch (err) {
        const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        console.warn('Between Takes: IndexedDB is unavailable, using the built-in catalog in memory.', reason);
        return { kind: 'memory', reader: memoryReader(pack), reason };
      }
      await seedCatalog(db, pack);
      return { kind: 'idb', db, reader: idbReader(db) };
    })().catch((err: unknown) => {
      access = undefined; // a failed seed: let the next message try again
      throw err;
    });
    return access;
  };
}
