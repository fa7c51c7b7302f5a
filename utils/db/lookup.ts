/** Answers "what does the catalog know about what this page is playing?". */
import type { Drama, Fact } from '../catalog/types';
import { matchTitle } from '../match-title';
import type { Playing } from '../sites/types';
import { correctionFor } from './corrections';
import { dramasByTitleKey, dramaWideFacts, factsForEpisode, sourcesById, type CatalogDb } from './facts-store';

/** A fact as the overlay shows it: with the title of the article it came from. */
export interface FactView extends Fact {
  sourceTitle: string;
}

/** What the overlay needs for one recognised episode. */
export interface EpisodeView {
  drama: Pick<Drama, 'id' | 'title' | 'titleKo' | 'year' | 'network' | 'episodes'>;
  /** The episode playing, or null when the page does not say. */
  episode: number | null;
  /** Facts about this episode. */
  episodeFacts: FactView[];
  /** Facts about the drama as a whole. */
  dramaFacts: FactView[];
  /** True when the drama comes from the viewer's manual correction, not from the page's titles. */
  corrected?: boolean;
}

/** Finds the drama a page names, trying its titles most trusted first. */
export async function findDrama(db: CatalogDb, playing: Playing): Promise<Drama | null> {
  for (const title of playing.titles) {
    const query = playing.season === undefined ? { title } : { title, season: playing.season };
    const drama = await matchTitle(query, (key) => dramasByTitleKey(db, key));
    if (drama) return drama;
  }
  return null;
}

/**
 * The drama, episode and facts for what a page is playing, or null when the
 * catalog does not know the show. Only facts about the episode playing and about
 * the whole drama are returned: never one about a later episode.
 *
 * A manual correction for the series comes first, whatever the titles say (the
 * viewer made it because recognition failed or was wrong). Its episode applies
 * only when the page names none: when the page does name an episode, the
 * page's number wins, so a correction made on episode 3 still follows the
 * viewer to episode 4.
 */
export async function lookupEpisode(db: CatalogDb, playing: Playing): Promise<EpisodeView | null> {
  const correction = await correctionFor(db, playing);
  // A correction naming a drama the catalog no longer has is ignored, not an error.
  const corrected = correction ? await db.get('dramas', correction.dramaId) : undefined;
  const drama = corrected ?? (await findDrama(db, playing));
  if (!drama) return null;
  const episode = playing.episode ?? (corrected ? correction?.episode : null) ?? null;
  const [episodeFacts, dramaFacts] = await Promise.all([
    episode === null ? Promise.resolve([]) : factsForEpisode(db, drama.id, episode),
    dramaWideFacts(db, drama.id),
  ]);
  const sources = await sourcesById(
    db,
    [...episodeFacts, ...dramaFacts].map((f) => f.sourceId),
  );
  const view = (fact: Fact): FactView => ({ ...fact, sourceTitle: sources[fact.sourceId]?.title ?? '' });
  const { id, title, titleKo, year, network, episodes } = drama;
  return {
    drama: { id, title, titleKo, year, network, episodes },
    episode,
    episodeFacts: episodeFacts.map(view),
    dramaFacts: dramaFacts.map(view),
    ...(corrected ? { corrected: true } : {}),
  };
}
