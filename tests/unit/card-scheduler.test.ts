import { describe, expect, it } from 'vitest';
import type { FactView } from '../../utils/messaging/views';
import { scheduleCards } from '../../utils/playback/card-scheduler';
import { cardFact, FakeVideo } from '../helpers/fake-video';
import { buildTimeline, dueBetween } from '../../utils/playback/timeline';

const fact = cardFact;

describe('buildTimeline', () => {
  it('puts a timestamped fact at its moment and spreads the others through the episode, sorted', () => {
    const timeline = buildTimeline([fact('a'), fact('timed', { at: 100 }), fact('b')], 3000, 60);
    expect(timeline.map((e) => e.fact.id)).toEqual(['timed', 'a', 'b']);
    expect(timeline[0]!.time).toBe(100);
    expect(timeline[1]!.time).toBeGreaterThanOrEqual(300); // after the first tenth
    expect(timeline[2]!.time).toBeLessThanOrEqual(0.85 * 3000);
  });

  it('keeps untimed facts at least the gap apart', () => {
    const timeline = buildTimeline([fact('a'), fact('b'), fact('c'), fact('d')], 600, 120);
    const times = timeline.map((e) => e.time);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(120);
  });

  it('saves untimed spoilers for the ending', () => {
    const [entry] = buildTimeline([fact('s', { spoiler: true })], 3000, 60);
    expect(entry!.time).toBeGreaterThanOrEqual(2700);
  });

  it('still places facts when the length is unknown (a live stream)', () => {
    const timeline = buildTimeline([fact('a'), fact('b')], Infinity, 90);
    expect(timeline.map((e) => e.time)).toEqual([60, 150]);
  });
});

describe('dueBetween', () => {
  const timeline = buildTimeline([fact('x', { at: 10 }), fact('y', { at: 20 }), fact('z', { at: 30 })], 100, 0);
  it.each([
    [0, 9.9, []],
    [9.9, 10, ['x']],
    [10, 10.2, []],
    [15, 31, ['y', 'z']],
    [31, 20, []],
  ])('(%s, %s] → %j', (from, to, ids) => {
    expect(dueBetween(timeline, from, to).map((e) => e.fact.id)).toEqual(ids);
  });
});

function setup(facts: FactView[], video = new FakeVideo()) {
  const popped: string[] = [];
  const seen = new Set<string>();
  const controller = new AbortController();
  scheduleCards({
    video,
    facts,
    gap: 0,
    isSeen: (id) => seen.has(id),
    onDue: (f) => {
      popped.push(f.id);
      seen.add(f.id);
    },
    signal: controller.signal,
  });
  return { video, popped, seen, controller };
}

describe('scheduleCards', () => {
  it('pops a timestamped fact at its moment and not before', () => {
    const { video, popped } = setup([fact('kiss', { at: 30 })]);
    video.playTo(29.75);
    expect(popped).toEqual([]);
    video.playTo(30.5);
    expect(popped).toEqual(['kiss']);
  });

  it('does not pop what a seek jumps over, nor replay a seen fact after seeking back', () => {
    const { video, popped } = setup([fact('early', { at: 10 }), fact('late', { at: 200 })]);
    video.playTo(11);
    expect(popped).toEqual(['early']);
    video.seekTo(300); // jumps over "late"
    video.playTo(301);
    expect(popped).toEqual(['early']);
    video.seekTo(5); // back before "early", which was seen
    video.playTo(12);
    expect(popped).toEqual(['early']);
    video.playTo(201); // playing through "late" now pops it
    expect(popped).toEqual(['early', 'late']);
  });

  it('gives a paused video no new cards', () => {
    const { video, popped } = setup([fact('kiss', { at: 30 })]);
    video.playTo(20);
    video.pause();
    video.currentTime = 31; // e.g. frame-stepping while paused
    video.dispatchEvent(new Event('timeupdate'));
    expect(popped).toEqual([]);
  });

  it('keeps up at double speed, where updates are twice as far apart', () => {
    const video = new FakeVideo();
    const { popped } = setup([fact('kiss', { at: 30 })], video);
    video.playbackRate = 2;
    video.dispatchEvent(new Event('ratechange'));
    video.playTo(31);
    expect(popped).toEqual(['kiss']);
  });

  it('treats a large jump without a seek event as a jump, not playback', () => {
    const { video, popped } = setup([fact('kiss', { at: 30 })]);
    video.currentTime = 100;
    video.dispatchEvent(new Event('timeupdate'));
    expect(popped).toEqual([]);
  });

  it('stops listening when aborted', () => {
    const { video, popped, controller } = setup([fact('kiss', { at: 30 })]);
    controller.abort();
    video.playTo(31);
    expect(popped).toEqual([]);
  });
});
