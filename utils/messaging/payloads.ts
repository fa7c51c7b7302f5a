/**
 * Shapes of message payloads, checked by the background before it acts: a
 * message is data from another context, and a content script runs beside pages
 * we do not control.
 */
import { z } from 'zod';
import { MAX_PACK_BYTES } from '../catalog/pack';
import { episodeNumber } from '../catalog/schema';
import { MAX_SERIES_ID_LENGTH, MAX_TITLE_LENGTH } from '../sites/readers/page-data';
import type { CorrectionInput } from '../db/corrections';
import type { BadgeReport } from './tab-badge';
import { SITE_IDS, type Playing, type SiteId } from '../sites/types';

// Extension pages forbid eval: tell zod not to try compiling validators with new Function.
z.config({ jitless: true });

export const playingSchema: z.ZodType<Playing> = z.strictObject({
  site: z.enum(SITE_IDS),
  titles: z.array(z.string().min(1).max(MAX_TITLE_LENGTH)).min(1).max(8),
  season: z.number().int().min(1).max(99).optional(),
  episode: episodeNumber.optional(),
  seriesId: z
    .string()
    .min(1)
    .max(MAX_SERIES_ID_LENGTH)
    .regex(/^[\p{L}\p{N}._~-]+$/u, 'a series id is letters, digits and . _ ~ -')
    .optional(),
});

export const seenSchema = z.strictObject({
  dramaId: z.string().min(1).max(100),
  episode: episodeNumber.nullable(),
  factId: z.string().min(1).max(200),
});

/** A frame's badge report: a count of facts, "off", or null (nothing recognised). */
export const badgeReportSchema: z.ZodType<BadgeReport> = z.union([
  z.number().int().min(0).max(1_000_000),
  z.literal('off'),
  z.null(),
]);

const ownFactId = z.string().min(1).max(120);

/** The draft is checked field by field by addOwnFact, which names each bad field; here only its outline. */
export const addOwnFactSchema = z.looseObject({});

export const updateOwnFactSchema = z.strictObject({ id: ownFactId, draft: z.looseObject({}) });

/** Which of the viewer's facts the own-facts frame asks for. */
export const ownFactsForSchema = z.strictObject({
  dramaId: z.string().min(1).max(200),
  episode: z.number().int().min(1).max(9999).nullable(),
});

export const deleteOwnFactSchema = z.strictObject({ id: ownFactId });

/** Twice the pack limit: the import itself refuses an oversized pack with a clear message. */
export const importPackSchema = z.strictObject({ json: z.string().max(MAX_PACK_BYTES * 2) });

export const updateRemotePacksSchema = z.strictObject({ manifestUrl: z.string().min(1).max(2000) });
const seriesKeySchema = z.string().min(1).max(MAX_TITLE_LENGTH);

export const correctionInputSchema: z.ZodType<CorrectionInput> = z.strictObject({
  site: z.enum(SITE_IDS),
  seriesKey: seriesKeySchema,
  dramaId: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a drama id')
    .max(100),
  episode: episodeNumber.nullable(),
});

export const seriesSchema: z.ZodType<{ site: SiteId; seriesKey: string }> = z.strictObject({
  site: z.enum(SITE_IDS),
  seriesKey: seriesKeySchema,
});
