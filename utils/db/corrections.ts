/**
 * The viewer's manual corrections: "on this site, this series is that drama
 * (and, when the page does not say, that episode)". A correction is kept until
 * the viewer clears it; catalog updates never touch the store.
 */
import { titleKey } from '../catalog/match-title';
import type { Playing, SiteId } from '../sites/types';
import type { CatalogDb, Correction } from './database';

/** What the popup sends to set a correction. */
export interface CorrectionInput {
  site: SiteId;
  seriesKey: string;
  dramaId: string;
  /** The episode to assume when the page gives none; null for none. */
  episode: number | null;
}

/**
 * What identifies a series on its site: the site's series id when the page
 * gives one, else the title key of the most trusted title. Null when the page
 * names nothing.
 */
export function seriesKeyOf(playing: Pick<Playing, 'seriesId' | 'titles'>): string | null {
  if (playing.seriesId) return playing.seriesId;
  const key = titleKey(playing.titles[0] ?? '');
  return key ? key : null;
}

/** The store key of a correction. */
export function correctionKey(site: string, seriesKey: string): string {
  return `${site}|${seriesKey}`;
}

/** Remembers a correction, replacing any earlier one for that series on that site. */
export async function saveCorrection(db: CatalogDb, input: CorrectionInput, now = Date.now()): Promise<Correction> {
  const correction: Correction = { key: correctionKey(input.site, input.seriesKey), ...input, updatedAt: now };
  await db.put('corrections', correction);
  return correction;
}

/** Forgets the correction for a series on a site; whether there was one. */
export async function clearCorrection(db: CatalogDb, site: SiteId, seriesKey: string): Promise<boolean> {
  const key = correctionKey(site, seriesKey);
  const tx = db.transaction('corrections', 'readwrite');
  const existed = (await tx.store.getKey(key)) !== undefined;
  if (existed) await tx.store.delete(key);
  await tx.done;
  return existed;
}

/** The correction that applies to what a page is playing, if the viewer made one. */
export async function correctionFor(db: CatalogDb, playing: Playing): Promise<Correction | undefined> {
  const seriesKey = seriesKeyOf(playing);
  return seriesKey === null ? undefined : db.get('corrections', correctionKey(playing.site, seriesKey));
}
