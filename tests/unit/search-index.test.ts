import { describe, expect, it } from 'vitest';
import { compactText, foldText, indexTerms, queryWords, withinOneEdit } from '../../utils/search/normalize';
import { factMatches, SearchIndex } from '../../utils/search/search-index';
import { catalog } from '../helpers/catalog';

const index = SearchIndex.build(catalog.dramas, catalog.facts);
const ids = (query: string) => index.search(query).map((r) => r.drama.id);

describe('normalisation', () => {
  it.each([
    ['Héaler', 'healer'],
    ['AMÉLIE', 'amelie'],
    ['힐러', '힐러'.normalize('NFD')],
  ])('folds %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it.each([
    ['Ji Chang-wook', ['ji', 'chang', 'wook', 'changwook']],
    ['kiss-scene', ['kiss', 'scene', 'kissscene']],
    ['Nevertheless,', ['nevertheless']],
  ])('indexes %s under %j', (input, expected) => {
    expect(indexTerms(input)).toEqual(expected);
  });

  it.each([
    ['  Ji   chang-WOOK ', ['ji', 'chang', 'wook']],
    ['heal heal', ['heal']],
    ['— , —', []],
  ])('splits the query %j into %j', (input, expected) => {
    expect(queryWords(input)).toEqual(expected);
  });

  it.each([
    ['Bubble Gum', 'bubblegum'],
    ['Romantic Doctor, Teacher Kim', 'romanticdoctorteacherkim'],
  ])('compacts %s', (input, expected) => {
    expect(compactText(input)).toBe(expected);
  });

  it.each([
    ['healr', 'healer', true], // a letter left out
    ['heaaler', 'healer', true], // one too many
    ['hwaler', 'healer', true], // one wrong
    ['haeler', 'healer', true], // two swapped
    ['hlr', 'healer', false],
    ['heirs', 'hairy', false],
  ])('%s is within one edit of %s: %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
  });
});

describe('search', () => {
  it.each([
    // titles, in any language and alias
    ['Healer', 'healer'],
    ['healer', 'healer'],
    ['The Heirs', 'heirs'],
    ['The Inheritors', 'heirs'],
    ['Love in the Moonlight', 'moonlight-drawn-by-clouds'],
    ['Dr. Romantic', 'romantic-doctor-teacher-kim'],
    ['Answer Me 1997', 'reply-1997'],
    ['힐러', 'healer'],
    ['구르미 그린 달빛', 'moonlight-drawn-by-clouds'],
    ['응답', 'reply-1997'], // a hangul prefix
    ['히', 'healer'], // a syllable still being typed (힐 without its last consonant)
    ['Gureumi', 'moonlight-drawn-by-clouds'], // romanisation
    // actors and characters
    ['Ji Chang-wook', 'healer'],
    ['Ji Chang Wook', 'healer'],
    ['jichangwook', 'healer'],
    ['Seo Jung-hoo', 'healer'],
    ['Kim Bok-joo', 'weightlifting-fairy-kim-bok-joo'],
    ['Hong Ra-on', 'moonlight-drawn-by-clouds'],
    // words inside facts
    ['Cheongju', 'healer'],
    ['cheongju kiss', 'healer'],
    // a small typo in a title
    ['Healr', 'healer'],
    ['Nevertheles', 'nevertheless'],
    ['Weihgtlifting', 'weightlifting-fairy-kim-bok-joo'],
    // word order, hyphens, spacing
    ['fairy weightlifting', 'weightlifting-fairy-kim-bok-joo'],
    ['kim bokjoo', 'weightlifting-fairy-kim-bok-joo'],
    ['bubble gum', 'bubblegum'],
    ['bubblegum', 'bubblegum'],
    ['weight lifting', 'weightlifting-fairy-kim-bok-joo'],
    ['Ohaeyoung', 'another-oh-hae-young'],
    ['oh hae-young', 'another-oh-hae-young'],
    // prefixes while typing
    ['heale', 'healer'],
    ['Moon Lov', 'moon-lovers-scarlet-heart-ryeo'],
  ])('finds %j → %s first', (query, expected) => {
    expect(ids(query)[0]).toBe(expected);
  });

  it.each([
    ['Park Shin-hye', ['doctors', 'heirs']],
    ['IU', ['moon-lovers-scarlet-heart-ryeo', 'the-producers']],
    ['Seo Hyun-jin', ['another-oh-hae-young', 'romantic-doctor-teacher-kim']],
  ])('finds every drama of %s', (query, expected) => {
    expect(ids(query).sort()).toEqual(expected);
  });

  it.each([
    'Crash Landing on You', // not in the catalog
    'Healing', // too far from "Healer" to be a typo
    'Hexlir', // two typos are too many
    'Cheongju Heirs', // every word must be found in one drama
    'zzzz',
    '',
    '   ',
  ])('finds nothing wrong for the near miss %j', (query) => {
    expect(ids(query)).toEqual([]);
  });

  it('ranks a whole title above a drama that only mentions the word', () => {
    expect(ids('Doctors')).toEqual(['doctors', 'romantic-doctor-teacher-kim']);
    expect(ids('Producers')[0]).toBe('the-producers');
  });

  it('says which other name or cast member the query found', () => {
    const [moonlight] = index.search('love in the moonlight');
    expect(moonlight!.matched).toEqual({ kind: 'name', text: 'Love in the Moonlight' });
    const [healer] = index.search('chang-wook');
    expect(healer!.matched).toEqual({ kind: 'person', text: 'Ji Chang-wook' });
    expect(healer!.fields).toEqual(['people']);
    const [byTitle] = index.search('healer');
    expect(byTitle!.matched).toBeNull();
  });

  it('gives the same answers after a round trip through its stored form', () => {
    const stored = SearchIndex.fromSnapshot(structuredClone(index.toSnapshot()));
    for (const query of ['Healer', 'Cheongju', 'Ji Chang Wook', 'Healr', '힐', 'bubble gum']) {
      expect(stored.search(query)).toEqual(index.search(query));
    }
  });

  it('caps the number of results', () => {
    expect(index.search('jung').length).toBeGreaterThan(3);
    expect(index.search('jung', 3)).toHaveLength(3);
  });
});

describe('factMatches', () => {
  const fact = catalog.facts.find((f) => f.id === 'healer-ep14-kiss-filmed-cheongju')!;
  it.each([
    ['Cheongju', true],
    ['cheong', true],
    ['kiss cheongju', true],
    ['filming location', true], // a tag
    ['Seoul', false],
    ['', false],
  ])('%j → %s', (query, expected) => {
    expect(factMatches(fact, query)).toBe(expected);
  });
});
