/**
 * One drama opened from the search: its facts grouped by episode. Facts about
 * episodes after the viewer's known progress are veiled (no text in the page at
 * all) until the viewer reveals them one by one.
 */
import { useState } from 'preact/hooks';
import type { Fact } from '../../utils/catalog/types';
import { t } from '../../utils/i18n';
import { factMatches, type SearchDrama } from '../../utils/search/search-index';

export interface DramaFactsProps {
  drama: SearchDrama;
  /** Null while loading. */
  facts: Fact[] | null;
  /** The highest episode the viewer has watched; 0 for none. */
  progress: number;
  /** The search that found the drama: facts containing its words are marked. */
  query: string;
  onClose: () => void;
}

/** Facts grouped by episode, drama-wide (null) first, episodes ascending. */
export function groupByEpisode(facts: Fact[]): [number | null, Fact[]][] {
  const groups = new Map<number | null, Fact[]>();
  for (const fact of facts) groups.set(fact.episode, [...(groups.get(fact.episode) ?? []), fact]);
  return [...groups].sort(([a], [b]) => (a ?? 0) - (b ?? 0));
}

/** Whether a fact is about an episode after the viewer's progress. */
export function isVeiled(fact: Pick<Fact, 'episode'>, progress: number): boolean {
  return fact.episode !== null && fact.episode > progress;
}

export function DramaFacts({ drama, facts, progress, query, onClose }: DramaFactsProps) {
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const reveal = (id: string) => setRevealed(new Set([...revealed, id]));
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
      {facts !== null && facts.length === 0 && <p class="bt-status">{t('popupNoFacts')}</p>}
      {facts !== null &&
        groupByEpisode(facts).map(([episode, group]) => {
          const heading = episode === null ? t('popupDramaWide') : t('popupEpisodeHeading', episode);
          return (
            <section class="bt-episode" key={episode ?? 0} aria-label={heading}>
              <h3 class="bt-episode-heading">{heading}</h3>
              <ul class="bt-facts">
                {group.map((fact) =>
                  isVeiled(fact, progress) && !revealed.has(fact.id) ? (
                    <li class="bt-fact bt-veiled" key={fact.id}>
                      <span>{t('popupVeiled', fact.episode ?? 0)}</span>
                      <button type="button" class="bt-reveal" onClick={() => reveal(fact.id)}>
                        {t('popupReveal')}
                      </button>
                    </li>
                  ) : (
                    <li class="bt-fact" key={fact.id}>
                      <p class="bt-fact-text">{fact.text}</p>
                      {factMatches(fact, query) && <span class="bt-badge">{t('popupMatchesSearch')}</span>}
                    </li>
                  ),
                )}
              </ul>
            </section>
          );
        })}
    </article>
  );
}
