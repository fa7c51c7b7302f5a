/**
 * Shapes of message payloads, checked by the background before it acts: a
 * message is data from another context, and a content script runs beside pages
 * we do not control.
 */
import { z } from 'zod';
import { MAX_TITLE_LENGTH } from './sites/page-data';
import type { CorrectionInput } from './db/corrections';
import { SITE_IDS, type Playing, type SiteId } from './sites/types';

export const playingSchema: z.ZodType<Playing> = z.strictObject({
  site: z.enum(SITE_IDS),
  seriesId: z.string().min(1).max(MAX_TITLE_LENGTH).optional(),
  titles: z.array(z.string().min(1).max(MAX_TITLE_LENGTH)).min(1).max(8),
  season: z.number().int().min(1).max(99).optional(),
  episode: z.number().int().min(1).max(500).optional(),
});

const seriesKeySchema = z.string().min(1).max(MAX_TITLE_LENGTH);

export const correctionInputSchema: z.ZodType<CorrectionInput> = z.strictObject({
  site: z.enum(SITE_IDS),
  seriesKey: seriesKeySchema,
  dramaId: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a drama id')
    .max(100),
  episode: z.number().int().min(1).max(500).nullable(),
});

export const seriesSchema: z.ZodType<{ site: SiteId; seriesKey: string }> = z.strictObject({
  site: z.enum(SITE_IDS),
  seriesKey: seriesKeySchema,
});
