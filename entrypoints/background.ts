/**
 * The background service worker: owns the catalog database and answers the
 * content scripts and the options page. The browser stops it when idle and
 * starts it for the next message, so listeners are registered synchronously at
 * the top of main() and the database is opened lazily, once per start, behind a
 * memoised promise.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { PackError } from '../utils/catalog/pack';
import { bundledCatalog } from '../utils/catalog/bundled';
import { openCatalogDb, seedCatalog, type CatalogDb } from '../utils/db/facts-store';
import { clearCorrection, saveCorrection } from '../utils/db/corrections';
import { lookupEpisode, markSeen } from '../utils/db/lookup';
import {
  addOwnFact,
  deleteOwnFact,
  DraftError,
  exportOwnFacts,
  importOwnFactsPack,
  updateOwnFact,
  type OwnFactDraft,
} from '../utils/db/own-facts';
import { recordProgress } from '../utils/db/progress';
import { updateRemotePacks } from '../utils/db/remote-packs';
import { onMessage, sendMessage, TOGGLE_OVERLAY_COMMAND, type OwnFactResult } from '../utils/messaging';
import {
  addOwnFactSchema,
  correctionInputSchema,
  deleteOwnFactSchema,
  importPackSchema,
  playingSchema,
  seenSchema,
  seriesSchema,
  updateOwnFactSchema,
  updateRemotePacksSchema,
} from '../utils/messages-schema';
import { remotePacksItem } from '../utils/remote-packs-setting';

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

/** Only the extension's own pages (options, popup): never a content script beside a web page. */
function fromExtensionPage(sender: { id?: string; url?: string }): boolean {
  return fromThisExtension(sender) && !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

const MALFORMED: OwnFactResult = {
  ok: false,
  problems: [{ field: 'text', code: 'invalid', detail: 'malformed message' }],
};

/** Runs an own-fact write, turning a refused draft into its problems. */
async function draftResult(write: (db: CatalogDb) => ReturnType<typeof addOwnFact>): Promise<OwnFactResult> {
  try {
    return { ok: true, fact: await write(await catalogDb()) };
  } catch (err) {
    if (err instanceof DraftError) return { ok: false, problems: err.problems };
    throw err;
  }
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

    onMessage('addOwnFact', async ({ data, sender }) => {
      if (!fromThisExtension(sender) || !addOwnFactSchema.safeParse(data).success) return MALFORMED;
      return draftResult((db) => addOwnFact(db, data as OwnFactDraft));
    });

    onMessage('updateOwnFact', async ({ data, sender }) => {
      const change = updateOwnFactSchema.safeParse(data);
      if (!fromThisExtension(sender) || !change.success) return MALFORMED;
      return draftResult((db) => updateOwnFact(db, change.data.id, change.data.draft as OwnFactDraft));
    });

    onMessage('deleteOwnFact', async ({ data, sender }) => {
      const target = deleteOwnFactSchema.safeParse(data);
      if (!fromThisExtension(sender) || !target.success) return { ok: false };
      return { ok: await deleteOwnFact(await catalogDb(), target.data.id) };
    });

    onMessage('exportOwnFacts', async ({ sender }) => {
      if (!fromExtensionPage(sender)) throw new Error('Only the options page may export.');
      return exportOwnFacts(await catalogDb());
    });

    onMessage('importPack', async ({ data, sender }) => {
      const file = importPackSchema.safeParse(data);
      if (!fromExtensionPage(sender)) throw new Error('Only the options page may import.');
      if (!file.success)
        return { ok: false, problems: [{ code: 'too-large', field: '', detail: 'the pack is too large' }] };
      try {
        return { ok: true, summary: await importOwnFactsPack(await catalogDb(), file.data.json) };
      } catch (err) {
        if (err instanceof PackError) return { ok: false, problems: err.problems };
        throw err;
      }
    });

    onMessage('listDramas', async ({ sender }) => {
      if (!fromExtensionPage(sender)) return [];
      const dramas = await (await catalogDb()).getAll('dramas');
      return dramas
        .map(({ id, title, titleKo, romanized, aliases, episodes, cast }) => ({
          id,
          title,
          titleKo,
          romanized,
          aliases,
          episodes,
          cast,
        }))
        .sort((a, b) => a.title.localeCompare(b.title));
    });

    onMessage('updateRemotePacks', async ({ data, sender }) => {
      if (!fromExtensionPage(sender)) throw new Error('Only the options page may update remote packs.');
      const target = updateRemotePacksSchema.safeParse(data);
      if (!target.success) return { ok: false, problem: { code: 'bad-url', detail: 'no manifest URL' } };
      const result = await updateRemotePacks(await catalogDb(), target.data.manifestUrl, bundledCatalog);
      await remotePacksItem.setValue({ manifestUrl: target.data.manifestUrl, last: { at: Date.now(), result } });
      return result;
    });

    // Seed on install and on every update, before any page asks.
    browser.runtime.onInstalled.addListener(() => {
      void catalogDb();
    });
  },
});
