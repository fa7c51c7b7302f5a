/**
 * The background service worker: owns the catalog database and answers the
 * content scripts. The browser stops it when idle and starts it for the next
 * message, so listeners are registered synchronously at the top of main() and
 * the database is opened lazily, once per start, behind a memoised promise.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { bundledCatalog } from '../utils/catalog/bundled';
import { openCatalogDb, seedCatalog, type CatalogDb } from '../utils/db/facts-store';
import { lookupEpisode } from '../utils/db/lookup';
import { onMessage } from '../utils/messaging';
import { playingSchema } from '../utils/messages-schema';

let database: Promise<CatalogDb> | undefined;

/** The catalog database, opened and seeded with the bundled pack on first use. */
function catalogDb(): Promise<CatalogDb> {
  database ??= (async () => {
    const db = await openCatalogDb();
    await seedCatalog(db, bundledCatalog);
    return db;
  })().catch((err: unknown) => {
    database = undefined; // let the next message try again
    throw err;
  });
  return database;
}

/** Only our own extension's pages and content scripts may ask. */
function fromThisExtension(sender: { id?: string }): boolean {
  return sender.id === browser.runtime.id;
}

export default defineBackground({
  type: 'module',
  main() {
    onMessage('lookupEpisode', async ({ data, sender }) => {
      if (!fromThisExtension(sender)) return null;
      const playing = playingSchema.safeParse(data);
      if (!playing.success) {
        console.warn('Between Takes: ignored a malformed lookupEpisode message', playing.error.issues);
        return null;
      }
      return lookupEpisode(await catalogDb(), playing.data);
    });

    // Seed on install and on every update, before any page asks.
    browser.runtime.onInstalled.addListener(() => {
      void catalogDb();
    });
  },
});
