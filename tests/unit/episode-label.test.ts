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

  // Forms the long-maintained readers of each site parse (docs/sites.md).
  it.each([
    // The number beside an episode's title wins over the words of that title
    ['Season 1, Ep. 5 A Special Night', { season: 1, episode: 5 }], // Prime Video subtitle (universal-trakt-scrobbler)
    ['S1:E6 The Trailer', { season: 1, episode: 6 }], // Disney+ subtitle (PreMiD)
    ['S1:E3 Recap', { season: 1, episode: 3 }], // after a season and episode, the rest is the title
    ['Season 2, Ep. 1 Behind the Scenes', { season: 2, episode: 1 }],
    ['Episode 7 A Special Night', { episode: 7 }],
    ['5.A Special Night', {}], // not this parser's form (see parseLeadingEpisodeNumber)
    // Japanese: Prime Video (NCOverlay SUBTITLE_REGEXP / SUBTITLE_SHORT_REGEXP), Disney+ (NCOverlay)
    ['シーズン1、エピソード5 サブタイトル', { season: 1, episode: 5 }],
    ['S1 E5 サブタイトル', { season: 1, episode: 5 }],
    ['S1：第6話「サブタイトル」', { season: 1, episode: 6 }],
    ['第6話', { episode: 6 }],
    // German: Netflix "Flg. 1" (Dreamlinerm netflix.ts), Prime "Staffel 2, F. 1" (Dreamlinerm shared-functions.ts)
    ['Flg. 14', { episode: 14 }],
    ['Staffel 2, F. 1', { season: 2, episode: 1 }],
    // Chinese with a localized series name in front: iQIYI curVideoInfo.name (yt-dlp IqIE)
    ['航海王 第1000集', { episode: 1000 }],
    // WeTV og:title, label first (yt-dlp tencent.py), full-width colon (its Iflix twin), split episode (#5909)
    ['EP1: Cute Programmer', { episode: 1 }],
    ['EP1：Take My Brother Away', { episode: 1 }],
    ['EP06B: Kupu Malam', { episode: 6 }],
    // Indonesian Viu writes the English form (yt-dlp viu.py)
    ['Detective Conan - Episode 1150', { episode: 1150 }],
    ['Entertainment Weekly - Episode 1622', { episode: 1622 }],
    // Four digits
    ['Episode 1000', { episode: 1000 }],
    ['E1150', { episode: 1150 }],
    ['S1:E1000', { season: 1, episode: 1000 }],
  ])('reads the site form %s', (label, expected) => {
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
    ['Episode 10000'], // five digits: an id, not an episode
    ['Teaser EP18: Love Like the Galaxy'], // WeTV's teaser of episode 18 (ngsoft wetv_example.json)
    ['Trailer: Episode 3'],
    ['Episode 5 Recap'], // the label's own qualifier, with no season: a recap clip
    ['EP5 Highlights'],
    ['Episode 3 - Teaser 2'],
    ['14화 예고'],
    ['E5B'], // a letter after E5 is a word, not WeTV's split episode
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
    ['1150.Detective Conan - Episode 1150', { episode: 1150 }], // Viu #series_ep_title, four digits
    ['5.A Special Night', { episode: 5 }], // a word of the title does not cancel the number beside it
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
    ['one-piece-episode-1000', { title: 'one-piece', episode: 1000 }], // iQIYI (yt-dlp IqIE)
    ['be-my-wife-season3-episode-1', { title: 'be-my-wife', season: 3, episode: 1 }],
  ])('reads %s', (slug, expected) => {
    expect(parseEpisodeSlug(slug)).toEqual(expected);
  });
});
