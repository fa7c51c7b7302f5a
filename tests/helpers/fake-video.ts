import type { FactView } from '../../utils/messaging/views';
import type { PlaybackSource } from '../../utils/playback/card-scheduler';

/** A <video> stand-in driven by the test, firing the events a real one fires. */
export class FakeVideo extends EventTarget implements PlaybackSource {
  currentTime = 0;
  duration = 600;
  paused = false;
  seeking = false;
  playbackRate = 1;
  /** Plays from the current time to `to`, in timeupdate steps of 0.25 s × rate. */
  playTo(to: number) {
    while (this.currentTime < to) {
      this.currentTime = Math.min(to, this.currentTime + 0.25 * this.playbackRate);
      this.dispatchEvent(new Event('timeupdate'));
    }
  }
  seekTo(to: number) {
    this.seeking = true;
    this.dispatchEvent(new Event('seeking'));
    this.currentTime = to;
    this.dispatchEvent(new Event('timeupdate'));
    this.seeking = false;
    this.dispatchEvent(new Event('seeked'));
  }
  pause() {
    this.paused = true;
    this.dispatchEvent(new Event('pause'));
  }
}

/** A fact of Healer episode 14 whose text is its id, for the card tests. */
export const cardFact = (id: string, extra: Partial<FactView> = {}): FactView => ({
  id,
  dramaId: 'healer',
  episode: 14,
  text: id,
  people: [],
  tags: ['kiss-scene'],
  spoiler: false,
  sourceId: 's',
  ...extra,
});
