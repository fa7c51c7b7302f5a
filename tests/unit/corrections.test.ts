import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clearCorrection, correctionKey, saveCorrection, seriesKeyOf } from '../../utils/db/corrections';
import { factsOfDrama } from '../../utils/db/reads';
import { loadSearchIndex, readSearchIndex } from '../../utils/db/search-store';
import { seedCatalog } from '../../utils/db/seed';
import type { SearchIndexSnapshot } from '../../utils/search/search-index';
import { lookupEpisode } from '../../entrypoints/background/lookup';
import { progressIn, recordProgress } from '../../utils/db/progress';
import type { Playing } from '../../utils/sites/types';
import { catalog } from '../helpers/catalog';
import { seededDb as seedTestDb } from '../helpers/seeded-db';

const seededDb = () => seedTestDb('corrections');

const crashLanding = (episode?: number, seriesId?: string): Playing => ({
  site: 'netflix',
  titles: ['Moonlit Kimchi Detective'],
  ...(episode === undefined ? {} : { episode }),
  ...(seriesId === undefined ? {} : { seriesId }),
});

describe('seriesKeyOf', () => {
  it.each([
    [{ titles: ['Moonlit Kimchi Detective'] }, 'moonlitkimchidetective'],
    [{ titles: ['The Heirs (2013)', 'Heirs'] }, 'heirs'],
    [{ titles: ['Healer'], seriesId: '80049013' }, '80049013'],
    [{ titles: ['!!!'] }, null],
  ])('%j → %s', (playing, expected) => {
    expect(seriesKeyOf(playing)).toBe(expected);
  });
});

describe('lookupEpisode with corrections', () => {
  it('knows nothing of an unknown title until the viewer corrects it', async () => {
    const db = await seededDb();
    expect(await lookupEpisode(db, crashLanding(3))).toBeNull();
    await saveCorrection(db, { site: 'netflix', seriesKey: 'moonlitkimchidetective', dramaId: 'healer', episode: 14 });
    const view = await lookupEpisode(db, crashLanding(14));
    expect(view?.drama.id).toBe('healer');
    expect(view?.corrected).toBe(true);
    expect(view?.episodeFacts.map((f) => f.id)).toContain('healer-ep14-kiss-filmed-cheongju');
  });

  it('uses the corrected episode when the page names one past the drama’s end, and never one past it itself', async () => {
    const db = await seededDb();
    await saveCorrection(db, { site: 'netflix', seriesKey: 'moonlitkimchidetective', dramaId: 'healer', episode: 14 });
    expect((await lookupEpisode(db, crashLanding(21)))?.episode).toBe(14);
    // A correction kept from before the drama's record lost episodes (a remote pack) names none.
    await db.put('corrections', { ...(await db.get('corrections', 'netflix|moonlitkimchidetective'))!, episode: 24 });
    expect((await lookupEpisode(db, crashLanding()))?.episode).toBeNull();
  });

  it('lets the page’s episode number win, and uses the corrected episode only when the page gives none', async () => {
    const db = await seededDb();
    await saveCorrection(db, { site: 'netflix', seriesKey: 'moonlitkimchidetective', dramaId: 'healer', episode: 14 });
    expect((await lookupEpisode(db, crashLanding(3)))?.episode).toBe(3);
    expect((await lookupEpisode(db, crashLanding()))?.episode).toBe(14);
  });

  it('applies only on the site it was made on', async () => {
    const db = await seededDb();
    await saveCorrection(db, {
      site: 'netflix',
      seriesKey: 'moonlitkimchidetective',
      dramaId: 'healer',
      episode: null,
    });
    expect(await lookupEpisode(db, { ...crashLanding(3), site: 'viki' })).toBeNull();
  });

  it('is found by the series id when the page gives one, whatever the title says', async () => {
    const db = await seededDb();
    await saveCorrection(db, { site: 'netflix', seriesKey: '81159258', dramaId: 'heirs', episode: null });
    expect(
      (await lookupEpisode(db, { site: 'netflix', titles: ['Something else'], seriesId: '81159258' }))?.drama.id,
    ).toBe('heirs');
  });

  it('overrides a title the catalog does know, because recognition can be wrong', async () => {
    const db = await seededDb();
    await saveCorrection(db, { site: 'netflix', seriesKey: 'healer', dramaId: 'heirs', episode: null });
    const view = await lookupEpisode(db, { site: 'netflix', titles: ['Healer'], episode: 2 });
    expect(view?.drama.id).toBe('heirs');
  });

  it('is gone once cleared, and clearing twice says there was nothing', async () => {
    const db = await seededDb();
    await saveCorrection(db, {
      site: 'netflix',
      seriesKey: 'moonlitkimchidetective',
      dramaId: 'healer',
      episode: null,
    });
    expect(await clearCorrection(db, 'netflix', 'moonlitkimchidetective')).toBe(true);
    expect(await lookupEpisode(db, crashLanding(3))).toBeNull();
    expect(await clearCorrection(db, 'netflix', 'moonlitkimchidetective')).toBe(false);
  });

  it('ignores a correction naming a drama the catalog no longer has', async () => {
    const db = await seededDb();
    await saveCorrection(db, { site: 'netflix', seriesKey: 'healer', dramaId: 'gone', episode: null });
    expect((await lookupEpisode(db, { site: 'netflix', titles: ['Healer'], episode: 14 }))?.drama.id).toBe('healer');
  });

  it('survives a catalog update', async () => {
    const db = await seededDb();
    await saveCorrection(db, {
      site: 'netflix',
      seriesKey: 'moonlitkimchidetective',
      dramaId: 'healer',
      episode: null,
    });
    await seedCatalog(db, { ...catalog, version: 'next' });
    expect(await db.get('corrections', correctionKey('netflix', 'moonlitkimchidetective'))).toBeDefined();
  });
});

describe('progress', () => {
  it('keeps the highest episode seen playing', async () => {
    const db = await seededDb();
    expect(await progressIn(db, 'healer')).toBe(0);
    for (const [episode, expected] of [
      [3, 3],
      [7, 7],
      [5, 7], // rewatching an earlier episode does not unveil less
    ] as const) {
      expect(await recordProgress(db, 'healer', episode)).toBe(expected);
      expect(await progressIn(db, 'healer')).toBe(expected);
    }
    expect(await progressIn(db, 'heirs')).toBe(0);
  });
});

describe('search index and facts in the database', () => {
  it('stores the search index at seed time', async () => {
    const db = await seededDb();
    const index = await loadSearchIndex(db);
    expect(index?.search('Cheongju')[0]?.drama.id).toBe('healer');
  });

  it('rebuilds a missing index even when the catalog version is unchanged', async () => {
    const db = await seededDb();
    await db.delete('meta', 'searchIndex');
    await db.delete('meta', 'searchIndexFormat');
    expect(await loadSearchIndex(db)).toBeNull();
    expect(await seedCatalog(db, catalog)).toBe(true);
    expect(await loadSearchIndex(db)).not.toBeNull();
  });

  it('reads the titles part first, then the whole index with the words of facts', async () => {
    const db = await seededDb();
    const stored = readSearchIndex(db);
    const order: string[] = [];
    const [titles, full] = await Promise.all([
      stored.titles.then((index) => (order.push('titles'), index)),
      stored.full.then((index) => (order.push('full'), index)),
    ]);
    expect(order).toEqual(['titles', 'full']);
    expect(titles?.hasFacts).toBe(false);
    expect(titles?.search('Healer')[0]?.drama.id).toBe('healer');
    expect(full?.hasFacts).toBe(true);
    expect(full?.search('Cheongju')[0]?.drama.id).toBe('healer');
  });

  it('rebuilds an index stored in an older format', async () => {
    const db = await seededDb();
    // Format 1: one record of objects and arrays, no facts part.
    await db.delete('meta', 'searchFacts');
    await db.put('meta', '1', 'searchIndexFormat');
    const old = { format: 1, dramas: [], compactTitles: [] } as unknown as SearchIndexSnapshot;
    await db.put('meta', old, 'searchIndex');
    const stored = readSearchIndex(db);
    expect(await stored.titles).toBeNull();
    expect(await stored.full).toBeNull();
    expect(await seedCatalog(db, catalog)).toBe(true);
    expect((await loadSearchIndex(db))?.search('Cheongju')[0]?.drama.id).toBe('healer');
  });

  it('lists a drama’s facts, drama-wide first, then by episode', async () => {
    const db = await seededDb();
    const { facts, sources } = await factsOfDrama(db, 'healer');
    expect(Object.keys(sources).sort()).toEqual([...new Set(facts.map((f) => f.sourceId))].sort());
    expect(facts).toHaveLength(catalog.facts.filter((f) => f.dramaId === 'healer').length);
    const order = facts.map((f) => f.episode ?? 0);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(await factsOfDrama(db, 'nope')).toEqual({ facts: [], sources: {} });
  });
});
