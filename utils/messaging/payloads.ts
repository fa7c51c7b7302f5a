/**
 * Shapes of message payloads, checked by the background before it acts: a
 * message is data from another context, and a content script runs beside pages
 * we do not control.
 */
import { z } from '../validation/zod';
import { MAX_PACK_BYTES } from '../catalog/pack';
import { episodeNumber } from '../catalog/schema';
import { MAX_SERIES_ID_LENGTH, MAX_TITLE_LENGTH } from '../sites/readers/page-data';
import type { CorrectionInput } from '../db/corrections';
import type { BadgeMessage, BadgeReport } from './tab-badge';
import { SITE_IDS, type Playing, type SiteId } from '../sites/types';

export const playingSchema: z.ZodMiniType<Playing> = z.strictObject({
  site: z.enum(SITE_IDS),
  titles: z
    .array(z.string().check(z.minLength(1), z.maxLength(MAX_TITLE_LENGTH)))
    .check(z.minLength(1), z.maxLength(8)),
  season: z.optional(z.int().check(z.gte(1), z.lte(99))),
  episode: z.optional(episodeNumber),
  seriesId: z.optional(
    z
      .string()
      .check(
        z.minLength(1),
        z.maxLength(MAX_SERIES_ID_LENGTH),
        z.regex(/^[\p{L}\p{N}._~-]+$/u, 'a series id is letters, digits and . _ ~ -'),
      ),
  ),
});

export const seenSchema = z.strictObject({
  dramaId: z.string().check(z.minLength(1), z.maxLength(100)),
  episode: z.nullable(episodeNumber),
  factId: z.string().check(z.minLength(1), z.maxLength(200)),
});

/** A frame's badge report: a count of facts, "off", or null (nothing recognised). */
export const badgeReportSchema: z.ZodMiniType<BadgeReport> = z.union([
  z.int().check(z.gte(0), z.lte(1_000_000)),
  z.literal('off'),
  z.null(),
]);

export const badgeMessageSchema: z.ZodMiniType<BadgeMessage> = z.strictObject({
  report: badgeReportSchema,
  documentStart: z.number().check(z.gte(0), z.lte(8.64e15)),
});

const ownFactId = z.string().check(z.minLength(1), z.maxLength(120));

/** The draft is checked field by field by addOwnFact, which names each bad field; here only its outline. */
export const addOwnFactSchema = z.looseObject({});

export const updateOwnFactSchema = z.strictObject({ id: ownFactId, draft: z.looseObject({}) });

/** Which of the viewer's facts the own-facts frame asks for. */
export const ownFactsForSchema = z.strictObject({
  dramaId: z.string().check(z.minLength(1), z.maxLength(200)),
  episode: z.nullable(z.int().check(z.gte(1), z.lte(9999))),
});

export const deleteOwnFactSchema = z.strictObject({ id: ownFactId });

/** Twice the pack limit: the import itself refuses an oversized pack with a clear message. */
export const importPackSchema = z.strictObject({ json: z.string().check(z.maxLength(MAX_PACK_BYTES * 2)) });

export const updateRemotePacksSchema = z.strictObject({
  manifestUrl: z.string().check(z.minLength(1), z.maxLength(2000)),
});
const seriesKeySchema = z.string().check(z.minLength(1), z.maxLength(MAX_TITLE_LENGTH));

export const correctionInputSchema: z.ZodMiniType<CorrectionInput> = z.strictObject({
  site: z.enum(SITE_IDS),
  seriesKey: seriesKeySchema,
  dramaId: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a drama id'), z.maxLength(100)),
  episode: z.nullable(episodeNumber),
});

export const seriesSchema: z.ZodMiniType<{ site: SiteId; seriesKey: string }> = z.strictObject({
  site: z.enum(SITE_IDS),
  seriesKey: seriesKeySchema,
});
