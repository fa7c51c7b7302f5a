import { describe, expect, it } from 'vitest';
import { matchTitle, titleKey } from '../../utils/catalog/match-title';
import { decodeTitleIndex, encodeTitleIndex, titleIndexOf } from '../../utils/db/title-index';
import { catalog } from '../helpers/catalog';

describe('the title index', () => {
  it('stores as one string and comes back naming the same dramas under every key', () => {
    const stored = encodeTitleIndex(catalog.dramas);
    expect(typeof stored).toBe('string');
    const index = decodeTitleIndex(stored);
    const direct = titleIndexOf(catalog.dramas);
    for (const drama of catalog.dramas) {
      expect(index.byId(drama.id)).toEqual(direct.byId(drama.id));
      for (const key of drama.titleKeys) expect(index.candidates(key)).toEqual(direct.candidates(key));
    }
    expect(index.candidates(titleKey('Moonlit Kimchi Detective'))).toEqual([]);
    expect(decodeTitleIndex('').byId('healer')).toBeUndefined();
  });

  it('keeps every drama sharing a key, so a title two dramas carry matches neither', async () => {
    const [a, b] = catalog.dramas;
    const twins = [
      { ...a!, titleKeys: ['twins'] },
      { ...b!, titleKeys: ['twins', 'onlyb'] },
    ];
    const index = decodeTitleIndex(encodeTitleIndex(twins));
    expect(index.candidates('twins').map((e) => e.id)).toEqual([a!.id, b!.id]);
    expect(await matchTitle({ title: 'Twins' }, (key) => index.candidates(key))).toBeNull();
    expect((await matchTitle({ title: 'Only B' }, (key) => index.candidates(key)))?.id).toBe(b!.id);
  });

  it('leaves out a stored line that does not parse instead of guessing at it', () => {
    const healer = catalog.dramas.find((d) => d.id === 'healer')!;
    const stored = [encodeTitleIndex([healer]), '\u001fx\u001fnot-a-number', 'broken'].join('\u001e');
    const index = decodeTitleIndex(stored);
    expect(index.byId('healer')?.episodes).toBe(20);
    expect(index.byId('broken')).toBeUndefined();
    expect(index.candidates('x')).toEqual([]);
  });
});
