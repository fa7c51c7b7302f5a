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
import { lookupEpisode, markSeen } from '../utils/db/lookup';
import { onMessage, sendMessage, TOGGLE_OVERLAY_COMMAND } from '../utils/messaging';
import { playingSchema, seenSchema } from '../utils/messages-schema';

let database: Promise<CatalogDb> | undefined;

/** The catalog database, opened and seeded with the bundled pack on first use. */
function catalogDb(): Promise<CatalogDb> {
  database ??= (async () => {
    const db = await openCatalogDb(undefined, {
      // A newer version needs the database: reopen on the next message.
      onClosedForUpgrade: () => (database = undefined),
      onBlocked: () => console.info('Between Takes: waiting for an older connection to close before upgrading'),
    });
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

    onMessage('markSeen', async ({ data, sender }) => {
      if (!fromThisExtension(sender)) return;
      const seen = seenSchema.safeParse(data);
      if (!seen.success) {
        console.warn('Between Takes: ignored a malformed markSeen message', seen.error.issues);
        return;
      }
      await markSeen(await catalogDb(), seen.data.dramaId, seen.data.episode, seen.data.factId);
    });

    // The show/hide shortcut: relay it to the tab it was pressed in. Finding the
    // active tab's id needs no permission.
    browser.commands.onCommand.addListener(async (command) => {
      if (command !== TOGGLE_OVERLAY_COMMAND) return;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      // A tab without our content script (another site) has nobody to answer.
      await sendMessage('toggleOverlay', undefined, tab.id).catch(() => undefined);
    });

    // Seed on install and on every update, before any page asks.
    browser.runtime.onInstalled.addListener(() => {
      void catalogDb();
    });
  },
});
