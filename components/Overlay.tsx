/**
 * The overlay over the player: a compact bar naming the drama, the episode and
 * how many facts there are; activating it lists the facts. Everything is
 * rendered as text nodes by Preact: fact text never becomes markup.
 */
import { useState } from 'preact/hooks';
import type { EpisodeView, FactView } from '../utils/db/lookup';
import { t } from '../utils/i18n';

export interface OverlayProps {
  view: EpisodeView;
  /** Called when the viewer closes the overlay. */
  onClose: () => void;
}

/** "1 fact", "3 facts". */
export function factCount(n: number): string {
  return n === 1 ? t('overlayFactCountOne') : t('overlayFactCountMany', n);
}

function FactItem({ fact }: { fact: FactView }) {
  return (
    <li class="bt-fact">
      <p class="bt-fact-text">{fact.text}</p>
      <p class="bt-fact-meta">
        {fact.tags.map((tag) => (
          <span class="bt-tag" key={tag}>
            {tag.replace(/-/g, ' ')}
          </span>
        ))}
        {fact.sourceTitle && <span class="bt-source">{t('overlaySource', fact.sourceTitle)}</span>}
      </p>
    </li>
  );
}

function FactSection({ heading, facts }: { heading: string; facts: FactView[] }) {
  if (facts.length === 0) return null;
  return (
    <section class="bt-section" aria-label={heading}>
      <h2 class="bt-heading">{heading}</h2>
      <ul class="bt-facts">
        {facts.map((fact) => (
          <FactItem fact={fact} key={fact.id} />
        ))}
      </ul>
    </section>
  );
}

export function Overlay({ view, onClose }: OverlayProps) {
  const [open, setOpen] = useState(false);
  const total = view.episodeFacts.length + view.dramaFacts.length;
  const episodeLabel = view.episode === null ? null : t('overlayEpisode', view.episode);
  return (
    <div class="bt-overlay" role="region" aria-label={t('extName')}>
      <div class="bt-bar">
        <button
          type="button"
          class="bt-toggle"
          aria-expanded={open}
          aria-controls="bt-panel"
          onClick={() => setOpen(!open)}
        >
          <span class="bt-brand">{t('extName')}</span>
          <span class="bt-title">{view.drama.title}</span>
          {episodeLabel && <span class="bt-episode">{episodeLabel}</span>}
          <span class="bt-count">{factCount(total)}</span>
        </button>
        <button
          type="button"
          class="bt-close"
          aria-label={t('overlayClose')}
          title={t('overlayClose')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      {open && (
        <div id="bt-panel" class="bt-panel">
          {total === 0 ? (
            <p class="bt-empty">{t('overlayNoFacts')}</p>
          ) : (
            <>
              {view.episode !== null && (
                <FactSection heading={t('overlayEpisodeHeading', view.episode)} facts={view.episodeFacts} />
              )}
              <FactSection heading={t('overlayAboutDrama', view.drama.title)} facts={view.dramaFacts} />
            </>
          )}
        </div>
      )}
    </div>
  );
}
