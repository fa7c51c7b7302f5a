/**
 * Titles from hostile or broken pages: every adapter's reading and the matcher,
 * fed titles wrapped in invisible marks, control characters, emoji, lone
 * surrogates, or grown to 10,000 characters. Never a crash, never a wrong
 * drama; invisible marks around a real title still find it; an overlong title
 * is ignored.
 */
import { describe, expect, it } from 'vitest';
import { indexByTitleKey, matchTitle, titleKey } from '../../utils/catalog/match-title';
import { siteForHost } from '../../utils/sites';
import { cleanText, MAX_TITLE_LENGTH } from '../../utils/sites/readers/page-data';
import type { Playing } from '../../utils/sites/types';
import { catalog } from '../helpers/catalog';
import { fixtureDocument } from '../helpers/fixtures';

const byKey = indexByTitleKey(catalog.dramas);

/** The drama a read page names, as the background would find it (first title that names one). */
async function dramaOf(playing: Playing | null): Promise<string | null> {
  for (const title of playing?.titles ?? []) {
    const query = playing?.season === undefined ? { title } : { title, season: playing.season };
    const drama = await matchTitle(query, byKey);
    if (drama) return drama.id;
  }
  return null;
}

/** One watch page per adapter, the title as its DOM writes it, and the drama it names. */
const PAGES: [fixture: string, url: string, domTitle: string, dramaId: string][] = [
  ['netflix/watch-healer-e14.html', 'https://www.netflix.com/watch/80049015', 'Healer', 'healer'],
  ['viki/watch-no-slug.html', 'https://www.viki.com/videos/1119421v', 'Business Proposal', 'business-proposal'],
  ['kocowa/watch-healer-e14.html', 'https://www.kocowa.com/en_us/media/5130981/healer-e14', 'Healer', 'healer'],
  [
    'ondemandkorea/watch-korean.html',
    'https://www.ondemandkorea.com/ko/player/vod/business-proposal?contentId=1483470',
    '사내맞선',
    'business-proposal',
  ],
  [
    'disneyplus/watch-dr-romantic-s1e6.html',
    'https://www.disneyplus.com/en-us/play/3f2c7a1e-6b8d-4c1e-9a57-0d2f5e8b1c44',
    'Dr. Romantic',
    'romantic-doctor-teacher-kim',
  ],
  [
    'primevideo/amazon-de-player.html',
    'https://www.amazon.de/gp/video/detail/B01N5RAB2Q/ref=atv_dp_season_select_s1',
    'Weightlifting Fairy Kim Bok Joo',
    'weightlifting-fairy-kim-bok-joo',
  ],
  [
    'iqiyi/watch-chinese.html',
    'https://www.iq.com/play/nevertheless-episode-4-1a8pvn0d7o4?lang=zh_cn',
    '尽管如此',
    'nevertheless',
  ],
  [
    'wetv/watch-chinese-no-slug.html',
    'https://wetv.vip/zh-tw/play/h4r8ldbe2ywhdx1/k0041c2n9gr',
    'Cheese in the Trap',
    'cheese-in-the-trap',
  ],
  ['viu/watch-indonesian.html', 'https://www.viu.com/ott/id/id/vod/221853/Oh-My-Ghost', 'Oh My Ghost', 'oh-my-ghost'],
];

/** Ways a page (or an attacker) dresses a title up without changing what a viewer reads. */
const INVISIBLE: [name: string, dress: (title: string) => string][] = [
  ['left-to-right and right-to-left marks', (t) => `\u200e${t}\u200f`],
  ['bidi embedding and pop (U+202A–U+202C)', (t) => `\u202a\u202b${t}\u202c\u202c`],
  ['bidi override (U+202D, U+202E)', (t) => `\u202d${t}\u202c\u202e\u202c`],
  ['bidi isolates (U+2066–U+2069)', (t) => `\u2066\u2067\u2068${t}\u2069`],
  ['zero-width joiner, non-joiner, space and BOM', (t) => `\u200d\u200c${t}\u200b\ufeff`],
  ['control characters (NUL, BEL, ESC, DEL, C1)', (t) => `\u0000\u0007${t}\u001b\u007f\u0085`],
  ['tabs and newlines', (t) => `\n\t ${t} \r\n`],
  ['a lone surrogate', (t) => `\ud800${t}\udfff`],
];

/** Dressings a viewer can see, but that name no other drama. */
const VISIBLE: [name: string, dress: (title: string) => string][] = [
  ['emoji around', (t) => `🎬 ${t} 🍿`],
  ['emoji with a zero-width joiner sequence', (t) => `👩‍👩‍👧 ${t}`],
];

/** Rewrites every place in `doc` where `from` is written: text (<title> too), attributes, scripts (as JSON text). */
function replaceEverywhere(doc: Document, from: string, to: string) {
  const roots: (Document | ShadowRoot)[] = [doc];
  for (const el of doc.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  for (const root of roots) {
    for (const el of root.querySelectorAll('*')) {
      for (const attr of [...el.attributes]) {
        if (attr.value.includes(from)) el.setAttribute(attr.name, attr.value.split(from).join(to));
      }
      const isScript = el.tagName === 'SCRIPT';
      for (const node of el.childNodes) {
        if (node.nodeType !== 3 || !node.textContent?.includes(from)) continue;
        // JSON in scripts keeps its escapes, as a server would write them.
        const written = isScript ? JSON.stringify(to).slice(1, -1) : to;
        node.textContent = node.textContent.split(from).join(written);
      }
    }
  }
}

function read(fixture: string, url: string, edit?: (doc: Document) => void): Playing | null {
  const doc = fixtureDocument(fixture, url);
  edit?.(doc);
  return siteForHost(new URL(url).hostname)!.read(doc, new URL(url));
}

describe.each(PAGES)('%s', (fixture, url, domTitle, dramaId) => {
  it('names its drama as served (the baseline)', async () => {
    expect(await dramaOf(read(fixture, url))).toBe(dramaId);
  });

  it.each(INVISIBLE)('with %s around the title: reads the same and finds the drama', async (_name, dress) => {
    const plain = read(fixture, url);
    const dressed = read(fixture, url, (doc) => replaceEverywhere(doc, domTitle, dress(domTitle)));
    expect(dressed).toEqual(plain);
    expect(await dramaOf(dressed)).toBe(dramaId);
  });

  it.each(VISIBLE)('with %s: finds the same drama', async (_name, dress) => {
    const dressed = read(fixture, url, (doc) => replaceEverywhere(doc, domTitle, dress(domTitle)));
    expect(await dramaOf(dressed)).toBe(dramaId);
  });

  it.each([
    ['10,000 characters after the title', (t: string) => t + 'x'.repeat(10_000)],
    ['the title 2,000 times', (t: string) => `${t} `.repeat(2_000)],
    ['10,000 bidi marks around the title', (t: string) => `${'\u202e'.repeat(5_000)}${t}${'\u202c'.repeat(5_000)}`],
  ])('with %s: ignores that text and never names another drama', async (_name, grow) => {
    const dressed = read(fixture, url, (doc) => replaceEverywhere(doc, domTitle, grow(domTitle)));
    for (const title of dressed?.titles ?? []) expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect([null, dramaId]).toContain(await dramaOf(dressed));
  });
});

describe('cleanText', () => {
  it.each([
    ['\u200fHealer\u200e', 'Healer'],
    ['\u2066Heirs\u2069', 'Heirs'],
    ['Bubble\u200bGum', 'Bubble Gum'],
    ['\u0000Healer\u0007', 'Healer'],
    ['Healer\ud800', 'Healer'],
    ['\udc00Healer', 'Healer'],
    ['🎬 Healer', '🎬 Healer'],
    ['👩‍👩‍👧', '👩 👩 👧'],
    ['x'.repeat(MAX_TITLE_LENGTH), 'x'.repeat(MAX_TITLE_LENGTH)],
    ['x'.repeat(MAX_TITLE_LENGTH + 1), ''],
    ['x'.repeat(10_000), ''],
    [null, ''],
  ])('%j → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('the matcher with hostile titles', () => {
  const match = async (title: string) => (await matchTitle({ title }, byKey))?.id ?? null;

  it.each<[name: string, title: string, expected: string | null]>([
    ...INVISIBLE.map(([name, dress]): [string, string, string] => [name, dress('Healer'), 'healer']),
    ...VISIBLE.map(([name, dress]): [string, string, string] => [name, dress('Heirs'), 'heirs']),
    ['marks inside a hangul title', '힐\u200b러', 'healer'],
    ['a 10,000-character title that starts with a real one', 'Healer' + 'x'.repeat(10_000), null],
    ['a 10,000-character title of the real one repeated', 'Healer '.repeat(1_430), null],
    [
      'a real title inside 10,000 zero-width spaces (overlong: ignored)',
      `${'\u200b'.repeat(5_000)}Healer${'\u200b'.repeat(5_000)}`,
      null,
    ],
    ['only invisible marks', '\u200e\u200f\u202e\u2066\u200d', null],
    ['only emoji', '🎬🍿', null],
    ['only lone surrogates', '\ud800\udbff', null],
    ['a reversed title under a bidi override', '\u202erelaeH\u202c', null],
    ['two real titles joined', 'Healer Heirs', null],
  ])('%s → %s', async (_name, title, expected) => {
    expect(await match(title)).toBe(expected);
  });

  it('keys a 10,000-character string without trouble, and never to another drama’s key', () => {
    const keys = new Set(catalog.dramas.flatMap((d) => d.titleKeys));
    for (const title of ['x'.repeat(10_000), '\u202e'.repeat(10_000), '🎬'.repeat(5_000), '\ud800'.repeat(10_000)]) {
      expect(keys.has(titleKey(title))).toBe(false);
    }
  });
});
