/**
 * What the background answers about an episode and the UI renders: the
 * overlay, its cards and the popup's This tab. Plain data, sent between
 * contexts as the answer to `lookupEpisode` (to-background.ts).
 */
import type { SourcedFact } from '../catalog/fact-source';
import type { Drama } from '../catalog/types';

/** A fact as the overlay shows it. */
export interface FactView extends SourcedFact {
  /** True for a fact the viewer wrote (editable, deletable); catalog facts leave it out. */
  own?: true;
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
  /** Facts of this episode the viewer has already seen pop up or dismissed. */
  seenFactIds: string[];
  /** True when the drama comes from the viewer's manual correction, not from the page's titles. */
  corrected?: boolean;
}

/**
 * How many facts the overlay lists for an episode: the episode's own, and the
 * drama-wide ones when the viewer keeps them on. Veiled facts count: they are
 * in the list, behind a Reveal button. The overlay's bar and the toolbar
 * button's badge both say this number.
 */
export function listedFactCount(view: EpisodeView, dramaWideFacts: boolean): number {
  return view.episodeFacts.length + (dramaWideFacts ? view.dramaFacts.length : 0);
}

/**
 * The viewer's own facts about one episode of a drama and about the whole drama, for
 * the own-facts frame: an extension page, out of reach of the streaming page's scripts.
 */
export interface OwnFactsView {
  drama: { id: string; title: string; episodes: number };
  /** The episode asked about, or null when none (or one past the drama's last) was named. */
  episode: number | null;
  episodeFacts: FactView[];
  dramaFacts: FactView[];
}
