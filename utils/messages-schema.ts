/**
 * Shapes of message payloads, checked by the background before it acts: a
 * message is data from another context, and a content script runs beside pages
 * we do not control.
 */
import { z } from 'zod';
import { MAX_SERIES_ID_LENGTH, MAX_TITLE_LENGTH } from './sites/page-data';
import { SITE_IDS, type Playing } from './sites/types';

export const playingSchema: z.ZodType<Playing> = z.strictObject({
  site: z.enum(SITE_IDS),
  titles: z.array(z.string().min(1).max(MAX_TITLE_LENGTH)).min(1).max(8),
  season: z.number().int().min(1).max(99).optional(),
  episode: z.number().int().min(1).max(500).optional(),
  seriesId: z
    .string()
    .min(1)
    .max(MAX_SERIES_ID_LENGTH)
    .regex(/^[\p{L}\p{N}._~-]+$/u, 'a series id is letters, digits and . _ ~ -')
    .optional(),
});
