import { describe, expect, it } from 'vitest';
import { compactText, foldText, indexTerms, queryWords, withinOneEdit } from '../../utils/search/normalize';
import { packStrings, unpackStrings } from '../../utils/search/packed-strings';
import { decodeDramas, encodeDramas, type SearchDrama } from '../../utils/search/record-codec';
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
    ['응답하라 1997', 'reply-1997'], // hangul
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

  it.each(['Park Shin-hye', 'IU', 'Seo Hyun-jin'])('finds every drama of %s', (actor) => {
    const expected = catalog.dramas.filter((d) => d.cast.some((c) => c.actor === actor)).map((d) => d.id);
    expect(expected.length).toBeGreaterThan(1);
    expect(ids(actor)).toEqual(expect.arrayContaining(expected));
    // …and first, before dramas that only mention the name in a fact.
    expect(ids(actor).slice(0, expected.length).sort()).toEqual(expected.sort());
  });

  it.each([
    'Moonlit Kimchi Detective', // not in the catalog
    'Healyng', // too far from "Healer" to be a typo
    'Hexlir', // two typos are too many
    'Cheongju Heirs', // every word must be found in one drama
    'zzzz',
    '',
    '   ',
  ])('finds nothing wrong for the near miss %j', (query) => {
    expect(ids(query)).toEqual([]);
  });

  it('ranks a whole title above a drama that only mentions the word', () => {
    const results = index.search('Doctors');
    expect(results[0]!.drama.id).toBe('doctors');
    // Every drama found by a title comes before every drama found only in people or facts.
    const byTitle = results.map((r) => r.fields.includes('title'));
    expect(byTitle.indexOf(false)).toBeGreaterThan(byTitle.lastIndexOf(true));
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

  it('names the cast member the whole query names, not the first who shares one word with it', () => {
    // City Hunter's cast lists Lee Min-ho before Park Min-young; "min" is in both names.
    const cityHunter = index.search('Park Min-young').find((r) => r.drama.id === 'city-hunter');
    expect(cityHunter!.matched).toEqual({ kind: 'person', text: 'Park Min-young' });
    const again = index.search('Lee Min-ho').find((r) => r.drama.id === 'city-hunter');
    expect(again!.matched).toEqual({ kind: 'person', text: 'Lee Min-ho' });
  });

  it('caps the number of results', () => {
    expect(index.search('jung').length).toBeGreaterThan(3);
    expect(index.search('jung', 3)).toHaveLength(3);
  });
});

describe('stored form', () => {
  const queries = [
    'Healer',
    'Cheongju',
    'cheongju kiss',
    'Ji Chang Wook',
    'Healr',
    '힐',
    '히',
    'bubble gum',
    'jung',
    'IU',
  ];
  const head = structuredClone(index.toSnapshot());
  const factPart = structuredClone(index.factsSnapshot());

  it.each(queries)('answers %j the same after a round trip of both parts', (query) => {
    expect(SearchIndex.fromSnapshot(head, factPart).search(query)).toEqual(index.search(query));
    expect(SearchIndex.fromSnapshot(head).withFacts(factPart).search(query)).toEqual(index.search(query));
  });

  it('holds only strings and typed arrays, which structured clone copies whole', () => {
    const kinds = new Set<string>();
    const walk = (value: unknown) => {
      if (typeof value === 'string' || typeof value === 'number') kinds.add(typeof value);
      else if (ArrayBuffer.isView(value)) kinds.add(value.constructor.name);
      else for (const inner of Object.values(value as object)) walk(inner);
    };
    walk(head);
    walk(factPart);
    // Two-byte postings: the catalog has far fewer than 65,536 dramas.
    expect([...kinds].sort()).toEqual(['Uint16Array', 'Uint32Array', 'number', 'string']);
  });

  it('keeps four-byte postings for a catalog of more than 65,536 dramas', () => {
    const many = Array.from({ length: 65_537 }, (_, i) => ({
      ...catalog.dramas[0]!,
      id: `d${i}`,
      title: `Drama ${i}`,
      titleKo: '',
      romanized: [],
      aliases: [],
      cast: [],
    }));
    const big = SearchIndex.build(many, []);
    expect(big.toSnapshot().titles.postings).toBeInstanceOf(Uint32Array);
    // The last drama's position does not fit in two bytes, and it is still found.
    expect(big.search('Drama 65536', 1).map((r) => r.drama.id)).toEqual(['d65536']);
  });

  it.each([
    ['Healer', ['healer']], // a title
    ['힐러', ['healer']], // its Korean title
    ['Ji Chang-wook', []], // a person: in the second part
    ['Cheongju', []], // a word only facts hold
    ['cheongju kiss', []],
  ])('answers %j from titles alone, before the second part arrives: %j', (query, expected) => {
    const titlesOnly = SearchIndex.fromSnapshot(head);
    expect(titlesOnly.hasFacts).toBe(false);
    expect(titlesOnly.search(query).map((r) => r.drama.id)).toEqual(expected);
    expect(titlesOnly.withFacts(factPart).hasFacts).toBe(true);
  });

  it('shows a drama from the first part with its names, and its people once the second part is in', () => {
    const titlesOnly = SearchIndex.fromSnapshot(head);
    const [early] = titlesOnly.search('Healer');
    const [full] = index.search('Healer');
    expect(early!.drama).toEqual({ ...full!.drama, people: [] });
    expect(titlesOnly.withFacts(factPart).search('Healer')[0]!.drama).toEqual(full!.drama);
    expect(full!.drama.people).toContain('Ji Chang-wook');
  });

  it('stores Korean titles apart, so the rest of the first part stays one byte a character', () => {
    // eslint-disable-next-line no-control-regex -- Latin-1 is what V8 stores one byte a character
    const oneByte = (s: string) => /^[\u0000-\u00ff]*$/.test(s);
    const latinOnly = SearchIndex.build(
      catalog.dramas.filter((d) => [d.title, ...d.romanized, ...d.aliases].every(oneByte)),
      [],
    ).toSnapshot();
    expect(latinOnly.dramas.text.length).toBeGreaterThan(0);
    expect(oneByte(latinOnly.dramas.text)).toBe(true);
    expect(oneByte(latinOnly.titlesKo.text)).toBe(false);
  });

  it.each(['titles', 'compactTitles'] as const)(
    'stores the %s terms with a character past Latin-1 apart ("49일" too), so the rest stays one byte a character',
    (table) => {
      // eslint-disable-next-line no-control-regex -- Latin-1 is what V8 stores one byte a character
      const oneByte = (s: string) => /^[\u0000-\u00ff]*$/.test(s);
      const { terms, wideTerms } = head[table];
      expect(unpackStrings(terms)).toContain('healer');
      expect(oneByte(terms.text)).toBe(true);
      expect(wideTerms.text).not.toBe(''); // the Korean titles' terms
      expect(unpackStrings(wideTerms).every((term) => !oneByte(term))).toBe(true);
    },
  );

  it('finds a term that starts in Latin-1 but goes on past it, whole and by prefix', () => {
    const table = SearchIndex.build(
      [{ ...catalog.dramas[0]!, id: 'forty-nine', title: 'Days', titleKo: '49일', romanized: [], aliases: [] }],
      [],
    );
    const stored = SearchIndex.fromSnapshot(structuredClone(table.toSnapshot()));
    expect(stored.search('49일').map((r) => r.drama.id)).toEqual(['forty-nine']);
    expect(stored.search('49').map((r) => r.drama.id)).toEqual(['forty-nine']);
  });

  it.each([[[]], [['']], [['', 'Healer', '']], [['힐러', 'a', '49일', 'Amélie']]])(
    'packs the strings %j into one with their ends, and reads each back',
    (strings: string[]) => {
      const packed = structuredClone(packStrings(strings));
      expect(packed.text).toBe(strings.join(''));
      expect(packed.ends).toBeInstanceOf(Uint32Array);
      expect(unpackStrings(packed)).toEqual(strings);
    },
  );

  it('reads back a drama with no Korean title and no other names', () => {
    const bare = {
      ...catalog.dramas[0]!,
      id: 'bare',
      title: 'Bare',
      titleKo: '',
      romanized: [],
      aliases: [],
      cast: [],
    };
    const stored = SearchIndex.fromSnapshot(structuredClone(SearchIndex.build([bare], []).toSnapshot()));
    expect(stored.search('bare').map((r) => r.drama)).toEqual([
      { id: 'bare', title: 'Bare', titleKo: '', year: bare.year, episodes: bare.episodes, names: ['Bare'], people: [] },
    ]);
  });

  it('refuses a facts part built for another catalog', () => {
    const other = SearchIndex.build(catalog.dramas.slice(1), catalog.facts).factsSnapshot();
    expect(() => SearchIndex.fromSnapshot(head).withFacts(other)).toThrow(
      `the facts part is for ${catalog.dramas.length - 1} dramas, the index has ${catalog.dramas.length}`,
    );
  });

  it.each<[string, SearchDrama[]]>([
    ['no dramas', []],
    [
      'empty lists and fields',
      [{ id: 'x', title: 'X', titleKo: '', year: 2020, episodes: 16, names: ['X'], people: [] }],
    ],
    [
      'hangul, accents and separators inside text',
      [
        {
          id: 'a',
          title: 'Amélie\u001eTwo',
          titleKo: '아멜리',
          year: 1999,
          episodes: 1,
          names: ['Amélie\u001eTwo', '아멜리'],
          people: ['Oh Hae-young', 'Kim\u001fLee'],
        },
        { id: 'b', title: 'B', titleKo: '비', year: 2001, episodes: 2, names: ['B', '비'], people: ['Park'] },
      ],
    ],
  ])('encodes drama records with %s', (_, dramas) => {
    const encoded = encodeDramas(dramas);
    expect(decodeDramas({ dramas: encoded.dramas, titlesKo: encoded.titlesKo }).map((d) => d.people)).toEqual(
      dramas.map(() => []),
    );
    // eslint-disable-next-line no-control-regex -- the record separators
    const separatorsAsSpaces = (s: string) => s.replace(/[\u001d-\u001f]/g, ' ');
    expect(decodeDramas(encoded)).toEqual(
      dramas.map((d) => ({
        ...d,
        title: separatorsAsSpaces(d.title),
        names: d.names.map(separatorsAsSpaces),
        people: d.people.map(separatorsAsSpaces),
      })),
    );
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
