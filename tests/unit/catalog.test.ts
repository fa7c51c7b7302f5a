import { describe, expect, it } from 'vitest';
import { CatalogError, compileCatalog, type CatalogFile, type CatalogProblem } from '../../utils/catalog/compile';
import { catalog } from '../helpers/catalog';

describe('the catalog in data/', () => {
  it('holds every drama the three source articles give facts about, among a hundred and more', () => {
    expect(catalog.dramas.map((d) => d.id)).toEqual(
      expect.arrayContaining([
        'another-oh-hae-young',
        'bubblegum',
        'business-proposal',
        'cheese-in-the-trap',
        'doctors',
        'healer',
        'heirs',
        'moon-lovers-scarlet-heart-ryeo',
        'moonlight-drawn-by-clouds',
        'nevertheless',
        'oh-my-ghost',
        'reply-1997',
        'romantic-doctor-teacher-kim',
        'the-producers',
        'weightlifting-fairy-kim-bok-joo',
      ]),
    );
    expect(catalog.dramas.length).toBeGreaterThanOrEqual(100);
    expect(catalog.facts.length).toBeGreaterThanOrEqual(500);
  });

  it('gives every drama at least three facts, each from a source a viewer can follow', () => {
    const sources = new Map(catalog.sources.map((s) => [s.id, s]));
    for (const drama of catalog.dramas) {
      expect(catalog.facts.filter((f) => f.dramaId === drama.id).length, drama.id).toBeGreaterThanOrEqual(3);
    }
    for (const fact of catalog.facts) {
      const source = sources.get(fact.sourceId);
      expect(source?.url, fact.id).toMatch(/^https?:\/\//);
      expect(source?.publisher, fact.id).toBeTruthy();
    }
  });

  it('places the facts the articles tie to an episode in that episode', () => {
    const articles = new Set(['healer-teary-kiss-bts', 'kdrama-kiss-scenes-bts', 'unscripted-kiss-scenes']);
    const episodesOf = (dramaId: string) =>
      new Set(
        catalog.facts
          .filter((f) => f.dramaId === dramaId && f.episode !== null && articles.has(f.sourceId))
          .map((f) => f.episode),
      );
    expect(episodesOf('healer')).toEqual(new Set([14]));
    expect(episodesOf('weightlifting-fairy-kim-bok-joo')).toEqual(new Set([15]));
    expect(episodesOf('nevertheless')).toEqual(new Set([4]));
    expect(episodesOf('business-proposal')).toEqual(new Set([10]));
    // "the final episode" of Oh My Ghost resolves to its last episode, 16.
    expect(episodesOf('oh-my-ghost')).toEqual(new Set([16]));
  });

  it('knows the drama article 001 names only by its actors', () => {
    const moonLovers = catalog.dramas.find((d) => d.id === 'moon-lovers-scarlet-heart-ryeo')!;
    expect(moonLovers.cast.map((c) => c.actor)).toEqual(expect.arrayContaining(['Lee Joon-gi', 'IU']));
    expect(catalog.facts.some((f) => f.dramaId === moonLovers.id && /birthday/i.test(f.text))).toBe(true);
  });

  it('carries the Korean title and a romanisation for every drama', () => {
    for (const drama of catalog.dramas) {
      expect(drama.titleKo, drama.id).toMatch(/\p{Script=Hangul}/u);
      expect(drama.romanized.length, drama.id).toBeGreaterThan(0);
    }
  });

  it('has a version that changes when any fact changes', () => {
    expect(catalog.version).toMatch(/^[0-9a-f]{14}$/);
    const edited = compile(healerFile((d) => (d.facts[0].text += ' Edited.')));
    const again = compile(healerFile(() => {}));
    expect(edited.version).not.toBe(again.version);
    expect(compile(healerFile(() => {})).version).toBe(again.version);
  });
});

const sourcesFile: CatalogFile = {
  path: 'data/sources.json',
  text: JSON.stringify({
    sources: [
      {
        id: 'article',
        title: 'An article',
        publisher: 'Example News',
        url: 'https://example.org/article',
        date: '2015-01-21',
        ref: 'shared/sources/articles/x.txt',
      },
    ],
  }),
};

function sourcesWith(edit: (source: Record<string, unknown>) => void): CatalogFile {
  const doc = JSON.parse(sourcesFile.text) as { sources: Record<string, unknown>[] };
  edit(doc.sources[0]!);
  return { path: sourcesFile.path, text: JSON.stringify(doc) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests edit raw JSON, malformed on purpose
type RawDrama = any;

function healerFile(edit: (drama: RawDrama) => void, path = 'data/dramas/healer.json'): CatalogFile {
  const drama = {
    id: 'healer',
    title: 'Healer',
    titleKo: '힐러',
    romanized: ['Hilleo'],
    year: 2014,
    network: 'KBS2',
    episodes: 20,
    references: ['https://example.org/healer-reference'],
    cast: [{ actor: 'Ji Chang-wook', character: 'Seo Jung-hoo' }],
    facts: [
      { id: 'healer-kiss', episode: 14, text: 'A fact.', tags: ['kiss-scene'], spoiler: true, source: 'article' },
      { id: 'healer-final', episode: 'final', text: 'Another.', tags: ['ad-lib'], spoiler: false, source: 'article' },
    ],
  };
  edit(drama);
  return { path, text: JSON.stringify(drama) };
}

function compile(...files: CatalogFile[]) {
  return compileCatalog(sourcesFile, files);
}

function problemsOf(...files: CatalogFile[]) {
  try {
    compile(...files);
  } catch (err) {
    expect(err).toBeInstanceOf(CatalogError);
    return (err as CatalogError).problems;
  }
  throw new Error('expected the catalog to be refused');
}

describe('compileCatalog', () => {
  it('resolves "final" to the last episode and a missing episode to none', () => {
    const pack = compile(healerFile((d) => delete d.facts[0].episode));
    expect(pack.facts.map((f) => f.episode)).toEqual([null, 20]);
  });

  it.each([
    ['a missing field', (d: RawDrama) => delete d.network, 'network', /expected string/i],
    ['a wrong type', (d: RawDrama) => (d.year = '2014'), 'year', /expected number/i],
    ['an unknown field', (d: RawDrama) => (d.rating = 9), '(whole file)', /unrecognized key.*rating/i],
    [
      'an episode past the last',
      (d: RawDrama) => (d.facts[0].episode = 21),
      'facts[0].episode',
      /past the drama's last episode \(20\)/,
    ],
    ['an empty fact', (d: RawDrama) => (d.facts[1].text = '  '), 'facts[1].text', /must not be empty/],
    ['a fact without tags', (d: RawDrama) => (d.facts[0].tags = []), 'facts[0].tags', /at least one tag/],
    ['an id that is not a slug', (d: RawDrama) => (d.facts[0].id = 'Healer Kiss'), 'facts[0].id', /lower-case words/],
    [
      'an unknown source',
      (d: RawDrama) => (d.facts[0].source = 'nowhere'),
      'facts[0].source',
      /not an id in data\/sources.json/,
    ],
    [
      'a duplicate fact id',
      (d: RawDrama) => (d.facts[1].id = 'healer-kiss'),
      'facts[1].id',
      /already the id of a fact/,
    ],
    ['control characters', (d: RawDrama) => (d.title = 'Heal\u0007er'), 'title', /control characters/],
    ['a C1 control character', (d: RawDrama) => (d.title = 'Heal\u0085er'), 'title', /control characters/],
    ['a bidi override', (d: RawDrama) => (d.facts[0].text = 'Kiss \u202escene'), 'facts[0].text', /control characters/],
    ['a zero-width space', (d: RawDrama) => (d.aliases = ['Heal\u200ber']), 'aliases[0]', /control characters/],
    ['no reference page', (d: RawDrama) => (d.references = []), 'references', /at least one reference page/],
    [
      'a reference that is not a web address',
      (d: RawDrama) => (d.references = ['javascript:alert(1)']),
      'references[0]',
      /http\(s\) address/,
    ],
    [
      'a spoilerFreeFrom on an episode fact',
      (d: RawDrama) => (d.facts[0].spoilerFreeFrom = 3),
      'facts[0].spoilerFreeFrom',
      /only a fact about the whole drama/,
    ],
    [
      'a spoilerFreeFrom on a fact that spoils nothing',
      (d: RawDrama) => {
        delete d.facts[1].episode;
        d.facts[1].spoilerFreeFrom = 3;
      },
      'facts[1].spoilerFreeFrom',
      /only a spoiler can stop being one/,
    ],
    [
      'a spoilerFreeFrom past the last episode',
      (d: RawDrama) => {
        delete d.facts[0].episode;
        d.facts[0].spoilerFreeFrom = 21;
      },
      'facts[0].spoilerFreeFrom',
      /past the drama's last episode \(20\)/,
    ],
  ] as [string, (d: RawDrama) => void, string, RegExp][])(
    'refuses %s, naming the file, the field and the reason',
    (_, edit, field, reason) => {
      const problems = problemsOf(healerFile(edit));
      expect(problems).toContainEqual({
        file: 'data/dramas/healer.json',
        field,
        reason: expect.stringMatching(reason),
      });
    },
  );

  it('keeps the episode from which a drama-wide spoiler is safe, "final" as the last episode', () => {
    const pack = compile(
      healerFile((d) => {
        delete d.facts[0].episode;
        d.facts[0].spoilerFreeFrom = 'final';
      }),
    );
    expect(pack.facts[0]).toMatchObject({ episode: null, spoiler: true, spoilerFreeFrom: 20 });
    expect(pack.facts[1]).not.toHaveProperty('spoilerFreeFrom');
  });

  it.each([
    ['no address', (s: Record<string, unknown>) => delete s.url, 'sources[0].url', /expected string/i],
    ['no publisher', (s: Record<string, unknown>) => delete s.publisher, 'sources[0].publisher', /expected string/i],
    [
      'no date',
      (s: Record<string, unknown>) => delete s.date,
      'sources[0].date',
      /must be a real date .* or "undated"/,
    ],
    [
      'a date that does not exist',
      (s: Record<string, unknown>) => (s.date = '2015-02-30'),
      'sources[0].date',
      /real date/,
    ],
    [
      'a date in another form',
      (s: Record<string, unknown>) => (s.date = '21/01/2015'),
      'sources[0].date',
      /YYYY-MM-DD/,
    ],
    [
      'an address that is not http(s)',
      (s: Record<string, unknown>) => (s.url = 'ftp://example.org/a'),
      'sources[0].url',
      /http\(s\) address/,
    ],
  ] as [string, (s: Record<string, unknown>) => void, string, RegExp][])(
    'refuses a source with %s',
    (_, edit, field, reason) => {
      let problems: CatalogProblem[] = [];
      try {
        compileCatalog(sourcesWith(edit), [healerFile(() => {})]);
      } catch (err) {
        problems = (err as CatalogError).problems;
      }
      expect(problems).toContainEqual({ file: 'data/sources.json', field, reason: expect.stringMatching(reason) });
    },
  );

  it('accepts a date as precise as the source pins it, or "undated" said explicitly, and ships no made-up date', () => {
    for (const date of ['2015', '2015-01', '2015-01-21']) {
      const pack = compileCatalog(
        sourcesWith((s) => (s.date = date)),
        [healerFile(() => {})],
      );
      expect(pack.sources[0]?.date).toBe(date);
    }
    const undated = compileCatalog(
      sourcesWith((s) => (s.date = 'undated')),
      [healerFile(() => {})],
    );
    expect(undated.sources[0]).not.toHaveProperty('date');
  });

  it('refuses a file that is not JSON', () => {
    const problems = problemsOf({ path: 'data/dramas/healer.json', text: '{ "id": "healer", ' });
    expect(problems).toEqual([
      { file: 'data/dramas/healer.json', field: '(whole file)', reason: expect.stringMatching(/^not valid JSON/) },
    ]);
  });

  it('refuses a file not named after its drama', () => {
    const problems = problemsOf(healerFile(() => {}, 'data/dramas/healer-2014.json'));
    expect(problems).toContainEqual({
      file: 'data/dramas/healer-2014.json',
      field: 'id',
      reason: expect.stringContaining('"healer.json"'),
    });
  });

  it('refuses two dramas that cannot be told apart by title', () => {
    const other = healerFile((d) => {
      d.id = 'healer-remake';
      d.title = 'HEALER';
      d.facts = [];
    }, 'data/dramas/healer-remake.json');
    // Files are read in name order, so healer-remake.json comes first and the clash is reported on healer.json.
    const problems = problemsOf(
      healerFile(() => {}),
      other,
    );
    expect(problems).toContainEqual({
      file: 'data/dramas/healer.json',
      field: 'title',
      reason: expect.stringContaining('cannot be told apart from "HEALER" (drama healer-remake, 2014)'),
    });
  });

  it('lets two dramas share a title only when their years tell them apart', () => {
    const remake = (year: number) =>
      healerFile((d) => {
        d.id = 'healer-remake';
        d.titleKo = '힐러 리메이크';
        d.romanized = ['Hilleo Rimeikeu'];
        d.year = year;
        d.facts = [];
      }, 'data/dramas/healer-remake.json');
    expect(() =>
      compile(
        healerFile(() => {}),
        remake(2024),
      ),
    ).not.toThrow();
    // A year apart is not enough: a drama airing over New Year is listed under either year.
    expect(
      problemsOf(
        healerFile(() => {}),
        remake(2015),
      ),
    ).toContainEqual({
      file: 'data/dramas/healer.json',
      field: 'title',
      reason: expect.stringContaining('(drama healer-remake, 2015)'),
    });
  });

  it('reports every problem of every file at once, and says so in its message', () => {
    let error: CatalogError | undefined;
    try {
      compile(
        healerFile((d) => delete d.network),
        healerFile((d) => {
          d.id = 'other';
          d.title = 'Other';
          d.titleKo = '다른';
          d.romanized = ['Dareun'];
          d.year = 'x';
          d.facts = [];
        }, 'data/dramas/other.json'),
      );
    } catch (err) {
      error = err as CatalogError;
    }
    expect(error?.problems.map((p) => `${p.file}:${p.field}`)).toEqual([
      'data/dramas/healer.json:network',
      'data/dramas/other.json:year',
    ]);
    expect(error?.message).toContain('data/dramas/healer.json: network:');
  });
});
