import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleCandidates } from '../../utils/catalog/article-import';
import { catalog } from '../helpers/catalog';

/** The shared folder sits beside the repository, here and in CI. */
const ARTICLES = join(import.meta.dirname, '..', '..', '..', 'shared', 'sources', 'articles');

describe('article import of the three source articles', () => {
  it.each(catalog.sources.filter((s) => s.ref !== undefined).map((s) => [s.id, s.ref!] as const))(
    '%s: every catalog fact from the article is covered by a candidate with its drama and episode',
    (sourceId, ref) => {
      const article = readFileSync(join(ARTICLES, basename(ref)), 'utf8');
      const candidates = articleCandidates(article, catalog.dramas);
      const facts = catalog.facts.filter((f) => f.sourceId === sourceId);
      expect(facts.length).toBeGreaterThan(0);
      const uncovered = facts
        .filter((f) => !candidates.some((c) => c.dramaId === f.dramaId && c.episode === f.episode))
        .map((f) => `${f.id} (${f.dramaId}, episode ${f.episode})`);
      expect(uncovered).toEqual([]);
      // Every drama a candidate names is one the article's facts are about: no drama from nowhere.
      expect(new Set(candidates.map((c) => c.dramaId))).toEqual(new Set(facts.map((f) => f.dramaId)));
    },
  );
});

describe('articleCandidates', () => {
  const one = (text: string) => articleCandidates(text, catalog.dramas);

  it.each([
    ['a quoted title', 'In episode 14 of “Healer”, the kiss became a hot topic.', 'healer', 14, 'title'],
    ['an alias', 'Answer Me 1997’s Jung Eun Ji kept forgetting to kick him.', 'reply-1997', null, 'title'],
    [
      'only two actors, no title',
      'Lee Joon Ki kissed IU on her birthday.',
      'moon-lovers-scarlet-heart-ryeo',
      null,
      'cast',
    ],
    [
      'an actor in a single catalog drama',
      'Lee Sung Kyung laughed after the take.',
      'weightlifting-fairy-kim-bok-joo',
      null,
      'actor',
    ],
    ['"the final episode"', 'The kiss in the final episode of Oh My Ghost was improvised.', 'oh-my-ghost', 16, 'title'],
    ['"ep. 3"', 'Healer ep. 3 had a rooftop chase.', 'healer', 3, 'title'],
    ['a Korean title and episode', '힐러 14화 키스신 비하인드가 공개됐다.', 'healer', 14, 'title'],
  ])('recognises %s', (_name, text, dramaId, episode, matchedBy) => {
    expect(one(text)).toEqual([expect.objectContaining({ dramaId, episode, matchedBy })]);
  });

  it('takes a one-word name only as a name is written: "the rain" names nobody, "Rain" names Full House', () => {
    expect(one('Tae Moo watches her, distracted from the rain, and kisses her.')).toEqual([]);
    expect(one('Rain laughed between takes.')).toEqual([expect.objectContaining({ dramaId: 'full-house' })]);
  });

  it('names the people recognised, by their catalog names', () => {
    const [candidate] = one('Ji Chang Wook and Park Min Young placed their heads together in Healer.');
    expect(candidate?.people).toEqual(['Ji Chang-wook', 'Park Min-young']);
  });

  it('puts an actor in two dramas (IU) in the one the text is about', () => {
    const text = 'Lee Joon Ki and IU\n\nThe charismatic actor begged IU not to pull away.';
    expect(one(text)).toEqual([
      expect.objectContaining({ dramaId: 'moon-lovers-scarlet-heart-ryeo', people: ['IU'], matchedBy: 'actor' }),
    ]);
    expect(one('IU smiled at the camera.')).toEqual([]);
  });

  it('keeps an episode going through the paragraph and back-references, not into "one of the scenes"', () => {
    const text = [
      'In episode 14 of Healer, the kiss was filmed in Cheongju.',
      'Prior to filming the scene, they talked.',
      'Moreover, in one of the scenes, the set was icy cold.',
      'Healer’s team said the kiss scene was a success.',
    ].join('\n');
    expect(one(text).map((c) => c.episode)).toEqual([14, 14, null, 14]);
  });

  it.each([
    ['a lower-case common word that is also a title', 'It rained; nevertheless, they kept filming.'],
    ['an episode past the drama’s end without a drama', 'In episode 40 the kiss happened.'],
    ['a drama not in the catalog', 'Moonlit Kimchi Detective had a famous kiss in episode 10.'],
    ['nothing at all', ''],
  ])('finds nothing in %s', (_name, text) => {
    expect(one(text)).toEqual([]);
  });

  it('ignores an episode number past the drama’s last episode', () => {
    expect(one('In episode 40 of Healer they kissed.')).toEqual([
      expect.objectContaining({ dramaId: 'healer', episode: null }),
    ]);
  });
});
