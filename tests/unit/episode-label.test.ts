import { describe, expect, it } from 'vitest';
import { parseEpisodeLabel, parseEpisodeSlug } from '../../utils/sites/episode-label';

describe('parseEpisodeLabel', () => {
  it.each([
    ['E14', { episode: 14 }],
    ['E5', { episode: 5 }],
    ['Ep. 5', { episode: 5 }],
    ['Ep 5', { episode: 5 }],
    ['EP5', { episode: 5 }],
    ['Episode 14', { episode: 14 }],
    ['episode 3', { episode: 3 }],
    ['S1:E5', { season: 1, episode: 5 }],
    ['S2:E3', { season: 2, episode: 3 }],
    ['S01E05', { season: 1, episode: 5 }],
    ['Season 1, Ep. 4', { season: 1, episode: 4 }],
    ['Season 1, Ep. 4 The Ghouls', { season: 1, episode: 4 }],
    ['Season 2 Episode 7', { season: 2, episode: 7 }],
    ['14화', { episode: 14 }],
    ['5화', { episode: 5 }],
    ['제5화', { episode: 5 }],
    ['16회', { episode: 16 }],
    ['第5集', { episode: 5 }],
    ['第 12 集', { episode: 12 }],
    ['Folge 3', { episode: 3 }],
    ['Épisode 3', { episode: 3 }],
    ['Ｅ１４', { episode: 14 }],
  ])('reads %s', (label, expected) => {
    expect(parseEpisodeLabel(label)).toEqual(expected);
  });

  it.each([
    ['Special'],
    ['Special Episode 1'],
    ['Trailer'],
    ['Teaser 2'],
    ['Episode 14 Preview'],
    ['스페셜'],
    ['Healer'],
    ['Reply 1997'],
    ['Episode 0'],
    ['Episode 9999'],
    [''],
  ])('finds no episode in %s', (label) => {
    expect(parseEpisodeLabel(label)).toEqual({});
  });

  it('does not read the E of a word as an episode', () => {
    expect(parseEpisodeLabel('Another Oh Hae-young')).toEqual({});
    expect(parseEpisodeLabel('Love E2E')).toEqual({});
  });
});

describe('parseEpisodeSlug', () => {
  it.each([
    ['heirs-episode-14', { title: 'heirs', episode: 14 }],
    ['the-producers-ep-3', { title: 'the-producers', episode: 3 }],
    ['business-proposal-episode-10', { title: 'business-proposal', episode: 10 }],
    ['heirs', { title: 'heirs' }],
    ['heirs-trailer', { title: 'heirs-trailer' }],
  ])('reads %s', (slug, expected) => {
    expect(parseEpisodeSlug(slug)).toEqual(expected);
  });
});
