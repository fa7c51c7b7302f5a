/**
 * What the background does with each message, apart from the entrypoint so it
 * can be tested without a browser. Every handler first checks who asks (only
 * this extension; some messages only its own pages, never a content script
 * beside a web page), then the payload's shape, then acts on the catalog as it
 * can be reached now (IndexedDB, or the bundled pack in memory, where the
 * viewer's data can be neither read nor saved and the answer says so).
 */
import { PackError } from '../../utils/catalog/pack';
import type { CatalogPack } from '../../utils/catalog/types';
import type { CatalogAccess } from '../../utils/db/catalog-access';
import { clearCorrection, saveCorrection } from '../../utils/db/corrections';
import type { CatalogDb } from '../../utils/db/database';
import type { TabBadges } from './badge';
import { lookupEpisode, markSeen, ownFactsOf } from './lookup';
import {
  addOwnFact,
  deleteOwnFact,
  DraftError,
  exportOwnFacts,
  importOwnFactsPack,
  updateOwnFact,
  type OwnFactDraft,
} from '../../utils/db/own-facts';
import { recordProgress } from '../../utils/db/progress';
import { markOnce } from '../../utils/perf-marks';
import { updateRemotePacks, type RemoteResult } from '../../utils/db/remote-packs';
import type {
  BackgroundProtocol,
  DramaSummary,
  ImportResult,
  OwnFactResult,
  StorageStatus,
} from '../../utils/messaging/to-background';
import {
  addOwnFactSchema,
  badgeMessageSchema,
  correctionInputSchema,
  deleteOwnFactSchema,
  importPackSchema,
  ownFactsForSchema,
  playingSchema,
  seenSchema,
  seriesSchema,
  updateOwnFactSchema,
  updateRemotePacksSchema,
} from '../../utils/messaging/payloads';

/** Who sent a message, as the browser reports it. */
export interface MessageSender {
  /** The sending extension's id. */
  id?: string;
  /** The sending page or frame: an extension page's own URL, or the web page a content script runs in. */
  url?: string;
  /** The tab a content script runs in (extension pages outside a tab have none). */
  tab?: { id?: number };
  /** The frame a content script runs in: 0 for the tab's page, another number for a frame in it. */
  frameId?: number;
}

export interface HandlerDeps {
  /** This extension's id (browser.runtime.id). */
  extensionId: string;
  /** This extension's base URL (browser.runtime.getURL('/')). */
  extensionUrl: string;
  /** The catalog as it can be reached now. */
  catalog: () => Promise<CatalogAccess>;
  /** Reads the bundled pack (remote updates lay shards over it). */
  bundled: () => Promise<CatalogPack>;
  /** Remembers the outcome of a remote update (the options page shows it). */
  saveRemoteResult?: (manifestUrl: string, result: RemoteResult) => Promise<void>;
  /** The toolbar button's badge per tab; without it `showBadge` does nothing. */
  badges?: Pick<TabBadges, 'report'>;
}

type Handler<K extends keyof BackgroundProtocol> = (
  data: unknown,
  sender: MessageSender,
) => Promise<ReturnType<BackgroundProtocol[K]>>;

/** The handlers of every message the background answers. */
export type BackgroundHandlers = {
  [K in keyof BackgroundProtocol]: Handler<K>;
};

/** Said when IndexedDB is unavailable and a message would save or read the viewer's data. */
export const STORAGE_UNAVAILABLE = 'storage unavailable: the built-in catalog is in use and nothing can be saved';

const MALFORMED: OwnFactResult = {
  ok: false,
  problems: [{ field: 'text', code: 'invalid', detail: 'malformed message' }],
};

const NO_STORAGE: OwnFactResult = {
  ok: false,
  problems: [{ field: 'text', code: 'storage-unavailable', detail: STORAGE_UNAVAILABLE }],
};

/** What every group of handlers is built on: the dependencies, who may ask, and the database. */
interface Steps {
  deps: HandlerDeps;
  /** Only our own extension's pages and content scripts may ask. */
  fromThisExtension: (sender: MessageSender) => boolean;
  /** Only the extension's own pages (options, popup): never a content script beside a web page. */
  fromExtensionPage: (sender: MessageSender) => boolean;
  /** The database, or null when only the in-memory catalog is there. */
  database: () => Promise<CatalogDb | null>;
}

/** Runs an own-fact write, turning a refused draft into its problems. */
async function draftResult(
  database: () => Promise<CatalogDb | null>,
  write: (db: CatalogDb) => ReturnType<typeof addOwnFact>,
): Promise<OwnFactResult> {
  const db = await database();
  if (!db) return NO_STORAGE;
  try {
    return { ok: true, fact: await write(db) };
  } catch (err) {
    if (err instanceof DraftError) return { ok: false, problems: err.problems };
    throw err;
  }
}

/** Recognition and the catalog itself: lookups, storage status, seeding, the list of dramas. */
function catalogHandlers({
  deps,
  fromThisExtension,
  fromExtensionPage,
}: Steps): Pick<BackgroundHandlers, 'lookupEpisode' | 'storageStatus' | 'prepareCatalog' | 'listDramas'> {
  return {
    async lookupEpisode(data, sender) {
      if (!fromThisExtension(sender)) return null;
      const playing = playingSchema.safeParse(data);
      if (!playing.success) {
        console.warn('Between Takes: ignored a malformed lookupEpisode message', playing.error.issues);
        return null;
      }
      const access = await deps.catalog();
      // The viewer's own facts never go to a content script: its page's scripts share its DOM.
      const view = await lookupEpisode(access.reader, playing.data, { ownFacts: fromExtensionPage(sender) });
      markOnce('bt-first-lookup-answered');
      // What plays is how far the viewer has got: the popup veils facts about later episodes.
      // Written after answering: the overlay does not wait for a write it does not need.
      if (view?.episode && access.kind === 'idb') {
        const { db } = access;
        const episode = view.episode;
        void recordProgress(db, view.drama.id, episode).catch((err: unknown) =>
          console.warn('Between Takes: could not record progress', err),
        );
      }
      return view;
    },

    async storageStatus(_data, sender): Promise<StorageStatus> {
      if (!fromThisExtension(sender)) return { persistent: false, reason: 'refused' };
      const access = await deps.catalog();
      return access.kind === 'idb' ? { persistent: true } : { persistent: false, reason: access.reason };
    },

    async prepareCatalog(_data, sender) {
      if (!fromThisExtension(sender)) return false;
      await deps.catalog();
      return true;
    },

    async listDramas(_data, sender): Promise<DramaSummary[]> {
      if (!fromExtensionPage(sender)) return [];
      const dramas = await (await deps.catalog()).reader.allDramas();
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
    },
  };
}

/** The toolbar button's badge: each frame of a supported site says what it shows. */
function badgeHandlers({ deps, fromThisExtension }: Steps): Pick<BackgroundHandlers, 'showBadge'> {
  return {
    async showBadge(data, sender) {
      const tabId = sender.tab?.id;
      // Only our content scripts, in a tab; an extension page has no badge to set.
      if (!fromThisExtension(sender) || tabId === undefined || tabId < 0) return;
      const message = badgeMessageSchema.safeParse(data);
      if (!message.success) {
        console.warn('Between Takes: ignored a malformed showBadge message', message.error.issues);
        return;
      }
      const { report, documentStart } = message.data;
      await deps.badges?.report(tabId, sender.frameId ?? 0, report, documentStart);
    },
  };
}

/** The viewer's corrections and what they have seen. */
function viewerStateHandlers({
  fromThisExtension,
  fromExtensionPage,
  database,
}: Steps): Pick<BackgroundHandlers, 'setCorrection' | 'clearCorrection' | 'markSeen'> {
  return {
    async setCorrection(data, sender) {
      if (!fromExtensionPage(sender)) return false;
      const input = correctionInputSchema.safeParse(data);
      if (!input.success) {
        console.warn('Between Takes: ignored a malformed setCorrection message', input.error.issues);
        return false;
      }
      const db = await database();
      if (!db) return false;
      const drama = await db.get('dramas', input.data.dramaId);
      if (!drama || (input.data.episode !== null && input.data.episode > drama.episodes)) return false;
      await saveCorrection(db, input.data);
      return true;
    },

    async clearCorrection(data, sender) {
      if (!fromExtensionPage(sender)) return false;
      const series = seriesSchema.safeParse(data);
      if (!series.success) return false;
      const db = await database();
      return db ? clearCorrection(db, series.data.site, series.data.seriesKey) : false;
    },

    async markSeen(data, sender) {
      if (!fromThisExtension(sender)) return;
      const seen = seenSchema.safeParse(data);
      if (!seen.success) {
        console.warn('Between Takes: ignored a malformed markSeen message', seen.error.issues);
        return;
      }
      const db = await database();
      // Without storage nothing is remembered: the fact may pop up again next time.
      if (db) await markSeen(db, seen.data.dramaId, seen.data.episode, seen.data.factId);
    },
  };
}

/** The viewer's own facts, and packs in and out. */
function ownFactHandlers({
  deps,
  fromExtensionPage,
  database,
}: Steps): Pick<
  BackgroundHandlers,
  'ownFactsFor' | 'addOwnFact' | 'updateOwnFact' | 'deleteOwnFact' | 'exportOwnFacts' | 'importPack'
> {
  // Every read and write of the viewer's own facts is for the extension's own pages only
  // (the own-facts frame, the popup, the options page), never for a content script.
  return {
    async ownFactsFor(data, sender) {
      const target = ownFactsForSchema.safeParse(data);
      if (!fromExtensionPage(sender) || !target.success) return null;
      const access = await deps.catalog();
      return ownFactsOf(access.reader, target.data.dramaId, target.data.episode);
    },

    async addOwnFact(data, sender) {
      if (!fromExtensionPage(sender) || !addOwnFactSchema.safeParse(data).success) return MALFORMED;
      return draftResult(database, (db) => addOwnFact(db, data as OwnFactDraft));
    },

    async updateOwnFact(data, sender) {
      const change = updateOwnFactSchema.safeParse(data);
      if (!fromExtensionPage(sender) || !change.success) return MALFORMED;
      return draftResult(database, (db) => updateOwnFact(db, change.data.id, change.data.draft as OwnFactDraft));
    },

    async deleteOwnFact(data, sender) {
      const target = deleteOwnFactSchema.safeParse(data);
      if (!fromExtensionPage(sender) || !target.success) return { ok: false };
      const db = await database();
      return { ok: db ? await deleteOwnFact(db, target.data.id) : false };
    },

    async exportOwnFacts(_data, sender) {
      if (!fromExtensionPage(sender)) throw new Error('Only the options page may export.');
      const db = await database();
      if (!db) throw new Error(`Cannot export: ${STORAGE_UNAVAILABLE}.`);
      return exportOwnFacts(db);
    },

    async importPack(data, sender): Promise<ImportResult> {
      if (!fromExtensionPage(sender)) throw new Error('Only the options page may import.');
      const file = importPackSchema.safeParse(data);
      if (!file.success)
        return { ok: false, problems: [{ code: 'too-large', field: '', detail: 'the pack is too large' }] };
      const db = await database();
      if (!db) return { ok: false, problems: [{ code: 'storage', field: '', detail: STORAGE_UNAVAILABLE }] };
      try {
        return { ok: true, summary: await importOwnFactsPack(db, file.data.json) };
      } catch (err) {
        if (err instanceof PackError) return { ok: false, problems: err.problems };
        throw err;
      }
    },
  };
}

/** Remote packs. */
function remotePackHandlers({
  deps,
  fromExtensionPage,
  database,
}: Steps): Pick<BackgroundHandlers, 'updateRemotePacks'> {
  return {
    async updateRemotePacks(data, sender) {
      if (!fromExtensionPage(sender)) throw new Error('Only the options page may update remote packs.');
      const target = updateRemotePacksSchema.safeParse(data);
      if (!target.success) return { ok: false, problem: { code: 'bad-url', detail: 'no manifest URL' } };
      const db = await database();
      const result: RemoteResult = db
        ? await updateRemotePacks(db, target.data.manifestUrl, await deps.bundled())
        : { ok: false, problem: { code: 'storage', detail: STORAGE_UNAVAILABLE } };
      await deps.saveRemoteResult?.(target.data.manifestUrl, result);
      return result;
    },
  };
}

/** Builds the handlers over their dependencies: the sender checks and the database first, then each group. */
export function createBackgroundHandlers(deps: HandlerDeps): BackgroundHandlers {
  const fromThisExtension = (sender: MessageSender) => sender.id === deps.extensionId;
  const fromExtensionPage = (sender: MessageSender) =>
    fromThisExtension(sender) && !!sender.url?.startsWith(deps.extensionUrl);
  const database = async (): Promise<CatalogDb | null> => {
    const access = await deps.catalog();
    return access.kind === 'idb' ? access.db : null;
  };
  const steps: Steps = { deps, fromThisExtension, fromExtensionPage, database };
  return {
    ...catalogHandlers(steps),
    ...badgeHandlers(steps),
    ...viewerStateHandlers(steps),
    ...ownFactHandlers(steps),
    ...remotePackHandlers(steps),
  };
}
