import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createBackgroundHandlers,
  type BackgroundHandlers,
  type MessageSender,
} from '../../entrypoints/background/handlers';
import { createCatalogAccess } from '../../utils/db/catalog-access';
import { openCatalogDb, type CatalogDb } from '../../utils/db/database';
import { bundledOf, catalog } from '../helpers/catalog';

const EXTENSION_ID = 'betweentakesid';
const EXTENSION_URL = `chrome-extension://${EXTENSION_ID}/`;

/** Senders as the browser reports them. */
const senders = {
  ourContentScript: { id: EXTENSION_ID, url: 'https://www.netflix.com/watch/80049015' },
  ourOptionsPage: { id: EXTENSION_ID, url: `${EXTENSION_URL}options.html` },
  ourPopup: { id: EXTENSION_ID, url: `${EXTENSION_URL}popup.html?tab=3` },
  // The own-facts frame: an extension page inside the streaming tab, embedded by the overlay.
  ourOwnFactsFrame: {
    id: EXTENSION_ID,
    url: `${EXTENSION_URL}own-facts.html?drama=healer&episode=14`,
    tab: { id: 3 },
    frameId: 7,
  },
  otherExtensionContentScript: { id: 'someotherextension', url: 'https://www.netflix.com/watch/80049015' },
  otherExtensionPage: { id: 'someotherextension', url: 'chrome-extension://someotherextension/options.html' },
  // A page pretending: our id is public, but the browser sets sender.url to the page's.
  webPageWithOurId: { id: EXTENSION_ID, url: `https://evil.example/${EXTENSION_URL}options.html` },
  noId: { url: `${EXTENSION_URL}options.html` },
} satisfies Record<string, MessageSender>;

let dbs: CatalogDb[] = [];
let counter = 0;
afterEach(() => {
  for (const db of dbs) db.close();
  dbs = [];
});

function handlers(): { handlers: BackgroundHandlers; db: () => Promise<CatalogDb> } {
  const name = `handlers-${++counter}`;
  const access = createCatalogAccess(
    (onClosed) => openCatalogDb(name, { onClosedForUpgrade: onClosed }).then((db) => (dbs.push(db), db)),
    bundledOf(catalog),
  );
  return {
    handlers: createBackgroundHandlers({
      extensionId: EXTENSION_ID,
      extensionUrl: EXTENSION_URL,
      catalog: access,
      bundled: async () => catalog,
    }),
    db: async () => {
      const a = await access();
      if (a.kind !== 'idb') throw new Error('expected IndexedDB');
      return a.db;
    },
  };
}

const healer14 = { site: 'netflix', titles: ['Healer'], episode: 14 };
const draft = { dramaId: 'healer', episode: 14, text: 'Written by someone else.', people: [], spoiler: false };
const correction = { site: 'netflix', seriesKey: 'moonlitkimchidetective', dramaId: 'healer', episode: null };
const ownPack = JSON.stringify({
  format: 1,
  kind: 'own-facts',
  version: 'v1',
  facts: [{ id: 'own-x', dramaId: 'healer', episode: 14, text: 'Imported.', spoiler: false, sourceId: 'own' }],
});

type SenderName = keyof typeof senders;
const EVERYONE_ELSE: SenderName[] = ['otherExtensionContentScript', 'otherExtensionPage', 'noId'];
const NOT_OUR_PAGES: SenderName[] = [...EVERYONE_ELSE, 'ourContentScript', 'webPageWithOurId'];

describe('messages only from our own extension', () => {
  it.each(EVERYONE_ELSE)('lookupEpisode from %s gets nothing', async (from) => {
    const { handlers: h } = handlers();
    expect(await h.lookupEpisode(healer14, senders[from])).toBeNull();
  });

  it.each(['ourContentScript', 'ourPopup'] as const)('lookupEpisode from %s is answered', async (from) => {
    const { handlers: h } = handlers();
    expect((await h.lookupEpisode(healer14, senders[from]))?.drama.id).toBe('healer');
  });

  it.each(NOT_OUR_PAGES)('addOwnFact, updateOwnFact, deleteOwnFact, markSeen from %s change nothing', async (from) => {
    const { handlers: h, db } = handlers();
    const added = await h.addOwnFact(draft, senders.ourOwnFactsFrame);
    if (!added.ok) throw new Error('setup failed');
    expect((await h.addOwnFact(draft, senders[from])).ok).toBe(false);
    expect((await h.updateOwnFact({ id: added.fact.id, draft: { ...draft, text: 'Changed' } }, senders[from])).ok).toBe(
      false,
    );
    expect(await h.deleteOwnFact({ id: added.fact.id }, senders[from])).toEqual({ ok: false });
    // markSeen is a content script's message (the overlay's cards): only other extensions are refused.
    if (from !== 'ourContentScript' && from !== 'webPageWithOurId') {
      await h.markSeen({ dramaId: 'healer', episode: 14, factId: 'healer-ep14-kiss-filmed-cheongju' }, senders[from]);
    }
    expect((await (await db()).getAll('ownFacts')).map((f) => f.text)).toEqual([draft.text]);
    expect(await (await db()).getAll('seen')).toEqual([]);
  });

  it('the viewer’s own facts go to extension pages only: never in a content script’s lookup', async () => {
    const { handlers: h } = handlers();
    const added = await h.addOwnFact({ ...draft, text: 'My private note.' }, senders.ourOwnFactsFrame);
    expect(added.ok).toBe(true);
    const texts = (view: Awaited<ReturnType<BackgroundHandlers['lookupEpisode']>>) =>
      [...(view?.episodeFacts ?? []), ...(view?.dramaFacts ?? [])].map((f) => f.text);
    expect(texts(await h.lookupEpisode(healer14, senders.ourContentScript))).not.toContain('My private note.');
    expect(texts(await h.lookupEpisode(healer14, senders.ourPopup))).toContain('My private note.');
    const target = { dramaId: 'healer', episode: 14 };
    for (const from of NOT_OUR_PAGES) expect(await h.ownFactsFor(target, senders[from]), from).toBeNull();
    const own = await h.ownFactsFor(target, senders.ourOwnFactsFrame);
    expect(own?.episodeFacts.map((f) => [f.text, f.own])).toEqual([['My private note.', true]]);
    expect(
      await h.ownFactsFor({ dramaId: 'healer', episode: 14, extra: 1 } as never, senders.ourOwnFactsFrame),
    ).toBeNull();
  });

  it.each(NOT_OUR_PAGES)('page-only messages from %s are refused and change nothing', async (from) => {
    const { handlers: h, db } = handlers();
    const sender = senders[from];
    expect(await h.setCorrection(correction, sender)).toBe(false);
    expect(await h.clearCorrection({ site: 'netflix', seriesKey: 'moonlitkimchidetective' }, sender)).toBe(false);
    expect(await h.listDramas(undefined, sender)).toEqual([]);
    await expect(h.exportOwnFacts(undefined, sender)).rejects.toThrow(/Only the options page/);
    await expect(h.importPack({ json: ownPack }, sender)).rejects.toThrow(/Only the options page/);
    await expect(h.updateRemotePacks({ manifestUrl: 'https://packs.example/m.json' }, sender)).rejects.toThrow(
      /Only the options page/,
    );
    const stored = await db();
    expect(await stored.getAll('corrections')).toEqual([]);
    expect(await stored.getAll('ownFacts')).toEqual([]);
  });

  it('the same page-only messages from our options page are carried out', async () => {
    const { handlers: h, db } = handlers();
    const page = senders.ourOptionsPage;
    expect(await h.setCorrection(correction, page)).toBe(true);
    expect((await h.listDramas(undefined, page)).length).toBe(catalog.dramas.length);
    expect(await h.importPack({ json: ownPack }, page)).toMatchObject({ ok: true });
    expect((await h.exportOwnFacts(undefined, page)).facts.map((f) => f.id)).toEqual(['own-x']);
    expect(await h.clearCorrection({ site: 'netflix', seriesKey: 'moonlitkimchidetective' }, senders.ourPopup)).toBe(
      true,
    );
    expect(await (await db()).getAll('corrections')).toEqual([]);
  });

  it.each([
    ['not an object', 'Healer'],
    ['no titles', { site: 'netflix', titles: [] }],
    ['an unknown site', { site: 'evil', titles: ['Healer'] }],
    ['an extra field', { ...healer14, html: '<img onerror=alert(1)>' }],
    ['a 10,000-character title', { site: 'netflix', titles: ['x'.repeat(10_000)] }],
  ])('a lookupEpisode payload with %s from our content script gets nothing', async (_name, payload) => {
    const { handlers: h } = handlers();
    expect(await h.lookupEpisode(payload, senders.ourContentScript)).toBeNull();
  });
});
