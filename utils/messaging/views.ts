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
