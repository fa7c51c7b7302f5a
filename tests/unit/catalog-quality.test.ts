import { describe, expect, it } from 'vitest';
import { qualityProblems, similarity, wordsOf } from '../../utils/catalog/quality';
import type { CatalogPack, Fact } from '../../utils/catalog/types';
import { catalog } from '../helpers/catalog';

const drama = (id: string) => ({ ...catalog.dramas[0]!, id, title: id });
const fact = (id: string, dramaId: string, text: string, sourceId = 'a'): Fact => ({
  id,
  dramaId,
  episode: null,
  text,
  people: [],
  tags: ['between-takes'],
  spoiler: false,
  sourceId,
});
const pack = (facts: Fact[], dramas = ['one']): CatalogPack => ({
  format: 1,
  version: 'x',
  dramas: dramas.map(drama),
  facts,
  sources: [{ id: 'a', title: 'A', publisher: 'P', url: 'https://example.org/a', date: '2020' }],
});
const three = [
  fact('one-a', 'one', 'The lead actor brought coffee for the whole crew on the first day.'),
  fact('one-b', 'one', 'A storm flooded the set, so the rooftop scene moved indoors.'),
  fact('one-c', 'one', 'The director asked for forty takes of the bus stop goodbye.'),
];

describe('the catalog check', () => {
  it('passes the catalog in data/', () => {
    expect(qualityProblems(catalog)).toEqual([]);
  });

  it('passes a drama with three different facts', () => {
    expect(qualityProblems(pack(three))).toEqual([]);
  });

  it('refuses a drama with fewer than three facts, naming its file', () => {
    expect(qualityProblems(pack(three.slice(0, 2)))).toEqual([
      { file: 'data/dramas/one.json', field: 'facts', reason: 'has 2 facts; every drama needs at least 3' },
    ]);
  });

  it('refuses a fact that nearly repeats another fact of the drama', () => {
    const again = fact('one-d', 'one', 'On the first day, the lead actor brought coffee for the whole crew.');
    const problems = qualityProblems(pack([...three, again]));
    expect(problems).toContainEqual({
      file: 'data/dramas/one.json',
      field: 'facts[3].text',
      reason: expect.stringMatching(/^nearly repeats fact "one-a"/),
    });
  });

  it('refuses a long run of words shared with a fact of another drama', () => {
    const copied = fact(
      'two-a',
      'two',
      'Fans noticed that the lead actor brought coffee for the whole crew on the first day of filming.',
    );
    const others = [
      fact('two-b', 'two', 'Snow fell during the finale.'),
      fact('two-c', 'two', 'A cat wandered on set.'),
    ];
    const problems = qualityProblems(pack([...three, copied, ...others], ['one', 'two']));
    expect(problems).toEqual([
      {
        file: 'data/dramas/two.json',
        field: 'facts[0].text',
        reason: expect.stringContaining('repeats 10 words in a row of fact "one-a"'),
      },
    ]);
  });

  it('refuses a fact that copies its article word for word, but lets a quoted line stand', () => {
    const article = {
      sourceId: 'a',
      text: 'Witnesses said the lead actor brought coffee for the whole crew on the first day of the shoot. He shouted "I will not stop until every single one of you has had a cup" at dawn.',
    };
    const quoting = fact(
      'one-d',
      'one',
      'He promised coffee for all: "I will not stop until every single one of you has had a cup".',
    );
    expect(qualityProblems(pack([...three, quoting]), [article]).map((p) => p.field)).toEqual(['facts[0].text']);
  });

  it('refuses a source no fact uses', () => {
    const p = pack(three);
    p.sources.push({ id: 'b', title: 'B', publisher: 'P', url: 'https://example.org/b', date: '2020' });
    expect(qualityProblems(p)).toEqual([
      { file: 'data/sources.json', field: 'sources[1]', reason: '"b" is used by no fact' },
    ]);
  });

  it('compares words, not case, punctuation or apostrophes', () => {
    expect(wordsOf('Don’t STOP—now!')).toEqual(['dont', 'stop', 'now']);
    expect(similarity('A b c d.', 'a, B c d')).toBe(1);
    expect(similarity('A b c d', 'e f g h')).toBe(0);
  });
});
