// @vitest-environment happy-dom
// happy-dom has no IndexedDB: the popup's services meet the same world as a
// popup in Firefox private browsing, where indexedDB.open() fails.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserServices } from '../../entrypoints/popup/browser-services';
import { packFactsOfDrama } from '../../utils/db/catalog-reader';
import { catalog } from '../helpers/catalog';

afterEach(() => vi.unstubAllGlobals());

describe('popup services without IndexedDB', () => {
  it('say storage is unavailable, search the built-in catalog and list its facts', async () => {
    expect(globalThis.indexedDB).toBeUndefined();
    // Point the popup at a tab so it does not need to ask the browser which is active.
    history.replaceState({}, '', '/popup.html?tab=7');
    // The built-in catalog is a file of the package, read only now that IndexedDB is missing.
    const read: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      read.push(url);
      return new Response(JSON.stringify(catalog));
    });
    const services = browserServices();
    expect(await services.storagePersistent()).toBe(false);
    const { titles, full } = services.loadIndex();
    expect((await titles).search('healer')[0]?.drama.id).toBe('healer');
    expect((await full).search('Ji Chang-wook').map((r) => r.drama.id)).toContain('healer');
    expect((await full).search('Cheongju').map((r) => r.drama.id)).toContain('healer');
    const facts = await services.factsOfDrama('healer');
    expect(facts.map(({ source: _source, ...fact }) => fact)).toEqual(packFactsOfDrama(catalog, 'healer'));
    // Each with its source, to link to.
    const sources = new Map(catalog.sources.map((s) => [s.id, s]));
    for (const fact of facts) expect(fact.source?.url, fact.id).toBe(sources.get(fact.sourceId)?.url);
    expect(await services.progressIn('healer')).toBe(0);
    expect(read).toEqual([expect.stringMatching(/\/catalog\.json$/)]);
  });
});
