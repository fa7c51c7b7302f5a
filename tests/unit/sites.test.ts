import { describe, expect, it } from 'vitest';
import { siteForHost } from '../../utils/sites';
import { SUPPORTED_MATCHES } from '../../utils/sites/matches';
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
    { site: 'netflix', titles: ['Moonlit Kimchi Detective'], episode: 3 },
  ],
  // The title bar is not in the page as served; it appears later.
  ['netflix/watch-late-title.html', 'https://www.netflix.com/watch/80025789', null],
  // A browse page plays nothing, even with a title bar in a preview.
  ['netflix/browse.html', 'https://www.netflix.com/browse', null],
  ['netflix/browse.html', 'https://www.netflix.com/title/80049015', null],
  [
    'viki/watch-heirs-e14.html',
    'https://www.viki.com/videos/1023585v-heirs-episode-14',
    { site: 'viki', titles: ['heirs', 'Heirs'], episode: 14, seriesId: '21789c' },
  ],
  [
    'viki/watch-no-slug.html',
    'https://www.viki.com/videos/1119421v',
    { site: 'viki', titles: ['Business Proposal'], episode: 10 },
  ],
  ['viki/series.html', 'https://www.viki.com/tv/21789c-heirs', null],
  // Kocowa: the Brightcove dock first, then JSON-LD, og:title, document.title
  [
    'kocowa/watch-healer-e14.html',
    'https://www.kocowa.com/en_us/media/5130981/healer-e14',
    { site: 'kocowa', titles: ['Healer'], episode: 14 },
  ],
  [
    'kocowa/watch-spanish.html',
    'https://www.kocowa.com/es_us/media/5402217/nevertheless-e4',
    { site: 'kocowa', titles: ['Nevertheless,'], episode: 4 },
  ],
  ['kocowa/season.html', 'https://www.kocowa.com/en_us/season/1106/healer', null],
  // A page that names the show but no episode: the show alone, with no episode
  [
    'kocowa/season.html',
    'https://www.kocowa.com/en_us/media/5130981/healer-e14',
    { site: 'kocowa', titles: ['Healer'] },
  ],
  // OnDemandKorea: the program slug (also the series id), then document.title, JSON-LD, og:title
  [
    'ondemandkorea/watch-business-proposal-e10.html',
    'https://www.ondemandkorea.com/en/player/vod/business-proposal?contentId=1483470',
    {
      site: 'ondemandkorea',
      titles: ['business proposal', 'Business Proposal'],
      episode: 10,
      seriesId: 'business-proposal',
    },
  ],
  [
    'ondemandkorea/watch-korean.html',
    'https://www.ondemandkorea.com/ko/player/vod/business-proposal?contentId=1483470',
    { site: 'ondemandkorea', titles: ['business proposal', '사내맞선'], episode: 10, seriesId: 'business-proposal' },
  ],
  [
    'ondemandkorea/watch-unknown.html',
    'https://www.ondemandkorea.com/player/vod/breakup-probation-a-week?contentId=1595796',
    {
      site: 'ondemandkorea',
      titles: ['breakup probation a week', 'Breakup Probation, A Week'],
      episode: 8,
      seriesId: 'breakup-probation-a-week',
    },
  ],
  ['ondemandkorea/program.html', 'https://www.ondemandkorea.com/en/business-proposal', null],
  // Disney+: title fields inside the player's shadow root, then document.title
  [
    'disneyplus/watch-dr-romantic-s1e6.html',
    'https://www.disneyplus.com/en-us/play/3f2c7a1e-6b8d-4c1e-9a57-0d2f5e8b1c44',
    { site: 'disneyplus', titles: ['Dr. Romantic'], season: 1, episode: 6 },
  ],
  [
    'disneyplus/watch-dutch.html',
    'https://www.disneyplus.com/nl-nl/video/3f2c7a1e-6b8d-4c1e-9a57-0d2f5e8b1c44',
    { site: 'disneyplus', titles: ['Dr. Romantic'], season: 1, episode: 6 },
  ],
  [
    'disneyplus/browse-entity.html',
    'https://www.disneyplus.com/en-us/browse/entity-5d1c9a0e-2f4b-4a8e-b7c3-1e6f0a9d2b55',
    null,
  ],
  // Prime Video: only an open player says what plays; the ASIN identifies the series
  [
    'primevideo/detail-player-e14.html',
    'https://www.primevideo.com/detail/0HJQ5Z9VXAB6R1NGXG5WTC0P2L/ref=atv_dp_btf_el_prime_sd_tv_resume_t1ACAAAAAA0wr0',
    {
      site: 'primevideo',
      titles: ['Weightlifting Fairy Kim Bok Joo'],
      season: 1,
      episode: 14,
      seriesId: '0HJQ5Z9VXAB6R1NGXG5WTC0P2L',
    },
  ],
  [
    'primevideo/amazon-de-player.html',
    'https://www.amazon.de/gp/video/detail/B01N5RAB2Q/ref=atv_dp_season_select_s1',
    { site: 'primevideo', titles: ['Weightlifting Fairy Kim Bok Joo'], season: 1, episode: 15, seriesId: 'B01N5RAB2Q' },
  ],
  ['primevideo/detail.html', 'https://www.primevideo.com/detail/0HJQ5Z9VXAB6R1NGXG5WTC0P2L/', null],
  ['primevideo/storefront.html', 'https://www.primevideo.com/storefront/', null],
  // iQIYI: the slug, then __NEXT_DATA__ (only while it describes the URL's video), h1, document.title
  [
    'iqiyi/watch-nevertheless-e4.html',
    'https://www.iq.com/play/nevertheless-episode-4-1a8pvn0d7o4',
    { site: 'iqiyi', titles: ['nevertheless', 'Nevertheless,'], episode: 4, seriesId: '1a8pvn0d7o0' },
  ],
  // After client-side navigation __NEXT_DATA__ still describes episode 4: the URL wins.
  [
    'iqiyi/watch-nevertheless-e4.html',
    'https://www.iq.com/play/nevertheless-episode-5-1a8pvn0d7o5',
    { site: 'iqiyi', titles: ['nevertheless', 'Nevertheless,'], episode: 5, seriesId: '1a8pvn0d7o0' },
  ],
  [
    'iqiyi/watch-chinese.html',
    'https://www.iq.com/play/nevertheless-episode-4-1a8pvn0d7o4?lang=zh_cn',
    { site: 'iqiyi', titles: ['nevertheless', '尽管如此'], episode: 4, seriesId: '1a8pvn0d7o0' },
  ],
  ['iqiyi/album.html', 'https://www.iq.com/album/nevertheless-2021-1a8pvn0d7o0', null],
  // WeTV: the URL's slugs and EP, then the sidebar, the page data, og:title, document.title
  [
    'wetv/watch-cheese-ep4.html',
    'https://wetv.vip/en/play/h4r8ldbe2ywhdx1-Cheese-in-the-Trap/k0041c2n9gr-EP4-Cheese-in-the-Trap',
    { site: 'wetv', titles: ['Cheese in the Trap'], episode: 4, seriesId: 'h4r8ldbe2ywhdx1' },
  ],
  [
    'wetv/watch-chinese-no-slug.html',
    'https://wetv.vip/zh-tw/play/h4r8ldbe2ywhdx1/k0041c2n9gr',
    { site: 'wetv', titles: ['Cheese in the Trap'], episode: 4, seriesId: 'h4r8ldbe2ywhdx1' },
  ],
  [
    'wetv/watch-unknown.html',
    'https://wetv.vip/en/play/air11ooo2rdsdi3-Cute-Programmer/v0040pr89t9-EP1-Cute-Programmer',
    { site: 'wetv', titles: ['Cute Programmer'], episode: 1, seriesId: 'air11ooo2rdsdi3' },
  ],
  ['wetv/channel.html', 'https://wetv.vip/en/channel/drama', null],
  // Viu: #series_title and "16.…", then the page data (with the series id), document.title, the slug
  [
    'viu/watch-oh-my-ghost-e16.html',
    'https://www.viu.com/ott/sg/en-us/vod/221853/Oh%20My%20Ghost',
    { site: 'viu', titles: ['Oh My Ghost'], episode: 16, seriesId: '1387' },
  ],
  [
    'viu/watch-indonesian.html',
    'https://www.viu.com/ott/id/id/vod/221853/Oh-My-Ghost',
    { site: 'viu', titles: ['Oh My Ghost'], episode: 16 },
  ],
  ['viu/category.html', 'https://www.viu.com/ott/sg/en-us/category/1/Korean%20Drama', null],
];

describe('site adapters over saved pages', () => {
  it.each(PAGES)('%s at %s', (fixture, url, expected) => {
    const site = siteForHost(new URL(url).hostname)!;
    expect(site.read(fixtureDocument(fixture, url), new URL(url))).toEqual(expected);
  });

  it.each([
    ['netflix/watch-healer-e14.html', 'https://www.netflix.com/watch/80049015', '.watch-video'],
    ['viki/watch-heirs-e14.html', 'https://www.viki.com/videos/1023585v-heirs-episode-14', '#video-player'],
    ['kocowa/watch-healer-e14.html', 'https://www.kocowa.com/en_us/media/5130981/healer-e14', '#play-container'],
    [
      'ondemandkorea/watch-business-proposal-e10.html',
      'https://www.ondemandkorea.com/en/player/vod/business-proposal?contentId=1483470',
      '#odk-player',
    ],
    // The <video> is in a shadow root: the overlay goes in the light-DOM wrapper.
    [
      'disneyplus/watch-dr-romantic-s1e6.html',
      'https://www.disneyplus.com/en-us/play/3f2c7a1e-6b8d-4c1e-9a57-0d2f5e8b1c44',
      '#hudson-wrapper',
    ],
    [
      'primevideo/detail-player-e14.html',
      'https://www.primevideo.com/detail/0HJQ5Z9VXAB6R1NGXG5WTC0P2L/',
      '#dv-web-player',
    ],
    ['iqiyi/watch-nevertheless-e4.html', 'https://www.iq.com/play/nevertheless-episode-4-1a8pvn0d7o4', '.iqp-player'],
    [
      'wetv/watch-cheese-ep4.html',
      'https://wetv.vip/en/play/h4r8ldbe2ywhdx1-Cheese-in-the-Trap/k0041c2n9gr-EP4-Cheese-in-the-Trap',
      '.txp_player',
    ],
    ['viu/watch-oh-my-ghost-e16.html', 'https://www.viu.com/ott/sg/en-us/vod/221853/Oh%20My%20Ghost', '#videoPlayer'],
  ])('finds the player container of %s, where the overlay goes', (fixture, url, selector) => {
    const doc = fixtureDocument(fixture, url);
    const container = siteForHost(new URL(url).hostname)!.playerContainer(doc);
    expect(container).not.toBeNull();
    expect(container!.matches(selector)).toBe(true);
  });

  it('finds the wrapper around a shadow-root player that has no known wrapper class', () => {
    const url = 'https://www.disneyplus.com/en-us/play/3f2c7a1e-6b8d-4c1e-9a57-0d2f5e8b1c44';
    const doc = fixtureDocument('disneyplus/watch-dr-romantic-s1e6.html', url);
    const wrapper = doc.getElementById('hudson-wrapper')!;
    wrapper.removeAttribute('id');
    wrapper.className = 'player-2026';
    expect(siteForHost('www.disneyplus.com')!.playerContainer(doc)).toBe(wrapper);
  });

  it('takes the newest Prime Video player when a new one is added for the next video', () => {
    const url = 'https://www.primevideo.com/detail/0HJQ5Z9VXAB6R1NGXG5WTC0P2L/';
    const doc = fixtureDocument('primevideo/detail-player-e14.html', url);
    const old = doc.getElementById('dv-web-player')!;
    const next = old.cloneNode(true) as Element;
    next.id = 'dv-web-player-2';
    next.querySelector('.atvwebplayersdk-subtitle-text')!.textContent = 'Season 1, Ep. 15 Episode 15';
    old.after(next);
    const prime = siteForHost('www.primevideo.com')!;
    expect(prime.playerContainer(doc)).toBe(next);
    expect(prime.read(doc, new URL(url))?.episode).toBe(15);
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

describe('content-script matches', () => {
  it('run on Amazon only under /gp/video/, and on each site’s own domain', () => {
    const prime = siteForHost('www.primevideo.com')!;
    expect(prime.matches).toEqual([
      '*://*.primevideo.com/*',
      '*://*.amazon.com/gp/video/*',
      '*://*.amazon.co.uk/gp/video/*',
      '*://*.amazon.de/gp/video/*',
      '*://*.amazon.co.jp/gp/video/*',
    ]);
    expect(SUPPORTED_MATCHES).not.toContain('<all_urls>');
    expect(SUPPORTED_MATCHES.filter((m) => m.includes('amazon')).every((m) => m.endsWith('/gp/video/*'))).toBe(true);
  });
});

describe('siteForHost', () => {
  it.each([
    ['www.netflix.com', 'netflix'],
    ['netflix.com', 'netflix'],
    ['www.viki.com', 'viki'],
    ['www.kocowa.com', 'kocowa'],
    ['www.ondemandkorea.com', 'ondemandkorea'],
    ['www.disneyplus.com', 'disneyplus'],
    ['www.primevideo.com', 'primevideo'],
    ['www.amazon.com', 'primevideo'],
    ['www.amazon.co.uk', 'primevideo'],
    ['www.amazon.de', 'primevideo'],
    ['www.amazon.co.jp', 'primevideo'],
    ['www.iq.com', 'iqiyi'],
    ['wetv.vip', 'wetv'],
    ['www.viu.com', 'viu'],
    // Look-alikes
    ['evilnetflix.com', undefined],
    ['netflix.com.example.org', undefined],
    ['disneyplus.com.evil.example', undefined],
    ['notdisneyplus.com', undefined],
    ['amazon.com.example.org', undefined],
    ['smile.amazon.example', undefined],
    ['amazon.fr', undefined], // its Prime Video lives on primevideo.com
    ['qiq.com', undefined],
    ['iq.com.cn', undefined],
    ['wetv.vip.example', undefined],
    ['myviu.com', undefined],
    ['viu.co', undefined],
    ['kocowa.co', undefined],
  ])('%s → %s', (host, id) => {
    expect(siteForHost(host)?.id).toBe(id);
  });
});
