import type { CatalogDb } from '../../utils/db/database';

/** Every record of every store, keyed by store name: to compare a database before and after. */
export async function dumpDb(db: CatalogDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of [...db.objectStoreNames].sort()) {
    const tx = db.transaction(name, 'readonly');
    const keys = await tx.store.getAllKeys();
    const values = await tx.store.getAll();
    out[name] = keys.map((key, i) => [key, values[i]]);
  }
  return out;
}
