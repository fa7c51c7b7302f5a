/** Answers "what does the catalog know about what this page is playing?". */
import { dramaEpisodeKey } from '../../utils/catalog/episode-key';
import { withSources } from '../../utils/catalog/fact-source';
import { matchTitle } from '../../utils/catalog/match-title';
import { factsOfEpisode } from '../../utils/db/reads';
import type { TitleEntry, TitleIndex } from '../../utils/db/title-index';
import type { Playing } from '../../utils/sites/types';
import { idbReader, type CatalogReader } from '../../utils/db/catalog-reader';
import type { CatalogDb, OwnFact } from '../../utils/db/database';
import type { EpisodeView, FactView, OwnFactsView } from '../../utils/messaging/views';

/** The reader for a database or a reader already made (the in-memory fallback). */
function readerOf(source: CatalogDb | CatalogReader): CatalogReader {
  return 'titleIndex' in source ? source : idbReader(source);
}

/** Finds the drama a page names in the title index, trying its titles most trusted first. */
async function findDrama(titles: TitleIndex, playing: Playing): Promise<TitleEntry | null> {
  for (const title of playing.titles) {
    const query = playing.season === undefined ? { title } : { title, season: playing.season };
    const entry = await matchTitle(query, (key) => titles.candidates(key));
    if (entry) return entry;
  }
  return null;
}

/** An episode number a drama has, or null: a number past its last episode is no episode of it. */
function within(drama: TitleEntry, n: number | null | undefined): number | null {
  return n != null && n >= 1 && n <= drama.episodes ? n : null;
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
 *
 * Cost: the title is matched in memory (the title index, loaded once), and the
 * correction, the matched drama's record and what the viewer has seen of the
 * episode are read together in one transaction; only a correction naming
 * another drama or episode takes a second read.
 */
export async function lookupEpisode(
  source: CatalogDb | CatalogReader,
  playing: Playing,
  options: { ownFacts: boolean } = { ownFacts: true },
): Promise<EpisodeView | null> {
  const reader = readerOf(source);
  const titles = await reader.titleIndex();
  const matched = await findDrama(titles, playing);
  const target = (drama: TitleEntry, episode: number | null) => ({ id: drama.id, episode, ownFacts: options.ownFacts });
  let drama = matched;
  let episode = matched ? within(matched, playing.episode) : null;
  let read = await reader.read({ correctionFor: playing, ...(matched ? { drama: target(matched, episode) } : {}) });
  // A correction naming a drama the catalog no longer has is ignored, not an error.
  const corrected = read.correction ? titles.byId(read.correction.dramaId) : undefined;
  if (corrected) {
    const correctedEpisode = within(corrected, playing.episode) ?? within(corrected, read.correction?.episode);
    if (corrected.id !== matched?.id || correctedEpisode !== episode) {
      read = await reader.read({ drama: target(corrected, correctedEpisode) });
    }
    drama = corrected;
    episode = correctedEpisode;
  }
  const record = read.record;
  if (!drama || !record) return null;
  const sources = Object.fromEntries(record.sources.map((s) => [s.id, s]));
  const own = (key: number) => read.ownFacts.filter((f) => f.episodeKey === key).map(ownFactView);
  const { id, title, titleKo, year, network, episodes } = record.drama;
  return {
    drama: { id, title, titleKo, year, network, episodes },
    episode,
    episodeFacts: episode === null ? [] : [...withSources(factsOfEpisode(record, episode), sources), ...own(episode)],
    dramaFacts: [...withSources(factsOfEpisode(record, 0), sources), ...own(0)],
    seenFactIds: read.seenFactIds,
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
