/**
 * How the background reaches the catalog: the IndexedDB database, opened and
 * seeded once per worker start, or — when IndexedDB cannot be opened at all
 * (Firefox private browsing, a corrupted profile, `indexedDB` undefined, an
 * `open()` that errors) — the bundled pack in memory. In memory, lookups still
 * answer, but nothing of the viewer's can be read or saved, and callers say so
 * instead of pretending to save.
 */
import type { CatalogPack } from '../catalog/types';
import { markOnce } from '../perf-marks';
import { idbReader, memoryReader, type CatalogReader } from './catalog-reader';
import { ensureSeeded } from './seed';
import type { CatalogDb } from './database';

/** The catalog as the background can reach it now. */
export type CatalogAccess =
  { kind: 'idb'; db: CatalogDb; reader: CatalogReader } | { kind: 'memory'; reader: CatalogReader; reason: string };

/** Opens the database; `onClosed` is called when the connection closed itself (a newer version upgrades). */
export type DbOpener = (onClosed: () => void) => Promise<CatalogDb>;

/** The catalog the extension ships: its version (known without reading it) and the pack itself, read on demand. */
export interface BundledCatalog {
  version: string;
  load(): Promise<CatalogPack>;
}

/**
 * A memoised accessor: the first call opens the database and seeds it when its
 * catalog is not the bundled version (one read-only look otherwise: the pack is
 * not even read). When opening fails, every later call gets the in-memory
 * catalog (until the worker restarts and tries again); when only seeding fails,
 * the next call tries again.
 */
export function createCatalogAccess(open: DbOpener, bundled: BundledCatalog): () => Promise<CatalogAccess> {
  let access: Promise<CatalogAccess> | undefined;
  return () => {
    access ??= (async (): Promise<CatalogAccess> => {
      let db: CatalogDb;
      try {
        db = await open(() => (access = undefined));
        markOnce('bt-db-open');
      } catch (err) {
        const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        console.warn('Between Takes: IndexedDB is unavailable, using the built-in catalog in memory.', reason);
        return { kind: 'memory', reader: memoryReader(await bundled.load()), reason };
      }
      await ensureSeeded(db, bundled.version, () => bundled.load());
      markOnce('bt-catalog-ready');
      return { kind: 'idb', db, reader: idbReader(db) };
    })().catch((err: unknown) => {
      access = undefined; // a failed seed: let the next message try again
      throw err;
    });
    return access;
  };
}
