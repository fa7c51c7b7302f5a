/**
 * How far the viewer has got in each drama: the highest episode recognised
 * playing. The popup veils facts about later episodes until the viewer reveals
 * them.
 */
import type { CatalogDb } from './database';

/** Records that `episode` of a drama played; keeps the highest episode seen. Returns the progress now stored. */
export async function recordProgress(db: CatalogDb, dramaId: string, episode: number, now = Date.now()) {
  const tx = db.transaction('progress', 'readwrite');
  const known = await tx.store.get(dramaId);
  if (known && known.episode >= episode) {
    await tx.done;
    return known.episode;
  }
  await tx.store.put({ dramaId, episode, updatedAt: now });
  await tx.done;
  return episode;
}

/** The highest episode of a drama the viewer has watched; 0 when none is known. */
export async function progressIn(db: CatalogDb, dramaId: string): Promise<number> {
  return (await db.get('progress', dramaId))?.episode ?? 0;
}
