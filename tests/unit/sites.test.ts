import { describe, expect, it } from 'vitest';
import { siteForHost } from '../../utils/sites';
import { SUPPORTED_MATCHES } from '../../utils/sites/matches';
import type { Playing } from '../../utils/sites/types';
import { fixtureDocument } from '../helpers/fixtures';

/**
 * Fixture pages of each site, each a reduction of a shape the long-maintained readers of that site
 * show (its header comment names them; docs/sites.md lists them), and what its adapter must read.
 */
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
  // No title bar at all, and the page world not read here: the DOM says nothing (page-world.test.ts reads it).
  ['netflix/watch-auto-advance.html', 'https://www.netflix.com/watch/80134711', null],
  [
    'netflix/watch-german.html',
    'https://www.netflix.com/watch/80049015',
    { site: 'netflix', titles: ['Healer'], episode: 14 },
  ],
  ['netflix/film.html', 'https://www.netflix.com/watch/81000001', { site: 'netflix', titles: ['Parasite'] }],
  // A browse page, a title's preview, a title page play nothing, even with a title bar in a preview.
  ['netflix/browse.html', 'https://www.netflix.com/browse', null],
  ['netflix/browse.html', 'https://www.netflix.com/browse?jbv=80049015', null],
  ['netflix/browse.html', 'https://www.netflix.com/title/80049015', null],
  // Viki: the URL's slug, then #channel-link (PreMiD), then the layers no anchor reads
  [
    'viki/watch-heirs-e14.html',
    'https://www.viki.com/videos/1023585v-heirs-episode-14',
    { site: 'viki', titles: ['heirs', 'Heirs'], episode: 14, seriesId: '21789c' },
  ],
  [
    'viki/watch-heirs-e14.html',
    'https://www.viki.com/player/1023585v',
    { site: 'viki', titles: ['Heirs'], episode: 14, seriesId: '21789c' },
  ],
  [
    'viki/watch-no-slug.html',
    'https://www.viki.com/videos/1119421v',
    { site: 'viki', titles: ['Business Proposal'], episode: 10, seriesId: '38221c' },
  ],
  ['viki/watch-late-title.html', 'https://www.viki.com/videos/1119421v', null],
  [
    'viki/watch-korean.html',
    'https://www.viki.com/videos/1023585v-heirs-episode-14?locale=ko',
    { site: 'viki', titles: ['heirs', '상속자들'], episode: 14, seriesId: '21789c' },
  ],
  // A clip's slug names no episode (and no drama the catalog has)
  [
    'viki/clip.html',
    'https://www.viki.com/videos/1067139v-the-avengers-age-of-ultron-press-conference',
    { site: 'viki', titles: ['the avengers age of ultron press conference'] },
  ],
  ['viki/series.html', 'https://www.viki.com/tv/21789c-heirs', null],
  ['viki/series.html', 'https://www.viki.com/movies/22047c-pride-and-prejudice-2005', null],
  // Kocowa: the Brightcove player's dock, and nothing else (PreMiD)
  [
    'kocowa/watch-healer-e14.html',
    'https://www.kocowa.com/en_us/media/5130981/healer-e14',
    { site: 'kocowa', titles: ['Healer'], episode: 14 },
  ],
  [
    'kocowa/watch-video-path.html',
    'https://www.kocowa.com/en_us/video/5130981/healer-e14',
    { site: 'kocowa', titles: ['Healer'], episode: 14 },
  ],
  [
    'kocowa/watch-spanish.html',
    'https://www.kocowa.com/es_us/media/5402217/nevertheless-e4',
    { site: 'kocowa', titles: ['Nevertheless,'], episode: 4 },
  ],
  // The dock still empty: nothing yet, not a guess from document.title
  ['kocowa/watch-late-title.html', 'https://www.kocowa.com/en_us/media/5130981/healer-e14', null],
  ['kocowa/season.html', 'https://www.kocowa.com/en_us/season/1106/healer', null],
  // A watch URL whose page has no player says nothing
  ['kocowa/season.html', 'https://www.kocowa.com/en_us/video/5130981/healer-e14', null],
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
  [
    'ondemandkorea/watch-business-proposal-e10.html',
    'https://www.ondemandkorea.com/en/player/vod/business-proposal?contentId=1483471',
    {
      site: 'ondemandkorea',
      titles: ['business proposal', 'Business Proposal'],
      episode: 10, // the page's title as served; after the move it says E11 (e2e)
      seriesId: 'business-proposal',
    },
  ],
  [
    'ondemandkorea/film.html',
    'https://www.ondemandkorea.com/player/vod/the-outlaws?contentId=369531',
    { site: 'ondemandkorea', titles: ['the outlaws', 'The Outlaws'], seriesId: 'the-outlaws' },
  ],
  // The structured data missing and the title not set yet: the slug alone, no episode
  [
    'ondemandkorea/watch-late-title.html',
    'https://www.ondemandkorea.com/en/player/vod/business-proposal?contentId=1483470',
    { site: 'ondemandkorea', titles: ['business proposal'], seriesId: 'business-proposal' },
  ],
  // A program page (no contentId) plays nothing, whatever it names
  ['ondemandkorea/program.html', 'https://www.ondemandkorea.com/en/player/vod/business-proposal', null],
  ['ondemandkorea/program.html', 'https://www.ondemandkorea.com/en/player/vod/business-proposal?contentId=', null],
  ['ondemandkorea/program.html', 'https://www.ondemandkorea.com/en/business-proposal', null],
  // Disney+: title-bug's shadow root (nested or not), or the older light-DOM fields
  [
    'disneyplus/watch-dr-romantic-s1e6.html',
    'https://www.disneyplus.com/en-us/play/3f2c7a1e-6b8d-4c1e-9a57-0d2f5e8b1c44',
    { site: 'disneyplus', titles: ['Dr. Romantic'], season: 1, episode: 6 },
  ],
  [
    'disneyplus/watch-japanese.html',
    'https://www.disneyplus.com/ja-jp/play/3f2c7a1e-6b8d-4c1e-9a57-0d2f5e8b1c44',
    { site: 'disneyplus', titles: ['浪漫ドクター キム・サブ'], season: 1, episode: 6 },
  ],
  [
    'disneyplus/watch-dutch.html',
    'https://www.disneyplus.com/nl-nl/video/3f2c7a1e-6b8d-4c1e-9a57-0d2f5e8b1c44',
    { site: 'disneyplus', titles: ['Dr. Romantic'], season: 1, episode: 6 },
  ],
  [
    'disneyplus/film.html',
    'https://www.disneyplus.com/en-us/play/3f2c7a1e-6b8d-4c1e-9a57-0d2f5e8b1c44',
    { site: 'disneyplus', titles: ['Parasite'] },
  ],
  [
    'disneyplus/watch-late-title.html',
    'https://www.disneyplus.com/en-us/play/3f2c7a1e-6b8d-4c1e-9a57-0d2f5e8b1c44',
    null,
  ],
  [
    'disneyplus/browse-entity.html',
    'https://www.disneyplus.com/en-us/browse/entity-5d1c9a0e-2f4b-4a8e-b7c3-1e6f0a9d2b55',
    null,
  ],
  // Prime Video: only an open player (.dv-player-fullscreen with the film's video) says what plays
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
  // A real saved page, reduced: the player open with no title bar; the page's title names the show
  [
    'primevideo/saved-page-late-title.html',
    'https://www.amazon.de/-/en/gp/video/detail/0QBFW23I3E1I59TFDOTTJR9SIE/ref=atv_plr_landingpage_play',
    { site: 'primevideo', titles: ['Healer'], seriesId: '0QBFW23I3E1I59TFDOTTJR9SIE' },
  ],
  [
    'primevideo/japanese.html',
    'https://www.amazon.co.jp/gp/video/detail/B09X5HBYRS/',
    { site: 'primevideo', titles: ['ヒーラー'], season: 1, episode: 14, seriesId: 'B09X5HBYRS' },
  ],
  [
    'primevideo/film.html',
    'https://www.amazon.com/Parasite/dp/B07YM8WS2V',
    { site: 'primevideo', titles: ['Parasite'], seriesId: 'B07YM8WS2V' },
  ],
  ['primevideo/detail-player-closed.html', 'https://www.primevideo.com/detail/0HJQ5Z9VXAB6R1NGXG5WTC0P2L/', null],
  ['primevideo/detail.html', 'https://www.primevideo.com/detail/0HJQ5Z9VXAB6R1NGXG5WTC0P2L/', null],
  ['primevideo/storefront.html', 'https://www.primevideo.com/storefront/', null],
  // An open player on a page that is no title's page plays nothing we can name
  ['primevideo/detail-player-e14.html', 'https://www.primevideo.com/storefront/home', null],
  // iQIYI: the slug, then __NEXT_DATA__ (only while playLocSuffix names the URL's video), the h1, document.title
  [
    'iqiyi/watch-nevertheless-e4.html',
    'https://www.iq.com/play/nevertheless-episode-4-1a8pvn0d7o4',
    { site: 'iqiyi', titles: ['nevertheless', 'Nevertheless,'], episode: 4, seriesId: '1234567' },
  ],
  // After client-side navigation __NEXT_DATA__ still describes episode 4: the URL and the h1 win, and no stale album id.
  [
    'iqiyi/watch-nevertheless-e4.html',
    'https://www.iq.com/play/nevertheless-episode-5-1a8pvn0d7o5',
    { site: 'iqiyi', titles: ['nevertheless', 'Nevertheless,'], episode: 5 },
  ],
  [
    'iqiyi/watch-chinese.html',
    'https://www.iq.com/play/nevertheless-episode-4-1a8pvn0d7o4?lang=zh_cn',
    { site: 'iqiyi', titles: ['nevertheless', '尽管如此'], episode: 4, seriesId: '1234567' },
  ],
  [
    'iqiyi/watch-four-digits.html',
    'https://www.iq.com/play/one-piece-episode-1000-1ma1i6ferf4?lang=en_us',
    { site: 'iqiyi', titles: ['one piece', 'One Piece'], episode: 1000, seriesId: '123456789' },
  ],
  ['iqiyi/film.html', 'https://www.iq.com/play/22yjnij099k', { site: 'iqiyi', titles: ['九龙城寨'] }],
  [
    'iqiyi/watch-dom-only.html',
    'https://www.iq.com/play/1a8pvn0d7o4',
    { site: 'iqiyi', titles: ['Nevertheless,'], episode: 4 },
  ],
  ['iqiyi/watch-late-title.html', 'https://www.iq.com/play/1a8pvn0d7o4', null],
  ['iqiyi/album.html', 'https://www.iq.com/album/nevertheless-2021-1a8pvn0d7o0', null],
  // WeTV: the URL's slugs and EP, then the sidebar, the page data and og:title (while they describe the URL's video)
  [
    'wetv/watch-cheese-ep4.html',
    'https://wetv.vip/en/play/h4r8ldbe2ywhdx1-Cheese-in-the-Trap/k0041c2n9gr-EP4-Cheese-in-the-Trap',
    { site: 'wetv', titles: ['Cheese in the Trap'], episode: 4, seriesId: 'h4r8ldbe2ywhdx1' },
  ],
  // After replaceState to episode 5, the data and og:title still say episode 4: the URL and the sidebar win.
  [
    'wetv/watch-cheese-ep4.html',
    'https://wetv.vip/en/play/h4r8ldbe2ywhdx1/k0041c2n9gs',
    { site: 'wetv', titles: ['Cheese in the Trap'], episode: 4, seriesId: 'h4r8ldbe2ywhdx1' },
  ],
  [
    'wetv/watch-chinese-no-slug.html',
    'https://wetv.vip/zh-tw/play/h4r8ldbe2ywhdx1/k0041c2n9gr',
    { site: 'wetv', titles: ['Cheese in the Trap'], episode: 4, seriesId: 'h4r8ldbe2ywhdx1' },
  ],
  ['wetv/watch-late-title.html', 'https://wetv.vip/en/play/h4r8ldbe2ywhdx1/k0041c2n9gr', null],
  [
    'wetv/watch-unknown.html',
    'https://wetv.vip/en/play/air11ooo2rdsdi3-Cute-Programmer/v0040pr89t9-EP1-Cute-Programmer',
    { site: 'wetv', titles: ['Cute Programmer'], episode: 1, seriesId: 'air11ooo2rdsdi3' },
  ],
  // og:title puts the label first; the episode slug may hold "%3A" (yt-dlp's test URLs)
  [
    'wetv/watch-unknown.html',
    'https://wetv.vip/en/play/air11ooo2rdsdi3/v0040pr89t9-EP1%3ACute-Programmer',
    { site: 'wetv', titles: ['Cute Programmer'], episode: 1, seriesId: 'air11ooo2rdsdi3' },
  ],
  [
    'wetv/watch-indonesian.html',
    'https://wetv.vip/id/play/j6p2f38gmfee8n4-Kupu%20Malam/m00459u9ast-EP06B%3A%20Kupu%20Malam',
    { site: 'wetv', titles: ['Kupu Malam'], episode: 6, seriesId: 'j6p2f38gmfee8n4' },
  ],
  // A teaser of episode 19 is not episode 19
  [
    'wetv/teaser.html',
    'https://wetv.vip/en/play/5ns3tlffhfhwzto/d0043vbbhfl',
    { site: 'wetv', titles: ['Love Like The Galaxy', 'Love Like the Galaxy'], seriesId: '5ns3tlffhfhwzto' },
  ],
  ['wetv/series.html', 'https://wetv.vip/en/play/u37kgfnfzs73kiu-You-Are-My-Glory', null],
  ['wetv/channel.html', 'https://wetv.vip/en/channel/drama', null],
  // Viu: #series_title and "16.…", then the page data keyed by the productId (with the series id), JSON-LD, the slug
  [
    'viu/watch-oh-my-ghost-e16.html',
    'https://www.viu.com/ott/sg/en-us/vod/221853/Oh%20My%20Ghost',
    { site: 'viu', titles: ['Oh My Ghost'], episode: 16, seriesId: '1387' },
  ],
  // After a move to product 221854 the data, keyed by 221853, says nothing: the page's own titles answer.
  [
    'viu/watch-oh-my-ghost-e16.html',
    'https://www.viu.com/ott/sg/en-us/vod/221854/Oh%20My%20Ghost',
    { site: 'viu', titles: ['Oh My Ghost'], episode: 16 },
  ],
  [
    'viu/watch-indonesian.html',
    'https://www.viu.com/ott/id/id/vod/221853/Oh-My-Ghost',
    { site: 'viu', titles: ['Oh My Ghost'], episode: 16, seriesId: '1387' },
  ],
  [
    'viu/watch-four-digits.html',
    'https://www.viu.com/ott/id/id/vod/2221644/Detective-Conan',
    { site: 'viu', titles: ['Detective Conan'], episode: 1150, seriesId: '0000' },
  ],
  // The structured data missing and the title not there yet: nothing but the slug
  [
    'viu/watch-late-title.html',
    'https://www.viu.com/ott/sg/en-us/vod/221853/Oh%20My%20Ghost',
    { site: 'viu', titles: ['Oh My Ghost'] },
  ],
  [
    'viu/film.html',
    'https://www.viu.com/ott/sg/en/vod/3421/Parasite',
    { site: 'viu', titles: ['Parasite'], seriesId: '9999' },
  ],
  [
    'viu/legacy-video.html',
    'https://www.viu.com/ott/id/id/all/video-japanese-drama-tv_shows-detective_conan_episode_793-1165863142?containerId=playlist-26271226',
    { site: 'viu', titles: ['Detective Conan', 'detective conan'], episode: 793 },
  ],
  ['viu/details.html', 'https://www.viu.com/ott/sg/en-us/vod/221853/Oh%20My%20Ghost', null],
  ['viu/category.html', 'https://www.viu.com/ott/sg/en-us/category/1/Korean%20Drama', null],
];

describe('site adapters over fixture pages reduced from the anchors’ shapes', () => {
  it.each(PAGES)('%s at %s', (fixture, url, expected) => {
    const site = siteForHost(new URL(url).hostname)!;
    expect(site.read(fixtureDocument(fixture, url), new URL(url))).toEqual(expected);
  });

  it.each([
    ['netflix/watch-healer-e14.html', 'https://www.netflix.com/watch/80049015', '.watch-video'],
    ['viki/watch-heirs-e14.html', 'https://www.viki.com/videos/1023585v-heirs-episode-14', '.video-js'],
    ['kocowa/watch-healer-e14.html', 'https://www.kocowa.com/en_us/media/5130981/healer-e14', '#play-container'],
    [
      'ondemandkorea/watch-business-proposal-e10.html',
      'https://www.ondemandkorea.com/en/player/vod/business-proposal?contentId=1483470',
      '.video-js',
    ],
    // The player element, which holds the title bug beside the video.
    [
      'disneyplus/watch-dr-romantic-s1e6.html',
      'https://www.disneyplus.com/en-us/play/3f2c7a1e-6b8d-4c1e-9a57-0d2f5e8b1c44',
      'disney-web-player',
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
      '.player__wrapper',
    ],
    ['viu/watch-oh-my-ghost-e16.html', 'https://www.viu.com/ott/sg/en-us/vod/221853/Oh%20My%20Ghost', '.player'],
  ])('finds the player container of %s, where the overlay goes', (fixture, url, selector) => {
    const doc = fixtureDocument(fixture, url);
    const container = siteForHost(new URL(url).hostname)!.playerContainer(doc);
    expect(container).not.toBeNull();
    expect(container!.matches(selector)).toBe(true);
  });

  it('takes the parent of a Disney+ player whose video sits in its shadow root', () => {
    const url = 'https://www.disneyplus.com/en-us/play/3f2c7a1e-6b8d-4c1e-9a57-0d2f5e8b1c44';
    const doc = fixtureDocument('disneyplus/watch-dr-romantic-s1e6.html', url);
    const player = doc.querySelector('disney-web-player')!;
    player.attachShadow({ mode: 'open' }).append(doc.createElement('video'));
    expect(siteForHost('www.disneyplus.com')!.playerContainer(doc)).toBe(doc.body);
  });

  describe('Prime Video’s player', () => {
    const url = 'https://www.primevideo.com/detail/0HJQ5Z9VXAB6R1NGXG5WTC0P2L/';
    const prime = siteForHost('www.primevideo.com')!;

    it('is the open one, not the empty hidden #dv-web-player-2 after it (Dreamlinerm’s saved page)', () => {
      const doc = fixtureDocument('primevideo/saved-page-late-title.html', url);
      expect(prime.playerContainer(doc)).toBe(doc.getElementById('dv-web-player'));
    });

    it('is the newest open one when a new one is filled for the next video', () => {
      const doc = fixtureDocument('primevideo/detail-player-e14.html', url);
      const next = doc.getElementById('dv-web-player-2')!;
      next.innerHTML = doc.getElementById('dv-web-player')!.innerHTML;
      next.querySelector('.atvwebplayersdk-subtitle-text')!.textContent = 'Season 1, Ep. 15 Episode 15';
      next.className = 'dv-player-fullscreen';
      expect(prime.playerContainer(doc)).toBe(next);
      expect(prime.read(doc, new URL(url))?.episode).toBe(15);
    });

    it('needs no id: NCOverlay’s 2026 markup is a .dv-player-fullscreen alone', () => {
      const doc = fixtureDocument('primevideo/japanese.html', 'https://www.amazon.co.jp/gp/video/detail/B09X5HBYRS/');
      expect(prime.playerContainer(doc)?.className).toBe('dv-player-fullscreen');
    });

    it('reads the short label in .atvwebplayersdk-episode-info when there is no subtitle element', () => {
      const at = 'https://www.amazon.co.jp/gp/video/detail/B09X5HBYRS/';
      const doc = fixtureDocument('primevideo/japanese.html', at);
      const subtitle = doc.querySelector('.atvwebplayersdk-subtitle-text')!;
      subtitle.className = 'atvwebplayersdk-episode-info';
      subtitle.textContent = 'S1 E15 サブタイトル';
      expect(prime.read(doc, new URL(at))).toMatchObject({ season: 1, episode: 15 });
    });

    it('is not a trailer’s video, nor a player without the open class', () => {
      const doc = fixtureDocument('primevideo/detail-player-closed.html', url);
      expect(prime.playerContainer(doc)).toBeNull();
      doc.getElementById('dv-web-player')!.className = 'dv-player-fullscreen';
      expect(prime.playerContainer(doc)).toBe(doc.getElementById('dv-web-player'));
      doc.querySelector('#dv-web-player video')!.className = 'tst-video-overlay-player-html5';
      expect(prime.playerContainer(doc)).toBeNull();
    });

    it.each([
      ['https://www.primevideo.com/detail/0HJQ5Z9VXAB6R1NGXG5WTC0P2L/', true],
      ['https://www.primevideo.com/region/eu/detail/0H3DDB4KBJFNDCKKLHNRLRLVKQ/ref=atv_br_def_r_br_c_unkc_1_10', true],
      ['https://www.amazon.de/gp/video/detail/0QBFW23I3E1I59TFDOTTJR9SIE/ref=atv_plr_landingpage_play', true],
      ['https://www.amazon.de/-/en/gp/video/detail/0QBFW23I3E1I59TFDOTTJR9SIE/', true],
      ['https://www.amazon.com/Healer/dp/B00U7N2XQE', true],
      ['https://www.amazon.com/dp/B00U7N2XQE/ref=sr_1_1', true],
      ['https://www.amazon.com.au/gp/product/B00U7N2XQE', true],
      ['https://www.primevideo.com/detail/amzn1.dv.gti.4cb3965f-1a2b-3c4d-8e9f-0a1b2c3d4e5f/', true],
      ['https://www.primevideo.com/storefront/home', false],
      ['https://www.amazon.de/gp/video/storefront', false],
      ['https://www.amazon.com/s?k=healer', false],
    ])('%s is a title’s page: %s', (at, expected) => {
      expect(prime.isWatchPage(new URL(at))).toBe(expected);
    });
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
    // Only the first span is the label: the episode's own title is not one
    ['<h4>Healer</h4><span>E4</span><span>Episode 3 Again</span>', { titles: ['Healer'], episode: 4 }],
    ['<h4>Healer</h4><span>Special</span><span>Episode 3</span>', { titles: ['Healer'] }],
    ['<h4>\u200fHealer\u200e  </h4><span>E1</span>', { titles: ['Healer'], episode: 1 }],
    ['Oh My Ghost', { titles: ['Oh My Ghost'] }],
    ['<h4>   </h4>', null],
    [`<h4>${'x'.repeat(5000)}</h4><span>E1</span>`, null],
  ])('reads the title bar %s', (bar, expected) => {
    expect(page(bar)).toEqual(expected && { site: 'netflix', ...expected });
  });
});

describe('content-script matches', () => {
  it('run on Amazon only on its video and product pages, in any store language, and on each site’s own domain', () => {
    const prime = siteForHost('www.primevideo.com')!;
    expect(prime.matches).toContain('*://*.primevideo.com/*');
    for (const store of ['amazon.com', 'amazon.co.uk', 'amazon.de', 'amazon.co.jp', 'amazon.com.au']) {
      for (const path of ['/gp/video/*', '/-/*/gp/video/*', '/dp/*', '/*/dp/*', '/gp/product/*']) {
        expect(prime.matches).toContain(`*://*.${store}${path}`);
      }
    }
    expect(SUPPORTED_MATCHES).not.toContain('<all_urls>');
    const amazon = SUPPORTED_MATCHES.filter((m) => m.includes('amazon'));
    expect(amazon.every((m) => /\/(?:gp\/video|dp|gp\/product)\/\*$/.test(m))).toBe(true);
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
    ['www.amazon.com.au', 'primevideo'],
    ['www.amazon.fr', 'primevideo'],
    ['amazon.com.au.example.org', undefined],
    ['amazon.nl', undefined], // not a store we list
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

describe('WeTV page data', () => {
  const url = 'https://wetv.vip/en/play/h4r8ldbe2ywhdx1-Cheese-in-the-Trap/k0041c2n9gr';
  const wetv = siteForHost('wetv.vip')!;
  /** watch-cheese-ep4.html with its __NEXT_DATA__ data string edited, and the DOM's own layers removed. */
  const read = (edit: (data: Record<string, Record<string, unknown>>) => void) => {
    const doc = fixtureDocument('wetv/watch-cheese-ep4.html', url);
    const script = doc.getElementById('__NEXT_DATA__')!;
    const next = JSON.parse(script.textContent!) as { props: { pageProps: { data: string } } };
    const data = JSON.parse(next.props.pageProps.data) as Record<string, Record<string, unknown>>;
    edit(data);
    next.props.pageProps.data = JSON.stringify(data);
    script.textContent = JSON.stringify(next);
    for (const el of doc.querySelectorAll('.play-video__list, meta[property="og:title"]')) el.remove();
    return wetv.read(doc, new URL(url));
  };

  it('reads the episode from videoInfo when the DOM names none', () => {
    expect(read(() => {})).toMatchObject({ titles: ['Cheese in the Trap'], episode: 4 });
  });

  it('reads no episode for a film (coverInfo.type 1, wayneclub/Subtitle-Downloader)', () => {
    expect(read((d) => (d['coverInfo']!['type'] = 1))?.episode).toBeUndefined();
  });

  it('reads no episode for a trailer marked isTrailer (the 2024 camelCase data)', () => {
    expect(read((d) => (d['videoInfo']!['isTrailer'] = 1))?.episode).toBeUndefined();
  });

  it('ignores data left from another video (the page navigated client-side)', () => {
    expect(read((d) => (d['videoInfo']!['vid'] = 'k0041c2n9gq'))?.episode).toBeUndefined();
  });
});
