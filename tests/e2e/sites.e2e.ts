/**
 * Every supported site in real Chromium with the built extension: a real watch
 * URL answered with the site's fixture shows the right drama, episode and a
 * fact; fullscreen keeps the overlay inside the fullscreen element; non-watch
 * pages and unknown shows show nothing; client-side moves to the next episode
 * are followed within a second.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openFixture, type ExtensionBrowser } from '../../scripts/lib/browser';
import { overlayHost, overlayToggle as toggle, revealAll } from '../helpers/overlay';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

interface WatchCase {
  site: string;
  url: string;
  fixture: string;
  /** The catalog title the overlay names, the episode, and a phrase of one fact it lists. */
  drama: string;
  episode: number;
  fact: string;
  /** The fixture's fullscreen button, which calls requestFullscreen on the player container. */
  fullscreenButton: string;
}

const WATCH: WatchCase[] = [
  {
    site: 'Kocowa',
    url: 'https://www.kocowa.com/en_us/media/5130981/healer-e14',
    fixture: 'kocowa/watch-healer-e14.html',
    drama: 'Healer',
    episode: 14,
    fact: 'Cheongju',
    fullscreenButton: '.vjs-fullscreen-control',
  },
  {
    site: 'Kocowa in Spanish',
    url: 'https://www.kocowa.com/es_us/media/5402217/nevertheless-e4',
    fixture: 'kocowa/watch-spanish.html',
    drama: 'Nevertheless',
    episode: 4,
    fact: 'Song Kang',
    fullscreenButton: '.vjs-fullscreen-control',
  },
  {
    site: 'Kocowa at its /video/ address',
    url: 'https://www.kocowa.com/en_us/video/5130981/healer-e14',
    fixture: 'kocowa/watch-video-path.html',
    drama: 'Healer',
    episode: 14,
    fact: 'Cheongju',
    fullscreenButton: '.vjs-fullscreen-control',
  },
  {
    site: 'OnDemandKorea',
    url: 'https://www.ondemandkorea.com/en/player/vod/business-proposal?contentId=1483470',
    fixture: 'ondemandkorea/watch-business-proposal-e10.html',
    drama: 'Business Proposal',
    episode: 10,
    fact: 'rain',
    fullscreenButton: '.vjs-fullscreen-control',
  },
  {
    site: 'OnDemandKorea in Korean',
    url: 'https://www.ondemandkorea.com/ko/player/vod/business-proposal?contentId=1483470',
    fixture: 'ondemandkorea/watch-korean.html',
    drama: 'Business Proposal',
    episode: 10,
    fact: 'rain',
    fullscreenButton: '.vjs-fullscreen-control',
  },
  {
    site: 'Disney+ (video in a shadow root)',
    url: 'https://www.disneyplus.com/en-us/play/3f2c7a1e-6b8d-4c1e-9a57-0d2f5e8b1c44',
    fixture: 'disneyplus/watch-dr-romantic-s1e6.html',
    drama: 'Romantic Doctor, Teacher Kim',
    episode: 6,
    fact: 'Yoo Yeon-seok',
    fullscreenButton: '.fullscreen-icon',
  },
  {
    site: 'Disney+ in Dutch',
    url: 'https://www.disneyplus.com/nl-nl/video/3f2c7a1e-6b8d-4c1e-9a57-0d2f5e8b1c44',
    fixture: 'disneyplus/watch-dutch.html',
    drama: 'Romantic Doctor, Teacher Kim',
    episode: 6,
    fact: 'Yoo Yeon-seok',
    fullscreenButton: '.fullscreen-icon',
  },
  {
    site: 'Prime Video',
    url: 'https://www.primevideo.com/detail/0HJQ5Z9VXAB6R1NGXG5WTC0P2L/ref=atv_dp_btf_el_prime_sd_tv_resume_t1ACAAAAAA0wr0',
    fixture: 'primevideo/detail-player-e14.html',
    drama: 'Weightlifting Fairy Kim Bok-joo',
    episode: 14,
    fact: '', // the catalog has no fact about episode 14 or the whole drama
    fullscreenButton: '.atvwebplayersdk-fullscreen-button',
  },
  {
    site: 'Prime Video on amazon.de',
    url: 'https://www.amazon.de/gp/video/detail/B01N5RAB2Q/ref=atv_dp_season_select_s1',
    fixture: 'primevideo/amazon-de-player.html',
    drama: 'Weightlifting Fairy Kim Bok-joo',
    episode: 15,
    fact: 'Joon-hyung',
    fullscreenButton: '.atvwebplayersdk-fullscreen-button',
  },
  {
    site: 'iQIYI',
    url: 'https://www.iq.com/play/nevertheless-episode-4-1a8pvn0d7o4',
    fixture: 'iqiyi/watch-nevertheless-e4.html',
    drama: 'Nevertheless',
    episode: 4,
    fact: 'Song Kang',
    fullscreenButton: '.iqp-btn-fullscreen',
  },
  {
    site: 'iQIYI in Chinese',
    url: 'https://www.iq.com/play/nevertheless-episode-4-1a8pvn0d7o4?lang=zh_cn',
    fixture: 'iqiyi/watch-chinese.html',
    drama: 'Nevertheless',
    episode: 4,
    fact: 'Song Kang',
    fullscreenButton: '.iqp-btn-fullscreen',
  },
  {
    site: 'WeTV',
    url: 'https://wetv.vip/en/play/h4r8ldbe2ywhdx1-Cheese-in-the-Trap/k0041c2n9gr-EP4-Cheese-in-the-Trap',
    fixture: 'wetv/watch-cheese-ep4.html',
    drama: 'Cheese in the Trap',
    episode: 4,
    fact: 'Park Hae-jin',
    fullscreenButton: '.fullscreen-button',
  },
  {
    site: 'WeTV in Chinese, without slugs',
    url: 'https://wetv.vip/zh-tw/play/h4r8ldbe2ywhdx1/k0041c2n9gr',
    fixture: 'wetv/watch-chinese-no-slug.html',
    drama: 'Cheese in the Trap',
    episode: 4,
    fact: 'Park Hae-jin',
    fullscreenButton: '.fullscreen-button',
  },
  {
    site: 'Viu',
    url: 'https://www.viu.com/ott/sg/en-us/vod/221853/Oh%20My%20Ghost',
    fixture: 'viu/watch-oh-my-ghost-e16.html',
    drama: 'Oh My Ghost',
    episode: 16,
    fact: 'one more time',
    fullscreenButton: '.fullscreen-button',
  },
  {
    site: 'Viu in Indonesian',
    url: 'https://www.viu.com/ott/id/id/vod/221853/Oh-My-Ghost',
    fixture: 'viu/watch-indonesian.html',
    drama: 'Oh My Ghost',
    episode: 16,
    fact: 'one more time',
    fullscreenButton: '.fullscreen-button',
  },
];

describe.each(WATCH)('$site', ({ url, fixture, drama, episode, fact, fullscreenButton }) => {
  it('shows the drama, the episode and its facts, and goes into fullscreen with the player', async () => {
    const page = await openFixture(browser.context, url, fixture);
    await toggle(page).waitFor({ state: 'visible', timeout: 15_000 });
    const bar = await toggle(page).innerText();
    expect(bar).toContain(drama);
    expect(bar).toContain(`Episode ${episode}`);
    if (fact) {
      await toggle(page).click();
      await overlayHost(page).locator('.bt-panel').waitFor({ state: 'visible' });
      // Spoiler-safe mode veils facts about the episode's later moments: reveal them.
      await revealAll(page);
      expect(await overlayHost(page).locator('.bt-panel').innerText()).toContain(fact);
    }

    await page.click(fullscreenButton);
    await page.waitForFunction(() => document.fullscreenElement !== null, undefined, { timeout: 10_000 });
    // The overlay is inside the element the player sent fullscreen, so it stays visible.
    await page.waitForFunction(() => !!document.fullscreenElement?.querySelector('[data-between-takes]'), undefined, {
      timeout: 5_000,
    });
    expect(await toggle(page).isVisible()).toBe(true);
    await page.close();
  });
});

describe('Prime Video on amazon.de in English, at /-/en/ (Dreamlinerm’s saved page, reduced)', () => {
  it('names the show from the page’s title while the player shows no title bar, and the episode once it does', async () => {
    const page = await openFixture(
      browser.context,
      'https://www.amazon.de/-/en/gp/video/detail/0QBFW23I3E1I59TFDOTTJR9SIE/ref=atv_plr_landingpage_play',
      'primevideo/saved-page-late-title.html',
    );
    await toggle(page).waitFor({ state: 'visible', timeout: 15_000 });
    expect(await toggle(page).innerText()).toContain('Healer');
    // In the open player, not in the empty hidden #dv-web-player-2 beside it.
    expect(await page.locator('#dv-web-player [data-between-takes]').count()).toBe(1);
    await overlayHost(page).locator('.bt-toggle:has-text("Episode 14")').waitFor({ timeout: 5_000 });
    await page.close();
  });
});

describe('pages that play nothing we know', () => {
  it.each([
    ['a Kocowa series page', 'https://www.kocowa.com/en_us/season/1106/healer', 'kocowa/season.html'],
    [
      'an OnDemandKorea program page (no contentId)',
      'https://www.ondemandkorea.com/en/player/vod/business-proposal',
      'ondemandkorea/program.html',
    ],
    [
      'an OnDemandKorea show the catalog does not have',
      'https://www.ondemandkorea.com/player/vod/breakup-probation-a-week?contentId=1595796',
      'ondemandkorea/watch-unknown.html',
    ],
    [
      'a Disney+ series page',
      'https://www.disneyplus.com/en-us/browse/entity-5d1c9a0e-2f4b-4a8e-b7c3-1e6f0a9d2b55',
      'disneyplus/browse-entity.html',
    ],
    ['the Prime Video home page', 'https://www.primevideo.com/storefront/', 'primevideo/storefront.html'],
    [
      'a Prime Video detail page before playing',
      'https://www.primevideo.com/detail/0HJQ5Z9VXAB6R1NGXG5WTC0P2L/',
      'primevideo/detail.html',
    ],
    [
      'a Prime Video detail page whose player is closed, its trailer playing',
      'https://www.primevideo.com/detail/0HJQ5Z9VXAB6R1NGXG5WTC0P2L/',
      'primevideo/detail-player-closed.html',
    ],
    ['an iQIYI album page', 'https://www.iq.com/album/nevertheless-2021-1a8pvn0d7o0', 'iqiyi/album.html'],
    ['a WeTV series page', 'https://wetv.vip/en/play/u37kgfnfzs73kiu-You-Are-My-Glory', 'wetv/series.html'],
    [
      'a Viu details view (no video)',
      'https://www.viu.com/ott/sg/en-us/vod/221853/Oh%20My%20Ghost',
      'viu/details.html',
    ],
    ['a Rakuten Viki series page', 'https://www.viki.com/tv/21789c-heirs', 'viki/series.html'],
    ['a Netflix title page', 'https://www.netflix.com/title/80049015', 'netflix/browse.html'],
    ['a WeTV channel page', 'https://wetv.vip/en/channel/drama', 'wetv/channel.html'],
    [
      'a WeTV show the catalog does not have',
      'https://wetv.vip/en/play/air11ooo2rdsdi3-Cute-Programmer/v0040pr89t9-EP1-Cute-Programmer',
      'wetv/watch-unknown.html',
    ],
    ['a Viu category page', 'https://www.viu.com/ott/sg/en-us/category/1/Korean%20Drama', 'viu/category.html'],
  ])('shows nothing on %s', async (_name, url, fixture) => {
    const page = await openFixture(browser.context, url, fixture);
    // The content script runs at document_idle and reads at once; give it time to (not) show.
    await page.waitForLoadState('load');
    await page.waitForTimeout(2_000);
    expect(await overlayHost(page).count()).toBe(0);
    await page.close();
  });
});

/**
 * Clicks `selector` in the page and waits there until the overlay's bar says
 * `expected`: the time between the two, measured in the page, in ms.
 */
async function msUntilOverlaySays(page: Page, selector: string, expected: string): Promise<number> {
  return page.evaluate(
    ({ selector, expected }) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        const says = () =>
          document
            .querySelector('[data-between-takes]')
            ?.shadowRoot?.querySelector('.bt-toggle')
            ?.textContent?.includes(expected) ?? false;
        (document.querySelector(selector) as HTMLElement).click();
        const check = () => {
          if (says()) resolve(performance.now() - started);
          else if (performance.now() - started > 10_000) reject(new Error(`the overlay never said "${expected}"`));
          else requestAnimationFrame(check);
        };
        check();
      }),
    { selector, expected },
  );
}

describe('moving to the next episode without a page load', () => {
  it.each([
    [
      'WeTV',
      'https://wetv.vip/en/play/h4r8ldbe2ywhdx1-Cheese-in-the-Trap/k0041c2n9gr-EP4-Cheese-in-the-Trap',
      'wetv/watch-cheese-ep4.html',
      'a.ep5',
      'Episode 5',
    ],
    [
      'Rakuten Viki',
      'https://www.viki.com/videos/1023585v-heirs-episode-14',
      'viki/watch-heirs-e14.html',
      '.vjs-next-episode-button',
      'Episode 15',
    ],
    [
      'Prime Video (a new player container)',
      'https://www.primevideo.com/detail/0HJQ5Z9VXAB6R1NGXG5WTC0P2L/',
      'primevideo/detail-player-e14.html',
      '.atvwebplayersdk-nexttitle-button',
      'Episode 15',
    ],
    [
      'iQIYI',
      'https://www.iq.com/play/nevertheless-episode-4-1a8pvn0d7o4',
      'iqiyi/watch-nevertheless-e4.html',
      '.iqp-btn-next',
      'Episode 5',
    ],
    [
      'Kocowa',
      'https://www.kocowa.com/en_us/media/5130981/healer-e14',
      'kocowa/watch-healer-e14.html',
      '.vjs-next-episode',
      'Episode 15',
    ],
    [
      'OnDemandKorea (another contentId)',
      'https://www.ondemandkorea.com/en/player/vod/business-proposal?contentId=1483470',
      'ondemandkorea/watch-business-proposal-e10.html',
      '.next-episode',
      'Episode 11',
    ],
    [
      'Viu (another productId)',
      'https://www.viu.com/ott/sg/en-us/vod/221853/Oh%20My%20Ghost',
      'viu/watch-oh-my-ghost-e16.html',
      '.next-episode',
      'Episode 2',
    ],
  ])('%s: the overlay follows within a second', async (_site, url, fixture, next, expected) => {
    const page = await openFixture(browser.context, url, fixture);
    await toggle(page).waitFor({ state: 'visible', timeout: 15_000 });
    // A mark on this document: a page load would drop it.
    await page.evaluate(() => Object.assign(window, { __beforeNext: true }));
    const ms = await msUntilOverlaySays(page, next, expected);
    expect(ms).toBeLessThan(1_000);
    expect(await overlayHost(page).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __beforeNext?: boolean }).__beforeNext)).toBe(true);
    await page.close();
  });

  it('Disney+: the overlay follows within a second, from the player’s own data, before the title bug fills', async () => {
    const page = await openFixture(
      browser.context,
      'https://www.disneyplus.com/en-us/play/3f2c7a1e-6b8d-4c1e-9a57-0d2f5e8b1c44',
      'disneyplus/watch-dr-romantic-s1e6.html',
    );
    await toggle(page).waitFor({ state: 'visible', timeout: 15_000 });
    expect(await toggle(page).innerText()).toContain('Episode 6');
    // The up-next button sits in a shadow root (Dreamlinerm's disney.ts); Playwright's locator reaches it.
    await page.locator('up-next-lite-v1 button').click();
    const started = Date.now();
    await overlayHost(page).locator('.bt-toggle:has-text("Episode 7")').waitFor({ timeout: 1_500 });
    expect(Date.now() - started).toBeLessThan(1_500);
    // The title bug says so only 2 s after the move.
    expect(await page.evaluate(() => document.querySelector('title-bug')!.shadowRoot!.textContent)).not.toContain('E7');
    expect(await page.evaluate(() => (window as unknown as { __loadedOnce?: boolean }).__loadedOnce)).toBe(true);
    await page.close();
  });

  it('Prime Video: the overlay moves into the new player and follows it into fullscreen', async () => {
    const page = await openFixture(
      browser.context,
      'https://www.primevideo.com/detail/0HJQ5Z9VXAB6R1NGXG5WTC0P2L/',
      'primevideo/detail-player-e14.html',
    );
    await toggle(page).waitFor({ state: 'visible', timeout: 15_000 });
    await page.click('.atvwebplayersdk-nexttitle-button');
    await page.locator('#dv-web-player-2 [data-between-takes]').waitFor({ timeout: 5_000 });
    expect(await page.locator('#dv-web-player').count()).toBe(0);
    await page.click('#dv-web-player-2 .atvwebplayersdk-fullscreen-button');
    await page.waitForFunction(() => document.fullscreenElement?.id === 'dv-web-player-2', undefined, {
      timeout: 10_000,
    });
    expect(await page.evaluate(() => !!document.fullscreenElement?.querySelector('[data-between-takes]'))).toBe(true);
    await page.close();
  });
});
