/** Answers "what does the catalog know about what this page is playing?". */
import { dramaEpisodeKey } from '../../utils/catalog/episode-key';
import { withSources } from '../../utils/catalog/fact-source';
import type { Drama } from '../../utils/catalog/types';
import { matchTitle } from '../../utils/catalog/match-title';
import type { Playing } from '../../utils/sites/types';
import { idbReader, type CatalogReader } from '../../utils/db/catalog-reader';
import type { CatalogDb, OwnFact } from '../../utils/db/database';
import type { EpisodeView, FactView, OwnFactsView } from '../../utils/messaging/views';

/** The reader for a database or a reader already made (the in-memory fallback). */
function readerOf(source: CatalogDb | CatalogReader): CatalogReader {
  return 'dramasByTitleKey' in source ? source : idbReader(source);
}

/** Finds the drama a page names, trying its titles most trusted first. */
async function findDrama(source: CatalogDb | CatalogReader, playing: Playing): Promise<Drama | null> {
  const reader = readerOf(source);
  for (const title of playing.titles) {
    const query = playing.season === undefined ? { title } : { title, season: playing.season };
    const drama = await matchTitle(query, (key) => reader.dramasByTitleKey(key));
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
 * viewer to episode 4. A number past the drama's last episode counts as none.
 */
export async function lookupEpisode(
  source: CatalogDb | CatalogReader,
  playing: Playing,
  options: { ownFacts: boolean } = { ownFacts: true },
): Promise<EpisodeView | null> {
  const reader = readerOf(source);
  const correction = await reader.correctionFor(playing);
  // A correction naming a drama the catalog no longer has is ignored, not an error.
  const corrected = correction ? await reader.drama(correction.dramaId) : undefined;
  const drama = corrected ?? (await findDrama(reader, playing));
  if (!drama) return null;
  // An episode past the drama's last (a page saying "Episode 21" of a 20-episode
  // drama, a correction kept from a longer record) is no episode of it: unknown.
  const within = (n: number | null | undefined) => (n != null && n <= drama.episodes ? n : null);
  const episode = within(playing.episode) ?? (corrected ? within(correction?.episode) : null);
  const [episodeFacts, dramaFacts, ownEpisodeFacts, ownDramaFacts] = await Promise.all([
    episode === null ? Promise.resolve([]) : reader.factsForEpisode(drama.id, episode),
    reader.factsForEpisode(drama.id, 0),
    episode === null || !options.ownFacts ? Promise.resolve([]) : reader.ownFactsFor(drama.id, episode),
    options.ownFacts ? reader.ownFactsFor(drama.id, 0) : Promise.resolve([]),
  ]);
  const sources = await reader.sourcesById([...episodeFacts, ...dramaFacts].map((f) => f.sourceId));
  const seenFactIds = await reader.seenFactIds(dramaEpisodeKey(drama.id, episode));
  const { id, title, titleKo, year, network, episodes } = drama;
  return {
    drama: { id, title, titleKo, year, network, episodes },
    episode,
    episodeFacts: [...withSources(episodeFacts, sources), ...ownEpisodeFacts.map(ownFactView)],
    dramaFacts: [...withSources(dramaFacts, sources), ...ownDramaFacts.map(ownFactView)],
    seenFactIds,
    ...(corrected ? { corrected: true } : {}),
  };
}

/** One of the viewer's facts as the UI shows it: marked as theirs, with the source an imported one names. */
export function ownFactView({
  episodeKey: _k,
  seq: _s,
  createdAt: _c,
  updatedAt: _u,
  source,
  ...fact
}: OwnFact): FactView {
  return { ...(source ? withSources([fact], { [fact.sourceId]: source })[0]! : fact), own: true };
}

/**
 * The viewer's own facts about a drama's episode (or, for null, none) and about the
 * whole drama: what the own-facts frame shows. Null when the catalog has no such drama.
 */
export async function ownFactsOf(
  source: CatalogDb | CatalogReader,
  dramaId: string,
  episode: number | null,
): Promise<OwnFactsView | null> {
  const reader = readerOf(source);
  const drama = await reader.drama(dramaId);
  if (!drama) return null;
  const within = episode !== null && episode >= 1 && episode <= drama.episodes ? episode : null;
  const [episodeFacts, dramaFacts] = await Promise.all([
    within === null ? Promise.resolve([]) : reader.ownFactsFor(drama.id, within),
    reader.ownFactsFor(drama.id, 0),
  ]);
  return {
    drama: { id: drama.id, title: drama.title, episodes: drama.episodes },
    episode: within,
    episodeFacts: episodeFacts.map(ownFactView),
    dramaFacts: dramaFacts.map(ownFactView),
  };
}

/** Remembers that the viewer has seen a fact pop up in an episode, so it does not pop again. */
export async function markSeen(db: CatalogDb, dramaId: string, episode: number | null, factId: string): Promise<void> {
  const tx = db.transaction('seen', 'readwrite');
  const key = dramaEpisodeKey(dramaId, episode);
  const current = await tx.store.get(key);
  if (!current?.factIds.includes(factId)) {
    await tx.store.put({ key, factIds: [...(current?.factIds ?? []), factId], updatedAt: Date.now() });
  }
  await tx.done;
}
