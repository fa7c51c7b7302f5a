/**
 * A deterministic large catalog for benchmarks: `dramas` dramas and `facts`
 * facts in total, with realistic titles, hangul, casts and fact text. The same
 * seed always gives the same catalog, so runs compare.
 */
import { titleKeysOf } from '../../utils/match-title';
import { PACK_FORMAT, type CatalogPack, type Drama, type Fact } from '../../utils/catalog/types';

/** A small fast PRNG (mulberry32). */
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

const WORDS = [
  'Moon',
  'Heart',
  'Secret',
  'Garden',
  'Doctor',
  'Love',
  'Spring',
  'Queen',
  'Palace',
  'Star',
  'River',
  'Winter',
  'Summer',
  'Hotel',
  'Detective',
  'Legend',
  'Mystery',
  'Romance',
  'Kingdom',
  'City',
  'Night',
  'Dream',
  'Wind',
  'Flower',
  'Sword',
  'Chef',
  'Lawyer',
  'Idol',
  'School',
  'Hospital',
  'Ghost',
  'Blue',
  'Red',
  'Golden',
  'Silent',
];
const HANGUL = ['달', '마음', '비밀', '정원', '의사', '사랑', '봄', '여왕', '궁', '별', '강', '겨울', '여름', '호텔'];
const SURNAMES = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh', 'Seo'];
const GIVEN = [
  'Min-ho',
  'Ji-eun',
  'Soo-hyun',
  'Bo-young',
  'Hyun-bin',
  'Ye-jin',
  'Joon-gi',
  'Ha-ri',
  'Tae-moo',
  'Na-bi',
];
const PLACES = ['Cheongju', 'Jeju', 'Busan', 'Gangneung', 'Jeonju', 'Incheon', 'Suwon', 'Gyeongju', 'Sokcho', 'Daegu'];
const TAGS = ['kiss-scene', 'ad-lib', 'filming-location', 'between-takes', 'bloopers', 'director', 'rehearsal'];

export function generateCatalog(dramaCount: number, factCount: number, seed = 42): CatalogPack {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const dramas: Drama[] = [];
  for (let i = 0; i < dramaCount; i++) {
    const title = `${pick(WORDS)} ${pick(WORDS)} ${i}`;
    const base = {
      title,
      titleKo: `${pick(HANGUL)} ${pick(HANGUL)} ${i}`,
      romanized: [`Romanised ${i}`],
      aliases: [`${title}: The Series`],
    };
    dramas.push({
      id: `drama-${i}`,
      ...base,
      year: 2000 + (i % 25),
      network: pick(['KBS2', 'SBS', 'MBC', 'tvN', 'JTBC']),
      season: 1,
      episodes: 16,
      cast: [0, 1, 2].map(() => ({
        actor: `${pick(SURNAMES)} ${pick(GIVEN)}`,
        actorAliases: [],
        character: `${pick(SURNAMES)} ${pick(GIVEN)}`,
      })),
      titleKeys: titleKeysOf(base),
    });
  }
  const facts: Fact[] = [];
  for (let i = 0; i < factCount; i++) {
    const drama = dramas[i % dramaCount]!;
    const episode = rand() < 0.2 ? null : 1 + Math.floor(rand() * drama.episodes);
    const actor = drama.cast[0]!.actor;
    facts.push({
      id: `fact-${i}`,
      dramaId: drama.id,
      episode,
      text: `${actor} filmed the ${pick(WORDS).toLowerCase()} scene in ${pick(PLACES)} after ${1 + Math.floor(rand() * 20)} takes.`,
      people: [actor],
      tags: [pick(TAGS)],
      spoiler: rand() < 0.3,
      sourceId: 'bench',
    });
  }
  return {
    format: PACK_FORMAT,
    version: `bench-${dramaCount}-${factCount}-${seed}`,
    dramas,
    facts,
    sources: [{ id: 'bench', title: 'Generated for benchmarks', ref: 'scripts/bench/generate-catalog.ts' }],
  };
}
