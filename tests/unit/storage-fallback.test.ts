import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createBackgroundHandlers,
  STORAGE_UNAVAILABLE,
  type MessageSender,
} from '../../entrypoints/background/handlers';
import { createCatalogAccess, type DbOpener } from '../../utils/db/catalog-access';
import { idbReader, memoryReader, packFactsOfDrama } from '../../utils/db/catalog-reader';
import { factsOfDrama } from '../../utils/db/reads';
import { openCatalogDb, type CatalogDb } from '../../utils/db/database';
import { seedCatalog } from '../../utils/db/seed';
import { lookupEpisode } from '../../entrypoints/background/lookup';
import type { Playing } from '../../utils/sites/types';
import { bundledOf, catalog } from '../helpers/catalog';

const EXTENSION_ID = 'betweentakesid';
const EXTENSION_URL = `chrome-extension://${EXTENSION_ID}/`;
const contentScript: MessageSender = { id: EXTENSION_ID, url: 'https://www.netflix.com/watch/80049015' };
const optionsPage: MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_URL}options.html` };
/** The own-facts frame the overlay embeds: where the viewer's facts are written. */
const ownFactsFrame: MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_URL}own-facts.html?drama=healer` };

let dbs: CatalogDb[] = [];
let counter = 0;
afterEach(() => {
  for (const db of dbs) db.close();
  dbs = [];
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function seededDb(): Promise<CatalogDb> {
  const db = await openCatalogDb(`fallback-${++counter}`);
  dbs.push(db);
  await seedCatalog(db, catalog);
  return db;
}

/** Handlers over an opener, as the background builds them. */
function handlersOver(open: DbOpener) {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const catalogAccess = createCatalogAccess(open, bundledOf(catalog));
  return {
    catalogAccess,
    handlers: createBackgroundHandlers({
      extensionId: EXTENSION_ID,
      extensionUrl: EXTENSION_URL,
      catalog: catalogAccess,
      bundled: async () => catalog,
    }),
  };
}

const playings: [string, Playing][] = [
  ['Healer episode 14', { site: 'netflix', titles: ['Healer'], episode: 14 }],
  ['Healer, no episode', { site: 'netflix', titles: ['Healer'] }],
  ['Heirs from a Viki slug after a site name', { site: 'viki', titles: ['Rakuten Viki', 'heirs'], episode: 3 }],
  ['a Korean title', { site: 'netflix', titles: ['힐러'], episode: 1 }],
  ['a drama not in the catalog', { site: 'netflix', titles: ['Moonlit Kimchi Detective'], episode: 3 }],
  ['a season the record does not describe', { site: 'netflix', titles: ['Healer'], season: 2, episode: 1 }],
  ['the film, not the series', { site: 'netflix', titles: ['Cheese in the Trap (2018)'] }],
];

describe('one lookup over two readers', () => {
  it.each(playings)('%s: the in-memory catalog answers exactly as IndexedDB does', async (_name, playing) => {
    const db = await seededDb();
    const fromDb = await lookupEpisode(idbReader(db), playing);
    const fromMemory = await lookupEpisode(memoryReader(catalog), playing);
    expect(fromMemory).toEqual(fromDb);
  });

  it('finds the episode facts in memory (not just null on both sides)', async () => {
    const view = await lookupEpisode(memoryReader(catalog), { site: 'netflix', titles: ['Healer'], episode: 14 });
    expect(view?.drama.id).toBe('healer');
    expect(view?.episodeFacts.map((f) => f.id)).toContain('healer-ep14-kiss-filmed-cheongju');
    expect(view?.episodeFacts.every((f) => f.episode === 14)).toBe(true);
    expect(view?.episodeFacts.every((f) => (f.source?.title.length ?? 0) > 0 && f.source?.url)).toBe(true);
  });

  it.each(['healer', 'heirs', 'cheese-in-the-trap'])('lists every fact of %s in the same order', async (dramaId) => {
    const db = await seededDb();
    expect(packFactsOfDrama(catalog, dramaId)).toEqual((await factsOfDrama(db, dramaId)).facts);
  });
});

describe('IndexedDB unavailable: the bundled catalog in memory', () => {
  const failures: [string, () => DbOpener][] = [
    ['open() rejects', () => () => Promise.reject(new DOMException('The operation failed', 'UnknownError'))],
    [
      'indexedDB is undefined (no IndexedDB in this context)',
      () => {
        vi.stubGlobal('indexedDB', undefined);
        return (onClosed) => openCatalogDb(`gone-${++counter}`, { onClosedForUpgrade: onClosed });
      },
    ],
    [
      'open() errors: the profile holds a newer database than this version can open',
      () => async (onClosed) => {
        const name = `newer-${++counter}`;
        (await openDB(name, 99)).close();
        return openCatalogDb(name, { onClosedForUpgrade: onClosed });
      },
    ],
  ];

  it.each(failures)('%s: lookups still answer, and the status says storage is unavailable', async (_name, opener) => {
    const { handlers, catalogAccess } = handlersOver(opener());
    const view = await handlers.lookupEpisode({ site: 'netflix', titles: ['Healer'], episode: 14 }, contentScript);
    expect(view?.drama.title).toBe('Healer');
    expect(view?.episodeFacts.length).toBeGreaterThan(0);
    expect((await catalogAccess()).kind).toBe('memory');
    const status = await handlers.storageStatus(undefined, optionsPage);
    expect(status.persistent).toBe(false);
    expect(status.persistent === false && status.reason.length).toBeGreaterThan(0);
  });

  it('never pretends to save: every write says storage is unavailable or is refused', async () => {
    const { handlers } = handlersOver(() => Promise.reject(new Error('no IndexedDB')));
    const draft = { dramaId: 'healer', episode: 14, text: 'A fact of mine.', people: [], spoiler: false };
    expect(await handlers.addOwnFact(draft, ownFactsFrame)).toEqual({
      ok: false,
      problems: [{ field: 'text', code: 'storage-unavailable', detail: STORAGE_UNAVAILABLE }],
    });
    expect((await handlers.updateOwnFact({ id: 'own-a', draft }, ownFactsFrame)).ok).toBe(false);
    expect(await handlers.deleteOwnFact({ id: 'own-a' }, ownFactsFrame)).toEqual({ ok: false });
    const correction = { site: 'netflix', seriesKey: 'moonlitkimchidetective', dramaId: 'healer', episode: null };
    expect(await handlers.setCorrection(correction, optionsPage)).toBe(false);
    expect(await handlers.clearCorrection({ site: 'netflix', seriesKey: 'x' }, optionsPage)).toBe(false);
    await expect(
      handlers.markSeen({ dramaId: 'healer', episode: 14, factId: 'x' }, contentScript),
    ).resolves.toBeUndefined();
    expect(await handlers.importPack({ json: '{}' }, optionsPage)).toEqual({
      ok: false,
      problems: [{ code: 'storage', field: '', detail: STORAGE_UNAVAILABLE }],
    });
    await expect(handlers.exportOwnFacts(undefined, optionsPage)).rejects.toThrow(/storage unavailable/);
    expect(await handlers.updateRemotePacks({ manifestUrl: 'https://packs.example/m.json' }, optionsPage)).toEqual({
      ok: false,
      problem: { code: 'storage', detail: STORAGE_UNAVAILABLE },
    });
    // The catalog itself is still there for the options page's drama picker.
    expect((await handlers.listDramas(undefined, optionsPage)).map((d) => d.id).sort()).toEqual(
      catalog.dramas.map((d) => d.id).sort(),
    );
  });

  it('with IndexedDB working, the same handlers save and the status says so', async () => {
    const { handlers } = handlersOver((onClosed) =>
      openCatalogDb(`works-${++counter}`, { onClosedForUpgrade: onClosed }).then((db) => (dbs.push(db), db)),
    );
    expect(await handlers.storageStatus(undefined, contentScript)).toEqual({ persistent: true });
    const draft = { dramaId: 'healer', episode: 14, text: 'A fact of mine.', people: [], spoiler: false };
    expect((await handlers.addOwnFact(draft, ownFactsFrame)).ok).toBe(true);
    const own = await handlers.ownFactsFor({ dramaId: 'healer', episode: 14 }, ownFactsFrame);
    expect(own?.episodeFacts.map((f) => f.text)).toEqual(['A fact of mine.']);
  });

  it('a seed that fails is tried again on the next message (not a fallback)', async () => {
    const db = await seededDb();
    let opens = 0;
    const access = createCatalogAccess(async () => {
      opens++;
      // A connection whose seed transaction fails (as a full disk would make it).
      if (opens === 1)
        return {
          transaction: () => {
            throw new Error('seed failed');
          },
        } as unknown as CatalogDb;
      return db;
    }, bundledOf(catalog));
    await expect(access()).rejects.toThrow('seed failed');
    expect((await access()).kind).toBe('idb');
    expect(opens).toBe(2);
  });
});
