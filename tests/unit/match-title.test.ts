import { describe, expect, it } from 'vitest';
import { indexByTitleKey, matchTitle, titleKey } from '../../utils/catalog/match-title';
import { catalog } from '../helpers/catalog';

const byKey = indexByTitleKey(catalog.dramas);
const match = async (title: string, season?: number) =>
  (await matchTitle(season === undefined ? { title } : { title, season }, byKey))?.id ?? null;

describe('titleKey', () => {
  it.each([
    ['Nevertheless,', 'nevertheless'],
    ['The Heirs', 'heirs'],
    ['A Business Proposal', 'businessproposal'],
    ['Bubble Gum', 'bubblegum'],
    ['Weightlifting Fairy Kim Bok-joo', 'weightliftingfairykimbokjoo'],
    ['Moon Lovers: Scarlet Heart Ryeo', 'moonloversscarletheartryeo'],
    ['Healer (2014)', 'healer'],
    ['Reply 1997', 'reply1997'],
    ['또 오해영', '또오해영'],
    ['Épisode', 'episode'],
    ['\u200fHealer\u200e', 'healer'],
    ['   ', ''],
    ['Bread, Love & Dreams', 'breadloveanddreams'],
    ['Bread, Love and Dreams', 'breadloveanddreams'],
    ['Dr. Romantic', 'doctorromantic'],
    ['Doctor Romantic', 'doctorromantic'],
    ['Mr. Queen', 'misterqueen'],
    ['Drama', 'drama'], // "dr" only as a whole word
    ['Mr.Sunshine', 'mistersunshine'],
  ])('%s → %s', (title, key) => {
    expect(titleKey(title)).toBe(key);
  });
});

describe('matchTitle over the catalog', () => {
  it.each([
    // Titles as streaming sites list them
    ['Healer', 'healer'],
    ['힐러', 'healer'],
    ['Love in the Moonlight', 'moonlight-drawn-by-clouds'],
    ['Moonlight Drawn by Clouds', 'moonlight-drawn-by-clouds'],
    ['구르미 그린 달빛', 'moonlight-drawn-by-clouds'],
    ['Nevertheless,', 'nevertheless'],
    ['Nevertheless', 'nevertheless'],
    ['알고있지만,', 'nevertheless'],
    ['Business Proposal', 'business-proposal'],
    ['A Business Proposal', 'business-proposal'],
    ['사내맞선', 'business-proposal'],
    ['Weightlifting Fairy Kim Bok Joo', 'weightlifting-fairy-kim-bok-joo'],
    ['Weightlifting Fairy Kim Bok-joo', 'weightlifting-fairy-kim-bok-joo'],
    ['Heirs', 'heirs'],
    ['The Heirs', 'heirs'],
    ['Bubblegum', 'bubblegum'],
    ['Bubble Gum', 'bubblegum'],
    ['Reply 1997', 'reply-1997'],
    ['Answer Me 1997', 'reply-1997'],
    ['Dr. Romantic', 'romantic-doctor-teacher-kim'],
    ['Romantic Doctor, Teacher Kim', 'romantic-doctor-teacher-kim'],
    ['Doctor Crush', 'doctors'],
    ['Doctors', 'doctors'],
    ['Moon Lovers: Scarlet Heart Ryeo', 'moon-lovers-scarlet-heart-ryeo'],
    ['Scarlet Heart: Ryeo', 'moon-lovers-scarlet-heart-ryeo'],
    ['The Producers', 'the-producers'],
    ['Producer', 'the-producers'],
    ['Another Oh Hae Young', 'another-oh-hae-young'],
    ['또 오해영', 'another-oh-hae-young'],
    ['Cheese in the Trap', 'cheese-in-the-trap'],
    ['CHEESE IN THE TRAP', 'cheese-in-the-trap'],
    ['Oh My Ghost', 'oh-my-ghost'],
    ['Oh My Ghostess', 'oh-my-ghost'],
    ['heirs', 'heirs'],
    // Titles of the new sites and in other forms
    ['Another Miss Oh', 'another-oh-hae-young'],
    ['사내 맞선', 'business-proposal'], // spacing differs from the record's hangul
    ['알고 있지만,', 'nevertheless'],
    ['nevertheless', 'nevertheless'], // an iQIYI slug
    ['business proposal', 'business-proposal'], // an OnDemandKorea slug
    ['Cheese in the Trap', 'cheese-in-the-trap'],
    ['Healer (2014)', 'healer'],
    ['Reply 1997 (2012)', 'reply-1997'],
    ['Heirs (2013)', 'heirs'],
    ['Weightlifting Fairy Kim Bok-Joo', 'weightlifting-fairy-kim-bok-joo'],
    ['Moon Lovers – Scarlet Heart: Ryeo', 'moon-lovers-scarlet-heart-ryeo'],
    ['THE PRODUCERS', 'the-producers'],
  ])('%s → %s', async (title, id) => {
    expect(await match(title)).toBe(id);
  });

  it.each([
    // Near misses between real titles: each is another show, never the nearest drama.
    ['Healer of Seoul'],
    ['Dr. Romantic 2'],
    ['Doctor John'],
    ['Moonlight'],
    ['Moon Lovers 2'],
    ['Business Proposal Special'],
    ['Oh My Venus'],
    ['Cheese'],
    ['Heir'],
    ['The Producer of Love'],
    ['Moonlit Kimchi Detective'],
    ['Netflix'],
    ['Another'],
    // More near misses between real titles
    ['Cheese in the Trap (2018)'], // the film adaptation, not the 2016 series
    ['Healer (2025)'],
    ['Dr. Romantic 3'],
    ['Doctor Stranger'],
    ['Oh My Ghost Clinic'],
    ['Oh My Lady'],
    ['Scarlet Heart'], // the Chinese original of Moon Lovers
    ['Love in the Moonlight Special'],
    ['Cute Programmer'],
    ['Breakup Probation, A Week'],
    ['Bubble'],
    ['Reply'],
    ['尽管如此'], // a localized title no record carries
    [''],
  ])('%s matches nothing', async (title) => {
    expect(await match(title)).toBeNull();
  });

  // The same title as stores print it: one fixed word for another, never a guess.
  it.each([
    ['Bread, Love & Dreams', 'baker-king-kim-tak-goo'], // the record says "and"
    ['Queen & I', 'queen-in-hyuns-man'],
    ['Emergency Man & Woman', 'emergency-couple'],
    ['Mister Queen', 'mr-queen'], // the record says "Mr."
    ['Mister Sunshine', 'mr-sunshine'],
    ['Doctor Cha', 'doctor-cha'], // the record's alias says "Dr. Cha"
    ['Dr Cha', 'doctor-cha'],
    ['King: Eternal Monarch', 'the-king-eternal-monarch'], // no leading "The"
    ['The King - Eternal Monarch', 'the-king-eternal-monarch'],
    ['Nevertheless:', 'nevertheless'], // a trailing colon for the record's comma
    ["The Princess' Man", 'the-princess-man'],
    ['Princess Man', 'the-princess-man'],
  ])('%s (a store’s spelling) → %s', async (title, id) => {
    expect(await match(title)).toBe(id);
  });

  it.each([
    // A spelling variant of another drama's title is still that other drama, or nothing.
    ['Mister Sunshine Queen'],
    ['Dr. Queen'],
    ['Mr. Cha'],
    ['Queen & King'],
    ['Doctor'],
    ['Mister'],
    ['&'],
    ['Bread & Love'],
  ])('%s, a variant naming no drama, matches nothing', async (title) => {
    expect(await match(title)).toBeNull();
  });

  it('refuses a season the catalog record does not describe', async () => {
    expect(await match('Dr. Romantic', 1)).toBe('romantic-doctor-teacher-kim');
    expect(await match('Dr. Romantic', 2)).toBeNull();
  });

  it('refuses a title two dramas share rather than guess', async () => {
    const [a, b] = catalog.dramas;
    const shared = indexByTitleKey([
      { ...a!, titleKeys: [...a!.titleKeys, 'twins'] },
      { ...b!, titleKeys: [...b!.titleKeys, 'twins'] },
    ]);
    expect(await matchTitle({ title: 'Twins' }, shared)).toBeNull();
    expect((await matchTitle({ title: a!.title }, shared))?.id).toBe(a!.id);
  });

  it('tells a remake from the original by the year the page gives, and refuses without one', async () => {
    const healer = catalog.dramas.find((d) => d.id === 'healer')!;
    const remake = { ...healer, id: 'healer-remake', year: 2025 };
    const both = indexByTitleKey([healer, remake]);
    expect(await matchTitle({ title: 'Healer' }, both)).toBeNull();
    expect((await matchTitle({ title: 'Healer (2014)' }, both))?.id).toBe('healer');
    expect((await matchTitle({ title: 'Healer (2015)' }, both))?.id).toBe('healer'); // aired over New Year
    expect((await matchTitle({ title: 'Healer [2025]' }, both))?.id).toBe('healer-remake');
    expect(await matchTitle({ title: 'Healer (2020)' }, both)).toBeNull();
  });
});
