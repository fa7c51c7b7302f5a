/**
 * A deterministic synthetic catalog for the search benchmark: N dramas with
 * English, hangul and romanised titles, aliases, a cast, and facts written from
 * templates over a large vocabulary of places and names, so the indexes are as
 * big as a real catalog of that size would make them.
 */
import type { CatalogPack, Drama, Fact } from '../../utils/catalog/types';
import { titleKeysOf } from '../../utils/catalog/match-title';

/** A small seeded PRNG (mulberry32): the same seed gives the same catalog everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = (
  'ha ne ul bom yeo reum ga eul gyeo dal byeol sa rang mi so na mu ba da san gang ' +
  'ji min seo yeon woo jin hyun soo kyung hee jae won tae yang eun bin do hoon ' +
  'chae rin seul gi cheong ju gwang su won jeon nam bu yong in cheon dae gu il'
).split(' ');
const TITLE_WORDS = (
  'love moon star secret garden doctor queen king prince night city heart ' +
  'spring summer autumn winter blue red memory promise crown sword letter song ' +
  'dream river mountain sea light shadow time way home school office game ' +
  'legend hotel palace village island road rain snow flower fairy ghost angel'
).split(' ');
const SURNAMES = 'Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong'.split(
  ' ',
);
const TEMPLATES = [
  'The {scene} in episode {ep} was filmed in {place} over {n} days in {month}.',
  '{actor} improvised the line about the {thing} during the {scene}; the director kept it.',
  'Between takes {actor} and {actor2} practised the {scene} at a rest stop near {place}.',
  'The crew rebuilt the {thing} from {place} on a set because the {scene} needed rain.',
  '{actor} said the {scene} was the hardest of the drama: it took {n} takes in {place}.',
];
const SCENES = 'kiss scene,rooftop confession,car chase,wedding,final goodbye,hospital scene,fight,festival'.split(',');
const THINGS = 'umbrella,bicycle,necklace,letter,piano,lantern,scarf,phone booth,bus stop,diary'.split(',');
const MONTHS = 'January February March April May June July August September October November December'.split(' ');

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}
function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
function romanWord(rng: () => number, syllables: number): string {
  return Array.from({ length: syllables }, () => pick(rng, SYLLABLES)).join('');
}
function hangulWord(rng: () => number, syllables: number): string {
  // Any initial, medial and final: composed hangul syllables.
  return Array.from({ length: syllables }, () =>
    String.fromCharCode(0xac00 + Math.floor(rng() * 19) * 588 + Math.floor(rng() * 21) * 28 + Math.floor(rng() * 28)),
  ).join('');
}
function personName(rng: () => number): string {
  return `${pick(rng, SURNAMES)} ${capital(pick(rng, SYLLABLES))}-${pick(rng, SYLLABLES)}`;
}

/** A catalog of `dramaCount` dramas and `factCount` facts, the same for the same seed. */
export function generateCatalog(dramaCount: number, factCount: number, seed = 20260101): CatalogPack {
  const rng = random(seed);
  const places = Array.from({ length: 2000 }, () => capital(romanWord(rng, 2 + Math.floor(rng() * 2))));
  const dramas: Drama[] = [];
  for (let i = 0; i < dramaCount; i++) {
    const words = Array.from({ length: 1 + Math.floor(rng() * 3) }, () => capital(pick(rng, TITLE_WORDS)));
    const coined = capital(romanWord(rng, 2 + Math.floor(rng() * 2)));
    const title = `${words.join(' ')} ${coined}`; // the coined word keeps titles apart
    const cast = Array.from({ length: 4 }, () => {
      const actor = personName(rng);
      return { actor, actorAliases: [actor.replace('-', ' ')], character: personName(rng) };
    });
    const base = {
      title,
      titleKo: hangulWord(rng, 2 + Math.floor(rng() * 4)),
      romanized: [capital(romanWord(rng, 3))],
      aliases: rng() < 0.5 ? [`${capital(pick(rng, TITLE_WORDS))} of ${coined}`] : [],
    };
    dramas.push({
      id: `drama-${i}`,
      ...base,
      year: 2000 + Math.floor(rng() * 26),
      network: pick(rng, ['KBS2', 'MBC', 'SBS', 'tvN', 'JTBC', 'Netflix']),
      season: 1,
      episodes: 16,
      cast,
      titleKeys: titleKeysOf(base),
    });
  }
  const facts: Fact[] = [];
  for (let i = 0; i < factCount; i++) {
    const drama = dramas[i % dramaCount]!;
    const actor = pick(rng, drama.cast).actor;
    const actor2 = pick(rng, drama.cast).actor;
    const episode = rng() < 0.2 ? null : 1 + Math.floor(rng() * drama.episodes);
    const text = pick(rng, TEMPLATES)
      .replace('{scene}', pick(rng, SCENES))
      .replace('{ep}', String(episode ?? 1))
      .replace('{place}', pick(rng, places))
      .replace('{n}', String(2 + Math.floor(rng() * 9)))
      .replace('{month}', pick(rng, MONTHS))
      .replace('{actor}', actor)
      .replace('{actor2}', actor2)
      .replace('{thing}', pick(rng, THINGS));
    facts.push({
      id: `${drama.id}-fact-${i}`,
      dramaId: drama.id,
      episode,
      text,
      people: [actor],
      tags: [pick(rng, ['filming-location', 'between-takes', 'ad-lib', 'set'])],
      spoiler: rng() < 0.3,
      sourceId: 'bench',
    });
  }
  return {
    format: 1,
    version: `bench-${dramaCount}-${factCount}-${seed}`,
    dramas,
    facts,
    sources: [{ id: 'bench', title: 'Generated for the benchmark', ref: 'https://example.org/bench' }],
  };
}
