/**
 * One drama opened from the search: its facts grouped by episode. Facts about
 * episodes after the viewer's known progress, and drama-wide spoilers the
 * viewer has not reached (utils/spoilers.ts), are veiled (no text in the page
 * at all) until the viewer reveals them one by one.
 */
import type { SourcedFact } from '../../utils/catalog/fact-source';
import type { Fact } from '../../utils/catalog/types';
import { t } from '../../utils/i18n';
import type { SearchDrama } from '../../utils/search/record-codec';
import { factMatches } from '../../utils/search/search-index';
import { isAheadOfProgress } from '../../utils/playback/spoilers';
import { EmptyState } from './EmptyState';
import { PopupFact, useRevealed } from './PopupFact';
import { useShowMore } from './ShowMore';

export interface DramaFactsProps {
  drama: SearchDrama;
  /** Null while loading. */
  facts: SourcedFact[] | null;
  /** The highest episode the viewer has watched; 0 for none. */
  progress: number;
  /** The search that found the drama: facts containing its words are marked. */
  query: string;
  onClose: () => void;
}

/** Facts grouped by episode, drama-wide (null) first, episodes ascending. */
export function groupByEpisode<F extends Fact>(facts: F[]): [number | null, F[]][] {
  const groups = new Map<number | null, F[]>();
  for (const fact of facts) groups.set(fact.episode, [...(groups.get(fact.episode) ?? []), fact]);
  return [...groups].sort(([a], [b]) => (a ?? 0) - (b ?? 0));
}

export function DramaFacts({ drama, facts, progress, query, onClose }: DramaFactsProps) {
  const [revealed, reveal] = useRevealed();
  const [shown, more] = useShowMore(facts?.length ?? 0);
  // The first `shown` facts, in their groups: a long drama renders a page at a time.
  let left = shown;
  const groups = groupByEpisode(facts ?? [])
    .map(([episode, group]): [number | null, SourcedFact[]] => {
      const page = group.slice(0, Math.max(left, 0));
      left -= page.length;
      return [episode, page];
    })
    .filter(([, group]) => group.length > 0);
  return (
    <article class="bt-drama" aria-labelledby="bt-drama-title">
      <button type="button" class="bt-link" onClick={onClose}>
        {t('popupDramaBack')}
      </button>
      <h2 id="bt-drama-title" class="bt-drama-title">
        {drama.title}
      </h2>
      <p class="bt-drama-meta">
        {drama.titleKo} · {drama.year}
      </p>
      <p class="bt-progress">{progress > 0 ? t('popupProgress', progress) : t('popupProgressNone')}</p>
      {facts !== null && facts.length === 0 && <EmptyState glyph="list" title={t('popupNoFacts')} />}
      {facts !== null &&
        groups.map(([episode, group]) => {
          const heading = episode === null ? t('popupDramaWide') : t('popupEpisodeHeading', episode);
          return (
            <section class="bt-episode" key={episode ?? 0} aria-label={heading}>
              <h3 class="bt-episode-heading">{heading}</h3>
              <ul class="bt-facts">
                {group.map((fact) => (
                  <PopupFact
                    key={fact.id}
                    fact={fact}
                    veil={
                      isAheadOfProgress(fact, progress, drama.episodes) && !revealed.has(fact.id)
                        ? fact.episode === null
                          ? t('popupVeiledDramaWide')
                          : t('popupVeiled', fact.episode)
                        : null
                    }
                    onReveal={() => reveal(fact.id)}
                  >
                    {factMatches(fact, query) && <span class="bt-badge">{t('popupMatchesSearch')}</span>}
                  </PopupFact>
                ))}
              </ul>
            </section>
          );
        })}
      {more}
    </article>
  );
}
