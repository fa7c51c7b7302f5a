// @vitest-environment happy-dom
/**
 * The page-world reader and what the content script makes of its answers: the
 * reader over the fixtures' own page-world stubs (their scripts run here), the
 * check every answer goes through, and the adapters reading the checked answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { siteForHost } from '../../utils/sites';
import { MAX_PAGE_DATA_LENGTH, pageDataOf, type PageData } from '../../utils/sites/page-world';
import { pageWorldAnswer } from '../../utils/sites/page-world-reader';
import { fixtureDocument, fixtureHtml } from '../helpers/fixtures';

type Loose = Record<string, unknown>;

/** Opens `fixture` at `url` in this test's window, its inline scripts run as the page's own. */
function openPage(fixture: string, url: string) {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  const parsed = new DOMParser().parseFromString(fixtureHtml(fixture), 'text/html');
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  for (const script of parsed.querySelectorAll('script:not([src]):not([type])')) {
    try {
      new Function(script.textContent ?? '')();
    } catch {
      // Wiring for the end-to-end tests' buttons (some inside declarative shadow roots, not attached here).
    }
  }
}

/** The reader's answer, checked as the content script checks it. */
const answer = (): PageData | null => pageDataOf(pageWorldAnswer());

afterEach(() => {
  for (const key of ['netflix', '__NEXT_DATA__', '__advance', '__metadataReady'])
    delete (window as unknown as Loose)[key];
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('the page-world reader on Netflix', () => {
  it('reads the playing session’s video id and the player’s metadata for it', () => {
    openPage('netflix/watch-player-data.html', 'https://www.netflix.com/watch/80049015');
    expect(answer()).toEqual({ videoId: '80049015', title: 'Healer', season: 1, episode: 14 });
  });

  it('follows an auto-advance: the new playing session’s id and its episode', () => {
    openPage('netflix/watch-auto-advance.html', 'https://www.netflix.com/watch/80134711');
    expect(answer()).toMatchObject({ videoId: '80134711', episode: 14 });
    (window as unknown as { __advance(): void }).__advance();
    expect(answer()).toEqual({ videoId: '80134712', title: 'Weightlifting Fairy Kim Bok Joo', season: 1, episode: 15 });
  });

  it('says a film is one', () => {
    openPage('netflix/film.html', 'https://www.netflix.com/watch/81000001');
    expect(answer()).toEqual({ videoId: '81000001', title: 'Parasite', film: true });
  });

  it('falls back to the player state’s metadata, and drops a collection’s own numbering', () => {
    openPage('netflix/watch-healer-e13.html', 'https://www.netflix.com/watch/80049014');
    const video = {
      type: 'show',
      title: 'Healer',
      hiddenEpisodeNumbers: false,
      seasons: [{ seq: 1, episodes: [{ id: 80049014, seq: 13 }] }],
    };
    const state = {
      playbackStateBySessionId: { a: { playing: true, videoId: 80049014 } },
      videoMetadata: { '80049014': { _metadata: { video } } },
    };
    (window as unknown as Loose)['netflix'] = {
      appContext: { state: { playerApp: { getState: () => ({ videoPlayer: state }), getAPI: () => ({}) } } },
    };
    expect(answer()).toEqual({ videoId: '80049014', title: 'Healer', season: 1, episode: 13 });
    video.hiddenEpisodeNumbers = true;
    expect(answer()).toEqual({ videoId: '80049014', title: 'Healer' });
  });

  it('says nothing until the player exists, and only the id until its metadata does', async () => {
    openPage('netflix/watch-late-data.html', 'https://www.netflix.com/watch/80049015');
    expect(answer()).toEqual({});
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(answer()).toEqual({ videoId: '80049015' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(answer()).toMatchObject({ title: 'Healer', episode: 14 });
  });

  it('survives a player whose methods throw', () => {
    openPage('netflix/watch-healer-e13.html', 'https://www.netflix.com/watch/80049014');
    const boom = () => {
      throw new Error('page');
    };
    (window as unknown as Loose)['netflix'] = {
      appContext: { state: { playerApp: { getState: boom, getAPI: boom } } },
    };
    expect(answer()).toEqual({});
  });
});

describe('the page-world reader on Disney+ and Next.js sites', () => {
  it('reads disney-web-player’s mediaPlayer metadata', () => {
    openPage('disneyplus/watch-dr-romantic-s1e6.html', 'https://www.disneyplus.com/en-us/play/x');
    expect(answer()).toEqual({ title: 'Dr. Romantic', label: 'S1:E6 The Doctor Who Stayed' });
  });

  it('hands over window.__NEXT_DATA__ only when the DOM does not carry it', () => {
    const url = 'https://wetv.vip/en/play/h4r8ldbe2ywhdx1-Cheese-in-the-Trap/k0041c2n9gr';
    openPage('wetv/watch-cheese-ep4.html', url);
    expect(answer()).toEqual({});
    const script = document.getElementById('__NEXT_DATA__')!;
    (window as unknown as Loose)['__NEXT_DATA__'] = JSON.parse(script.textContent!);
    script.remove();
    const page = answer()!;
    expect(page.next).toMatchObject({ page: '/play/[...ids]' });
    // The adapter reads it as it reads the DOM's, when the DOM has none.
    const doc = fixtureDocument('wetv/watch-cheese-ep4.html', url);
    for (const el of doc.querySelectorAll('#__NEXT_DATA__, .play-video__list, meta[property="og:title"]')) el.remove();
    expect(siteForHost('wetv.vip')!.read(doc, new URL(url))?.episode).toBeUndefined();
    expect(siteForHost('wetv.vip')!.read(doc, new URL(url), page)?.episode).toBe(4);
  });
});

describe('an answer from the page world, checked', () => {
  it.each<[name: string, detail: unknown, expected: PageData | null]>([
    [
      'a whole answer',
      '{"videoId":"80049015","title":"Healer","season":1,"episode":14}',
      { videoId: '80049015', title: 'Healer', season: 1, episode: 14 },
    ],
    ['not a string', { videoId: '1', title: 'Healer' }, null],
    ['not JSON', '{videoId:1', null],
    ['an array', '["Healer"]', null],
    ['null', 'null', null],
    ['an id that is not digits', '{"videoId":"80049015; drop","title":"Healer"}', { title: 'Healer' }],
    ['an id given as a number', '{"videoId":80049015}', {}],
    ['numbers out of range', '{"season":0,"episode":10000}', {}],
    ['numbers that are not whole', '{"season":1.5,"episode":"14"}', {}],
    ['invisible marks and control characters in a title', '{"title":"\\u202eHealer\\u0000"}', { title: 'Healer' }],
    ['an overlong title', `{"title":"${'x'.repeat(5000)}"}`, {}],
    ['a film flag that is not true', '{"film":"yes"}', {}],
    ['keys it does not know', '{"title":"Healer","__proto__":{"x":1},"script":"alert(1)"}', { title: 'Healer' }],
    ['Next.js data that is not an object', '{"next":"{}"}', {}],
  ])('%s', (_name, detail, expected) => {
    expect(pageDataOf(detail)).toEqual(expected);
  });

  it('refuses an answer longer than it reads', () => {
    expect(pageDataOf(`{"title":"Healer","pad":"${'x'.repeat(MAX_PAGE_DATA_LENGTH)}"}`)).toBeNull();
  });
});

describe('adapters reading the page world’s answer', () => {
  const netflix = siteForHost('www.netflix.com')!;
  const url = 'https://www.netflix.com/watch/80134712';
  const noTitleBar = () => fixtureDocument('netflix/watch-auto-advance.html', url);

  it('Netflix: the player’s data for the URL’s video, with no title bar', () => {
    const page = { videoId: '80134712', title: 'Weightlifting Fairy Kim Bok Joo', season: 1, episode: 15 };
    expect(netflix.read(noTitleBar(), new URL(url), page)).toEqual({
      site: 'netflix',
      titles: ['Weightlifting Fairy Kim Bok Joo'],
      season: 1,
      episode: 15,
    });
  });

  it('Netflix: not the data of another video (the session of the episode before)', () => {
    const page = { videoId: '80134711', title: 'Weightlifting Fairy Kim Bok Joo', season: 1, episode: 14 };
    expect(netflix.read(noTitleBar(), new URL(url), page)).toBeNull();
  });

  it('Netflix: the data before the title bar, and the title bar when there is no data', () => {
    const at = 'https://www.netflix.com/watch/80049015';
    const doc = fixtureDocument('netflix/watch-healer-e14.html', at);
    const page = { videoId: '80049015', title: '힐러', season: 1, episode: 14 };
    expect(netflix.read(doc, new URL(at), page)?.titles).toEqual(['힐러', 'Healer']);
    expect(netflix.read(doc, new URL(at))).toEqual({ site: 'netflix', titles: ['Healer'], episode: 14 });
  });

  it('Netflix: a film has no episode, whatever numbers come with it', () => {
    const at = 'https://www.netflix.com/watch/81000001';
    const page = { videoId: '81000001', title: 'Parasite', film: true, episode: 3 };
    expect(netflix.read(fixtureDocument('netflix/film.html', at), new URL(at), page)).toEqual({
      site: 'netflix',
      titles: ['Parasite'],
    });
  });

  it('Disney+: the player’s metadata before the title bug, which fills late', () => {
    const at = 'https://www.disneyplus.com/en-us/play/3f2c7a1e-6b8d-4c1e-9a57-0d2f5e8b1c44';
    const doc = fixtureDocument('disneyplus/watch-late-title.html', at);
    const disney = siteForHost('www.disneyplus.com')!;
    expect(disney.read(doc, new URL(at))).toBeNull();
    expect(disney.read(doc, new URL(at), { title: 'Dr. Romantic', label: 'S1:E7 The Doctor Who Left' })).toEqual({
      site: 'disneyplus',
      titles: ['Dr. Romantic'],
      season: 1,
      episode: 7,
    });
  });
});
