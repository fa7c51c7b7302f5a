import { describe, expect, it } from 'vitest';
import { isAheadOfProgress, isDramaWideSpoilerAhead, isVeiled, spoilerFreeFrom } from '../../utils/playback/spoilers';

const dramaWide = (spoiler: boolean, from?: number) => ({
  episode: null,
  spoiler,
  ...(from === undefined ? {} : { spoilerFreeFrom: from }),
});

describe('drama-wide spoilers', () => {
  it('are safe from the episode their source names, else from the final episode, never past it', () => {
    expect(spoilerFreeFrom({}, 16)).toBe(16);
    expect(spoilerFreeFrom({ spoilerFreeFrom: 4 }, 16)).toBe(4);
    expect(spoilerFreeFrom({ spoilerFreeFrom: 40 }, 16)).toBe(16);
  });

  it.each([
    [dramaWide(true), 1, true],
    [dramaWide(true), 15, true],
    [dramaWide(true), 16, false],
    [dramaWide(true), null, true], // the page names no episode: assume nothing watched
    [dramaWide(true, 5), 4, true],
    [dramaWide(true, 5), 5, false],
    [dramaWide(false), 1, false], // spoils nothing
  ] as const)('%j at episode %s of 16 is ahead: %s', (fact, episode, expected) => {
    expect(isDramaWideSpoilerAhead(fact, episode, 16)).toBe(expected);
    expect(isVeiled(fact, { episode, episodes: 16 }, { time: 0, duration: 3600 })).toBe(expected);
    expect(isAheadOfProgress(fact, episode ?? 0, 16)).toBe(expected);
  });
});

describe('facts of the episode playing', () => {
  const here = { episode: 3, episodes: 16 };
  it('veil a timestamped fact until its moment and an untimed spoiler until the ending', () => {
    const timed = { episode: 3, spoiler: false, at: 600 };
    const spoiler = { episode: 3, spoiler: true };
    expect(isVeiled(timed, here, { time: 599, duration: 3600 })).toBe(true);
    expect(isVeiled(timed, here, { time: 600, duration: 3600 })).toBe(false);
    expect(isVeiled(spoiler, here, { time: 3000, duration: 3600 })).toBe(true);
    expect(isVeiled(spoiler, here, { time: 3240, duration: 3600 })).toBe(false);
    expect(isVeiled(spoiler, here, null)).toBe(true); // length unknown
    expect(isVeiled({ episode: 3, spoiler: false }, here, null)).toBe(false);
  });
});
