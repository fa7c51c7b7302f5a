import { describe, expect, it } from 'vitest';
import { siteForHost } from '../../utils/sites';
import type { Playing } from '../../utils/sites/types';
import { fixtureDocument } from '../helpers/fixtures';

/** Saved pages of each site and what its adapter must read from them. */
const PAGES: [fixture: string, url: string, expected: Playing | null][] = [
  [
    'netflix/watch-healer-e14.html',
    'https://www.netflix.com/watch/80049015',
    { site: 'netflix', titles: ['Healer'], episode: 14 },
  ],
  [
    'netflix/watch-healer-e14.html',
    'https://www.netflix.com/watch/80049015?trackId=14170286&tctx=2%2C1',
    { site: 'netflix', titles: ['Healer'], episode: 14 },
  ],
  [
    'netflix/watch-korean.html',
    'https://www.netflix.com/watch/80049015',
    { site: 'netflix', titles: ['힐러'], episode: 14 },
  ],
  [
    'netflix/watch-next-episode.html',
    'https://www.netflix.com/watch/80134711',
    { site: 'netflix', titles: ['Weightlifting Fairy Kim Bok Joo'], episode: 14 },
  ],
  [
    'netflix/watch-unknown.html',
    'https://www.netflix.com/watch/81159258',
    { site: 'netflix', titles: ['Crash Landing on You'], episode: 3 },
  ],
  // The title bar is not in the page as served; it appears later.
  ['netflix/watch-late-title.html', 'https://www.netflix.com/watch/80025789', null],
  // A browse page plays nothing, even with a title bar in a preview.
  ['netflix/browse.html', 'https://www.netflix.com/browse', null],
  ['netflix/browse.html', 'https://www.netflix.com/title/80049015', null],
  [
    'viki/watch-heirs-e14.html',
    'https://www.viki.com/videos/1023585v-heirs-episode-14',
    { site: 'viki', titles: ['heirs', 'Heirs'], episode: 14 },
  ],
  [
    'viki/watch-no-slug.html',
    'https://www.viki.com/videos/1119421v',
    { site: 'viki', titles: ['Business Proposal'], episode: 10 },
  ],
  ['viki/series.html', 'https://www.viki.com/tv/21789c-heirs', null],
];

describe('site adapters over saved pages', () => {
  it.each(PAGES)('%s at %s', (fixture, url, expected) => {
    const site = siteForHost(new URL(url).hostname)!;
    expect(site.read(fixtureDocument(fixture, url), new URL(url))).toEqual(expected);
  });

  it('finds each page’s player container, where the overlay goes', () => {
    const netflix = fixtureDocument('netflix/watch-healer-e14.html', 'https://www.netflix.com/watch/80049015');
    expect(siteForHost('www.netflix.com')!.playerContainer(netflix)?.className).toBe('watch-video');
    const viki = fixtureDocument('viki/watch-heirs-e14.html', 'https://www.viki.com/videos/1023585v-heirs-episode-14');
    expect(siteForHost('www.viki.com')!.playerContainer(viki)?.id).toBe('video-player');
  });
});

describe('netflix', () => {
  const netflix = siteForHost('www.netflix.com')!;
  const page = (titleBar: string) => {
    const doc = fixtureDocument('netflix/browse.html', 'https://www.netflix.com/watch/1');
    doc.body.innerHTML = `<div data-uia="video-title">${titleBar}</div>`;
    return netflix.read(doc, new URL('https://www.netflix.com/watch/1'));
  };

  it.each([
    [
      '<h4>Dr. Romantic</h4><span>S2:E3</span><span>Episode 3</span>',
      { titles: ['Dr. Romantic'], season: 2, episode: 3 },
    ],
    ['<h4>Healer</h4><span>Folge 5</span>', { titles: ['Healer'], episode: 5 }],
    ['<h4>Business Proposal</h4><span>Special</span>', { titles: ['Business Proposal'] }],
    ['<h4>\u200fHealer\u200e  </h4><span>E1</span>', { titles: ['Healer'], episode: 1 }],
    ['Oh My Ghost', { titles: ['Oh My Ghost'] }],
    ['<h4>   </h4>', null],
    [`<h4>${'x'.repeat(5000)}</h4><span>E1</span>`, null],
  ])('reads the title bar %s', (bar, expected) => {
    expect(page(bar)).toEqual(expected && { site: 'netflix', ...expected });
  });
});

describe('siteForHost', () => {
  it.each([
    ['www.netflix.com', 'netflix'],
    ['netflix.com', 'netflix'],
    ['www.viki.com', 'viki'],
    ['evilnetflix.com', undefined],
    ['netflix.com.example.org', undefined],
  ])('%s → %s', (host, id) => {
    expect(siteForHost(host)?.id).toBe(id);
  });
});
