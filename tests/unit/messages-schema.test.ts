import { describe, expect, it } from 'vitest';
import { playingSchema } from '../../utils/messaging/payloads';

describe('playingSchema: the series id a content script sends', () => {
  const base = { site: 'wetv', titles: ['Cheese in the Trap'], episode: 4 };

  it.each([['h4r8ldbe2ywhdx1'], ['21789c'], ['business-proposal'], ['0HJQ5Z9VXAB6R1NGXG5WTC0P2L'], [undefined]])(
    'accepts %s',
    (seriesId) => {
      const message = seriesId === undefined ? base : { ...base, seriesId };
      expect(playingSchema.safeParse(message).success).toBe(true);
    },
  );

  it.each([[''], ['x'.repeat(101)], ['a/b'], ['<script>'], ['id with spaces'], [42]])('refuses %s', (seriesId) => {
    expect(playingSchema.safeParse({ ...base, seriesId }).success).toBe(false);
  });
});
