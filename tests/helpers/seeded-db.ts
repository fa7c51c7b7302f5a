/**
 * Fresh databases seeded with the real catalog, one per test, closed after each
 * test (fake-indexeddb must be loaded first by the test file).
 */
import { afterEach } from 'vitest';
import { openCatalogDb, type CatalogDb } from '../../utils/db/database';
import { seedCatalog } from '../../utils/db/seed';
import { catalog } from './catalog';

let open: CatalogDb[] = [];
let counter = 0;

afterEach(() => {
  for (const db of open) db.close();
  open = [];
});

/** A new database under a unique name (`prefix-N`), seeded with the catalog in data/. */
export async function seededDb(prefix: string): Promise<CatalogDb> {
  const db = await openCatalogDb(`${prefix}-${++counter}`);
  open.push(db);
  await seedCatalog(db, catalog);
  return db;
}
