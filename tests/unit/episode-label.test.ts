import { describe, expect, it } from 'vitest';
import {
  parseEpisodeLabel,
  parseEpisodeSlug,
  parseLeadingEpisodeNumber,
} from '../../utils/sites/readers/episode-label';

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
    // Every form the supported sites print
    ['Ep.5', { episode: 5 }],
    ['EP14', { episode: 14 }],
    ['Season 1, Ep. 5', { season: 1, episode: 5 }],
    ['Season 1, Ep. 14 Episode 14', { season: 1, episode: 14 }],
    ['S1:E6 The Operation', { season: 1, episode: 6 }], // Disney+ subtitle field
    ['S1: afl. 6 De operatie', { season: 1, episode: 6 }], // Disney+ in Dutch
    ['S1: Folge 6', { season: 1, episode: 6 }], // Disney+ in German
    ['S1 : ép. 6', { season: 1, episode: 6 }], // Disney+ in French
    ['Staffel 1, Folge 14 Episode 14', { season: 1, episode: 14 }], // Prime Video in German
    ['시즌 1 에피소드 14', { season: 1, episode: 14 }], // Prime Video in Korean
    ['에피소드 14', { episode: 14 }],
    ['Healer: E08', { episode: 8 }], // OnDemandKorea page title
    ['Episodio 14', { episode: 14 }], // Kocowa in Spanish
    ['Episódio 4', { episode: 4 }], // Kocowa in Portuguese
    ['EP1 Cute Programmer', { episode: 1 }], // a WeTV video slug with dashes read as spaces
    ['치즈인더트랩 14회', { episode: 14 }],
    ['第15集', { episode: 15 }], // iQIYI and WeTV in Chinese
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
    ['Season 1'], // a season alone names no episode
    ['S1: Trailer'],
    ['Special: Behind the Scenes'],
    ['第1集预告'], // iQIYI's preview of episode 1
    ['Steps 5'], // a word ending in "s" before a number is no season
    [''],
  ])('finds no episode in %s', (label) => {
    expect(parseEpisodeLabel(label)).toEqual({});
  });

  it('does not read the E of a word as an episode', () => {
    expect(parseEpisodeLabel('Another Oh Hae-young')).toEqual({});
    expect(parseEpisodeLabel('Love E2E')).toEqual({});
  });
});

describe('parseLeadingEpisodeNumber', () => {
  it.each([
    ['5.Title', { episode: 5 }],
    ['14.Kiss in the rain', { episode: 14 }],
    ['16. The Last Episode', { episode: 16 }],
    ['1.', { episode: 1 }],
    ['1997', {}], // Reply 1997, not an episode
    ['2gether', {}],
    ['3.5 Behind the scenes', {}],
    ['0.Prologue', {}],
    ['Special.Title', {}],
    ['12.Special', {}],
    ['Healer', {}],
  ])('reads %s', (label, expected) => {
    expect(parseLeadingEpisodeNumber(label)).toEqual(expected);
  });
});

describe('parseEpisodeSlug', () => {
  it.each([
    ['heirs-episode-14', { title: 'heirs', episode: 14 }],
    ['the-producers-ep-3', { title: 'the-producers', episode: 3 }],
    ['business-proposal-episode-10', { title: 'business-proposal', episode: 10 }],
    ['heirs', { title: 'heirs' }],
    ['heirs-trailer', { title: 'heirs-trailer' }],
    ['healer-episode-5', { title: 'healer', episode: 5 }],
    ['nevertheless-ep4', { title: 'nevertheless', episode: 4 }],
    ['healer-episode-0', { title: 'healer' }],
  ])('reads %s', (slug, expected) => {
    expect(parseEpisodeSlug(slug)).toEqual(expected);
  });
});
