import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { checkPackText, MAX_PACK_BYTES, MAX_PACK_FACTS, PackError, type PackProblem } from '../../utils/catalog/pack';
import { packProblemText } from '../../components/problem-text';
import { seedCatalog } from '../../utils/db/seed';
import { lookupEpisode } from '../../entrypoints/background/lookup';
import {
  addOwnFact,
  deleteOwnFact,
  DraftError,
  exportOwnFacts,
  importOwnFactsPack,
  updateOwnFact,
} from '../../utils/db/own-facts';
import type { CatalogDb, OwnFact } from '../../utils/db/database';
import { catalog } from '../helpers/catalog';
import { seededDb as seedTestDb } from '../helpers/seeded-db';
import { dumpDb } from '../helpers/db-dump';
import { packFileText } from '../../utils/catalog/pack-file';

const seededDb = () => seedTestDb('own');

const healer14 = { site: 'netflix' as const, titles: ['Healer'], episode: 14 };

/** A valid own-facts pack, changed by `edit`, as JSON text. */
function ownPack(edit: (pack: Record<string, unknown>) => void = () => {}): string {
  const pack: Record<string, unknown> = {
    format: 1,
    kind: 'own-facts',
    version: 'v1',
    facts: [
      {
        id: 'own-a',
        dramaId: 'healer',
        episode: 14,
        text: 'The rooftop set was heated between takes.',
        people: ['Ji Chang-wook'],
        tags: [],
        spoiler: false,
        sourceId: 'own',
      },
      {
        id: 'own-b',
        dramaId: 'heirs',
        episode: null,
        text: 'Krystal kept a diary of the shoot.',
        spoiler: false,
        sourceId: 'own',
      },
    ],
  };
  edit(pack);
  return JSON.stringify(pack);
}

const facts = (pack: Record<string, unknown>) => pack['facts'] as Record<string, unknown>[];

describe('own facts', () => {
  it('are added, shown with the episode marked as the viewer’s own, edited and deleted', async () => {
    const db = await seededDb();
    const fact = await addOwnFact(db, { dramaId: 'healer', episode: 14, text: 'I cried at this scene.', people: [] });
    let view = await lookupEpisode(db, healer14);
    const mine = view!.episodeFacts.filter((f) => f.own);
    expect(mine.map((f) => f.text)).toEqual(['I cried at this scene.']);
    expect(view!.episodeFacts.filter((f) => !f.own).length).toBe(
      catalog.facts.filter((f) => f.dramaId === 'healer' && f.episode === 14).length,
    );

    await updateOwnFact(db, fact.id, { dramaId: 'healer', episode: null, text: 'The whole drama made me cry.' });
    view = await lookupEpisode(db, healer14);
    expect(view!.episodeFacts.some((f) => f.own)).toBe(false);
    expect(view!.dramaFacts.filter((f) => f.own).map((f) => f.text)).toEqual(['The whole drama made me cry.']);
    expect((await db.get('ownFacts', fact.id))?.createdAt).toBe(fact.createdAt);

    expect(await deleteOwnFact(db, fact.id)).toBe(true);
    expect(await db.count('ownFacts')).toBe(0);
    expect(await deleteOwnFact(db, fact.id)).toBe(false);
  });

  it.each([
    ['empty text', { dramaId: 'healer', episode: 14, text: '   ' }, 'text', 'invalid'],
    ['markup', { dramaId: 'healer', episode: 14, text: '<img src=x onerror=alert(1)>' }, 'text', 'invalid'],
    ['an episode past the end', { dramaId: 'healer', episode: 21, text: 'Too far.' }, 'episode', 'episode-past-end'],
    ['a drama not in the catalog', { dramaId: 'crash-landing', episode: 1, text: 'Hi.' }, 'dramaId', 'unknown-drama'],
  ])('refuses a draft with %s, naming the field', async (_name, draft, field, code) => {
    const db = await seededDb();
    const err = await addOwnFact(db, draft).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DraftError);
    expect((err as DraftError).problems[0]).toMatchObject({ field, code });
    expect(await db.count('ownFacts')).toBe(0);
  });

  it('refuses to edit a fact that does not exist', async () => {
    const db = await seededDb();
    await expect(updateOwnFact(db, 'own-nope', { dramaId: 'healer', episode: 1, text: 'x' })).rejects.toBeInstanceOf(
      DraftError,
    );
  });

  it('survive a catalog update', async () => {
    const db = await seededDb();
    await addOwnFact(db, { dramaId: 'healer', episode: 14, text: 'Mine.' });
    await seedCatalog(db, { ...catalog, version: 'next' });
    expect((await lookupEpisode(db, healer14))!.episodeFacts.filter((f) => f.own).map((f) => f.text)).toEqual([
      'Mine.',
    ]);
  });
});

describe('export and import', () => {
  it('round-trips: what one browser exports, another imports exactly', async () => {
    const from = await seededDb();
    await addOwnFact(from, { dramaId: 'healer', episode: 14, text: 'First.', people: ['Park Min-young'] }, 1000);
    await addOwnFact(from, { dramaId: 'oh-my-ghost', episode: null, text: 'Second.', spoiler: true }, 2000);
    const exported = await exportOwnFacts(from);
    expect(exported.kind).toBe('own-facts');
    expect(exported.facts.map((f) => f.text)).toEqual(['First.', 'Second.']);

    const to = await seededDb();
    expect(await importOwnFactsPack(to, JSON.stringify(exported))).toEqual({ added: 2, alreadyThere: 0 });
    expect(await exportOwnFacts(to)).toEqual(exported);
    // Importing the same pack again changes nothing.
    const before = await dumpDb(to);
    expect(await importOwnFactsPack(to, JSON.stringify(exported))).toEqual({ added: 0, alreadyThere: 2 });
    expect(await dumpDb(to)).toEqual(before);
  });

  it('restores every field of every fact and every own source in a fresh database', async () => {
    const from = await seededDb();
    await addOwnFact(from, { dramaId: 'healer', episode: 14, text: 'First.', people: ['Park Min-young'] }, 1000);
    await addOwnFact(from, { dramaId: 'oh-my-ghost', episode: null, text: 'Second.', spoiler: true }, 2000);
    // An imported pack may carry facts with a source of their own, a moment and a spoiler-free episode.
    await importOwnFactsPack(
      from,
      ownPack((p) => {
        Object.assign(facts(p)[0]!, { at: 754, tags: ['rooftop'], sourceId: 'my-notes' });
        Object.assign(facts(p)[1]!, { spoiler: true, spoilerFreeFrom: 12, sourceId: 'my-notes' });
        p['sources'] = [
          {
            id: 'my-notes',
            title: 'My notes from the fan meeting',
            publisher: 'Me',
            url: 'https://example.org/n',
            date: '2015-02',
          },
        ];
      }),
      3000,
    );
    await updateOwnFact(
      from,
      (await from.getAll('ownFacts'))[0]!.id,
      { dramaId: 'healer', episode: 13, text: 'Edited.' },
      4000,
    );
    const exported = await exportOwnFacts(from);
    expect(exported.sources).toEqual([
      {
        id: 'my-notes',
        title: 'My notes from the fan meeting',
        publisher: 'Me',
        url: 'https://example.org/n',
        date: '2015-02',
      },
    ]);

    // The file as the options page writes it, read back by another browser.
    const to = await seededDb();
    expect(await importOwnFactsPack(to, packFileText(exported), 9999)).toEqual({ added: 4, alreadyThere: 0 });
    const byId = (facts: unknown[]) => [...(facts as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await to.getAll('ownFacts'))).toEqual(byId(await from.getAll('ownFacts')));
    expect(await exportOwnFacts(to)).toEqual(exported);
    // The own source is shown with its fact, as a catalog source is.
    expect((await lookupEpisode(to, healer14))!.episodeFacts.find((f) => f.id === 'own-a')?.source).toEqual({
      title: 'My notes from the fan meeting',
      publisher: 'Me',
      url: 'https://example.org/n',
      date: '2015-02',
    });
  });

  it('refuses a pack naming a source the viewer’s facts already hold under the same id, but different', async () => {
    const db = await seededDb();
    const withSource = (title: string) =>
      ownPack((p) => {
        facts(p)[0]!['sourceId'] = 'my-notes';
        p['sources'] = [{ id: 'my-notes', title }];
      });
    await importOwnFactsPack(db, withSource('My notes'));
    const before = await dumpDb(db);
    const err = await importOwnFactsPack(
      db,
      withSource('Other notes').replace('"own-a"', '"own-c"').replace('"own-b"', '"own-d"'),
    ).catch((e: unknown) => e);
    expect((err as PackError).problems).toEqual([{ code: 'source-taken', field: 'sources[0].id', detail: 'my-notes' }]);
    expect(await dumpDb(db)).toEqual(before);
  });

  it('imports a valid pack and shows its facts', async () => {
    const db = await seededDb();
    expect(await importOwnFactsPack(db, ownPack())).toEqual({ added: 2, alreadyThere: 0 });
    const view = await lookupEpisode(db, healer14);
    expect(view!.episodeFacts.find((f) => f.own)?.text).toBe('The rooftop set was heated between takes.');
  });

  const bad: [string, () => string, PackProblem['code'], string][] = [
    ['not JSON', () => '{"format": 1, "kind": "own-facts",', 'not-json', ''],
    ['not a pack at all', () => '[1, 2, 3]', 'shape', ''],
    [
      'a wrong shape (episode as text)',
      () => ownPack((p) => (facts(p)[0]!['episode'] = 'fourteen')),
      'shape',
      'facts[0].episode',
    ],
    ['an unknown field', () => ownPack((p) => (facts(p)[0]!['html'] = 'x')), 'shape', 'facts[0]'],
    ['a future format', () => ownPack((p) => (p['format'] = 2)), 'shape', 'format'],
    [
      'an unknown drama',
      () => ownPack((p) => (facts(p)[1]!['dramaId'] = 'moonlit-kimchi-detective')),
      'unknown-drama',
      'facts[1].dramaId',
    ],
    [
      'an episode past the drama’s end',
      () => ownPack((p) => (facts(p)[0]!['episode'] = 21)),
      'episode-past-end',
      'facts[0].episode',
    ],
    ['duplicate ids', () => ownPack((p) => (facts(p)[1]!['id'] = 'own-a')), 'duplicate-id', 'facts[1].id'],
    ['oversized (over 5 MB)', () => ownPack((p) => (p['padding'] = 'x'.repeat(5 * 1024 * 1024))), 'too-large', ''],
    [
      'too many facts',
      () => ownPack((p) => (p['facts'] = Array.from({ length: 10_001 }, (_, i) => ({ ...facts(p)[0], id: `f-${i}` })))),
      'shape',
      'facts',
    ],
    [
      'an HTML tag in a fact',
      () => ownPack((p) => (facts(p)[0]!['text'] = 'Nice <b>kiss</b>')),
      'markup',
      'facts[0].text',
    ],
    ['a script', () => ownPack((p) => (facts(p)[0]!['text'] = '<script>alert(1)</script>')), 'markup', 'facts[0].text'],
    [
      'a javascript: address',
      () => ownPack((p) => (facts(p)[0]!['people'] = ['javascript:alert(1)'])),
      'markup',
      'facts[0].people[0]',
    ],
    [
      'control characters',
      () => ownPack((p) => (facts(p)[0]!['text'] = 'bell\u0007')),
      'control-chars',
      'facts[0].text',
    ],
    [
      'a __proto__ key',
      () => ownPack().replace('"format":1', '"__proto__":{"polluted":true},"format":1'),
      'forbidden-key',
      '__proto__',
    ],
    [
      'a nested constructor key',
      () => ownPack((p) => (facts(p)[0]!['constructor'] = { prototype: {} })),
      'forbidden-key',
      'facts[0].constructor',
    ],
    ['a catalog pack', () => JSON.stringify(catalog), 'wrong-kind', 'kind'],
    [
      'a clash with one of the viewer’s facts',
      () => ownPack((p) => (facts(p)[0]!['id'] = 'mine')),
      'id-taken',
      'facts[0].id',
    ],
  ];

  it.each(bad)(
    'refuses a pack with %s, saying why, and leaves the database exactly as it was',
    async (_n, make, code, field) => {
      const db = await seededDb();
      // The viewer already has a fact with id "mine", different from the pack's.
      await db.put('ownFacts', {
        id: 'mine',
        dramaId: 'healer',
        episode: 14,
        episodeKey: 14,
        seq: 1,
        text: 'Already mine.',
        people: [],
        tags: [],
        spoiler: false,
        sourceId: 'own',
        createdAt: 1,
        updatedAt: 1,
      });
      const before = await dumpDb(db);
      const err = await importOwnFactsPack(db, make()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PackError);
      const problems = (err as PackError).problems;
      expect(problems.map((p) => p.code)).toContain(code);
      expect(problems.find((p) => p.code === code)?.field).toBe(field);
      expect(await dumpDb(db)).toEqual(before);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
  );

  // Every control and format character that can disguise text (README, "Packs").
  const disguising: [string, string][] = [
    ['NUL', '\u0000'],
    ['ESC', '\u001b'],
    ['DEL', '\u007f'],
    ['C1 next line', '\u0085'],
    ['C1 control sequence introducer', '\u009b'],
    ['left-to-right embedding', '\u202a'],
    ['right-to-left override', '\u202e'],
    ['left-to-right isolate', '\u2066'],
    ['pop directional isolate', '\u2069'],
    ['left-to-right mark', '\u200e'],
    ['right-to-left mark', '\u200f'],
    ['Arabic letter mark', '\u061c'],
    ['zero-width space', '\u200b'],
    ['zero-width non-joiner', '\u200c'],
    ['zero-width joiner', '\u200d'],
    ['word joiner', '\u2060'],
    ['byte order mark', '\ufeff'],
    ['soft hyphen', '\u00ad'],
    ['a tag character', '\u{e0041}'],
  ];

  it.each(disguising)('refuses a pack with a %s in any string, naming the field', async (_name, char) => {
    for (const [edit, field] of [
      [(p: Record<string, unknown>) => (facts(p)[0]!['text'] = `Nice${char} kiss`), 'facts[0].text'],
      [(p: Record<string, unknown>) => (facts(p)[1]!['people'] = [`Krys${char}tal`]), 'facts[1].people[0]'],
      [(p: Record<string, unknown>) => (p['version'] = `v${char}1`), 'version'],
    ] as const) {
      const check = checkPackText(ownPack(edit));
      expect(check.ok).toBe(false);
      expect(!check.ok && check.problems).toEqual([
        { code: 'control-chars', field, detail: expect.any(String) as unknown },
      ]);
    }
  });

  it('accepts tabs and line breaks in a fact', () => {
    expect(checkPackText(ownPack((p) => (facts(p)[0]!['text'] = 'Line one\nLine\ttwo'))).ok).toBe(true);
  });

  it('removes disguising characters from what the viewer types, so what is saved always exports and imports', async () => {
    const db = await seededDb();
    const typed = disguising.map(([, char]) => char).join('');
    const fact = await addOwnFact(db, {
      dramaId: 'healer',
      episode: 14,
      text: `The ${typed}kiss was\nfilmed twice.`,
      people: [`Ji ${typed}Chang-wook`],
    });
    expect(fact.text).toBe('The kiss was\nfilmed twice.');
    expect(fact.people).toEqual(['Ji Chang-wook']);
    await expect(addOwnFact(db, { dramaId: 'healer', episode: 14, text: `\u200b\u202e` })).rejects.toBeInstanceOf(
      DraftError,
    );
    const fresh = await seededDb();
    expect(await importOwnFactsPack(fresh, packFileText(await exportOwnFacts(db)))).toMatchObject({ added: 1 });
  });

  it('exports a fact saved before the rule without its disguising characters, so the file imports', async () => {
    const db = await seededDb();
    await fillOwnFacts(db, 1, () => 'Old\u200b fact \u202ewith marks.');
    const pack = await exportOwnFacts(db);
    expect(pack.facts[0]?.text).toBe('Old fact with marks.');
    expect(await importOwnFactsPack(await seededDb(), packFileText(pack))).toMatchObject({ added: 1 });
  });

  it.each([
    ['arrays', (n: number) => '['.repeat(n) + ']'.repeat(n)],
    ['objects', (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)],
    [
      'a fact field',
      (n: number) => ownPack().replace('"people":["Ji Chang-wook"]', `"people":${'['.repeat(n)}${']'.repeat(n)}`),
    ],
  ])(
    'refuses a pack nested too deeply (%s, 200,000 levels) with a clear message, not a stack overflow',
    async (_n, make) => {
      const db = await seededDb();
      const before = await dumpDb(db);
      const err = await importOwnFactsPack(db, make(200_000)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PackError);
      expect((err as PackError).problems).toEqual([
        { code: 'too-deep', field: '', detail: expect.any(String) as unknown },
      ]);
      expect(packProblemText((err as PackError).problems[0]!)).toBe(
        'the pack is nested too deeply (32 levels at most)',
      );
      expect(await dumpDb(db)).toEqual(before);
    },
  );

  it('accepts brackets inside strings however many there are', () => {
    expect(checkPackText(ownPack((p) => (facts(p)[0]!['text'] = '[[[[{{{{'.repeat(60)))).ok).toBe(true);
  });

  it('writes nothing when one fact of many is bad (the whole pack or nothing)', async () => {
    const db = await seededDb();
    const before = await dumpDb(db);
    const json = ownPack((p) => facts(p).push({ ...facts(p)[0], id: 'own-c', dramaId: 'nowhere' }));
    await expect(importOwnFactsPack(db, json)).rejects.toBeInstanceOf(PackError);
    expect(await dumpDb(db)).toEqual(before);
  });
});

/** `count` facts of the viewer's about Healer, written straight to the store (as years of use would). */
async function fillOwnFacts(db: CatalogDb, count: number, text: (i: number) => string): Promise<void> {
  const tx = db.transaction('ownFacts', 'readwrite');
  for (let i = 0; i < count; i++) {
    // Every field the same length whatever i, so that each fact takes the same bytes in a file.
    const fact: OwnFact = {
      id: `own-fill-${String(i).padStart(5, '0')}`,
      dramaId: 'healer',
      episode: 10 + (i % 10),
      episodeKey: 10 + (i % 10),
      seq: 1e12 + i,
      text: text(i),
      people: [],
      tags: [],
      spoiler: false,
      sourceId: 'own',
      createdAt: 1e12 + i,
      updatedAt: 1e12 + i,
    };
    void tx.store.put(fact);
  }
  await tx.done;
}

const byId = (facts: OwnFact[]) => [...facts].sort((a, b) => a.id.localeCompare(b.id));

describe('the viewer’s facts are capped at what one export carries', () => {
  it(`holds at most ${MAX_PACK_FACTS} facts, and an export of them all restores in a fresh database`, async () => {
    const db = await seededDb();
    await fillOwnFacts(db, MAX_PACK_FACTS - 1, (i) => `Fact number ${i}.`);
    await addOwnFact(db, { dramaId: 'healer', episode: 1, text: 'The last one that fits.' }, 2e12);
    const err = await addOwnFact(db, { dramaId: 'healer', episode: 1, text: 'One too many.' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DraftError);
    expect((err as DraftError).problems).toEqual([
      { field: 'text', code: 'too-many-facts', detail: `${MAX_PACK_FACTS + 1} facts` },
    ]);
    expect(await db.count('ownFacts')).toBe(MAX_PACK_FACTS);

    const file = packFileText(await exportOwnFacts(db));
    const fresh = await seededDb();
    expect(await importOwnFactsPack(fresh, file)).toEqual({ added: MAX_PACK_FACTS, alreadyThere: 0 });
    expect(byId(await fresh.getAll('ownFacts'))).toEqual(byId(await db.getAll('ownFacts')));

    // An import that would take the viewer past the cap is refused whole.
    const before = await dumpDb(fresh);
    const more = await importOwnFactsPack(fresh, ownPack()).catch((e: unknown) => e);
    expect((more as PackError).problems).toEqual([
      { code: 'too-many-facts', field: '', detail: `${MAX_PACK_FACTS + 2} facts` },
    ]);
    expect(await dumpDb(fresh)).toEqual(before);
  }, 60_000);

  it(`holds no more than one export file carries (${MAX_PACK_BYTES} bytes), whether facts are added, edited or imported`, async () => {
    const db = await seededDb();
    const long = (i: number) => `${String(i).padStart(5, '0')} ${'촬영장 뒷이야기'.repeat(80)}`.slice(0, 600);
    // How many long facts fill an export file: measured on the file itself.
    await fillOwnFacts(db, 2, long);
    const two = new TextEncoder().encode(packFileText(await exportOwnFacts(db))).length;
    await db.clear('ownFacts');
    await fillOwnFacts(db, 1, long);
    const one = new TextEncoder().encode(packFileText(await exportOwnFacts(db))).length;
    const perFact = two - one;
    const fits = Math.floor((MAX_PACK_BYTES - (one - perFact)) / perFact);
    await db.clear('ownFacts');
    await fillOwnFacts(db, fits, long);
    const file = packFileText(await exportOwnFacts(db));
    expect(new TextEncoder().encode(file).length).toBeLessThanOrEqual(MAX_PACK_BYTES);

    const before = await dumpDb(db);
    const added = await addOwnFact(db, { dramaId: 'healer', episode: 1, text: long(99_999) }).catch((e: unknown) => e);
    expect((added as DraftError).problems).toEqual([
      { field: 'text', code: 'export-too-large', detail: expect.stringMatching(/^\d+ bytes$/) as unknown },
    ]);
    const people = Array.from({ length: 20 }, (_, i) => `${i} ${'배우'.repeat(38)}`);
    const edited = await updateOwnFact(db, 'own-fill-00000', {
      dramaId: 'healer',
      episode: 10,
      text: long(0),
      people,
    }).catch((e: unknown) => e);
    expect((edited as DraftError).problems[0]?.code).toBe('export-too-large');
    expect(await dumpDb(db)).toEqual(before);
    // An edit that does not grow the file is let through.
    await updateOwnFact(db, 'own-fill-00000', { dramaId: 'healer', episode: 10, text: 'Shorter now.' });

    // The file restores, and nothing can be imported on top of it.
    const fresh = await seededDb();
    expect(await importOwnFactsPack(fresh, file)).toEqual({ added: fits, alreadyThere: 0 });
    const tooMuch = ownPack((p) => (facts(p)[0]!['text'] = long(99_999)));
    const imported = await importOwnFactsPack(fresh, tooMuch).catch((e: unknown) => e);
    expect((imported as PackError).problems.map((p) => p.code)).toEqual(['export-too-large']);
  }, 60_000);
});
