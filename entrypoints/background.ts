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
import { clearCorrection, saveCorrection } from '../utils/db/corrections';
import { lookupEpisode } from '../utils/db/lookup';
import { recordProgress } from '../utils/db/progress';
import { onMessage } from '../utils/messaging';
import { correctionInputSchema, playingSchema, seriesSchema } from '../utils/messages-schema';

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

/** Only our own pages (the popup, the options page) may change the viewer's data; content scripts may not. */
function fromExtensionPage(sender: { id?: string; url?: string }): boolean {
  return fromThisExtension(sender) && !!sender.url?.startsWith(browser.runtime.getURL('/'));
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
      const db = await catalogDb();
      const view = await lookupEpisode(db, playing.data);
      // What plays is how far the viewer has got: the popup veils facts about later episodes.
      if (view?.episode) await recordProgress(db, view.drama.id, view.episode);
      return view;
    });

    onMessage('prepareCatalog', async ({ sender }) => {
      if (!fromThisExtension(sender)) return false;
      await catalogDb();
      return true;
    });

    onMessage('setCorrection', async ({ data, sender }) => {
      if (!fromExtensionPage(sender)) return false;
      const input = correctionInputSchema.safeParse(data);
      if (!input.success) {
        console.warn('Between Takes: ignored a malformed setCorrection message', input.error.issues);
        return false;
      }
      const db = await catalogDb();
      const drama = await db.get('dramas', input.data.dramaId);
      if (!drama || (input.data.episode !== null && input.data.episode > drama.episodes)) return false;
      await saveCorrection(db, input.data);
      return true;
    });

    onMessage('clearCorrection', async ({ data, sender }) => {
      if (!fromExtensionPage(sender)) return false;
      const series = seriesSchema.safeParse(data);
      if (!series.success) return false;
      return clearCorrection(await catalogDb(), series.data.site, series.data.seriesKey);
    });

    // Seed on install and on every update, before any page asks.
    browser.runtime.onInstalled.addListener(() => {
      void catalogDb();
    });
  },
});
