/**
 * The overlay over the player: a compact bar naming the drama, the episode and
 * how many facts there are; activating it lists the facts. Everything is
 * rendered as text nodes by Preact: fact text never becomes markup.
 */
import { useState } from 'preact/hooks';
import type { EpisodeView, FactView } from '../utils/db/lookup';
import { t } from '../utils/i18n';
import { AddOwnFact, OwnFactControls, type OwnFactActions } from './FactEditor';

export interface OverlayProps {
  view: EpisodeView;
  /** Called when the viewer closes the overlay. */
  onClose: () => void;
  /** Adding, editing and deleting the viewer's own facts; without it the overlay only shows facts. */
  actions?: OwnFactActions;
}

/** "1 fact", "3 facts". */
export function factCount(n: number): string {
  return n === 1 ? t('overlayFactCountOne') : t('overlayFactCountMany', n);
}

/** What a fact item needs to offer edit/delete on the viewer's own facts. */
type OwnContext = { actions: OwnFactActions; dramaTitle: string; episodes: number } | undefined;

function FactItem({ fact, own }: { fact: FactView; own: OwnContext }) {
  return (
    <li class={fact.own ? 'bt-fact bt-fact-own' : 'bt-fact'}>
      <p class="bt-fact-text">{fact.text}</p>
      <p class="bt-fact-meta">
        {fact.tags.map((tag) => (
          <span class="bt-tag" key={tag}>
            {tag.replace(/-/g, ' ')}
          </span>
        ))}
        {fact.sourceTitle && <span class="bt-source">{t('overlaySource', fact.sourceTitle)}</span>}
      </p>
      {fact.own && own && <OwnFactControls fact={fact} {...own} />}
    </li>
  );
}

function FactSection({ heading, facts, own }: { heading: string; facts: FactView[]; own: OwnContext }) {
  if (facts.length === 0) return null;
  return (
    <section class="bt-section" aria-label={heading}>
      <h2 class="bt-heading">{heading}</h2>
      <ul class="bt-facts">
        {facts.map((fact) => (
          <FactItem fact={fact} key={fact.id} own={own} />
        ))}
      </ul>
    </section>
  );
}

export function Overlay({ view, onClose, actions }: OverlayProps) {
  const [open, setOpen] = useState(false);
  const total = view.episodeFacts.length + view.dramaFacts.length;
  const own: OwnContext = actions && { actions, dramaTitle: view.drama.title, episodes: view.drama.episodes };
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
                <FactSection heading={t('overlayEpisodeHeading', view.episode)} facts={view.episodeFacts} own={own} />
              )}
              <FactSection heading={t('overlayAboutDrama', view.drama.title)} facts={view.dramaFacts} own={own} />
            </>
          )}
          {actions && (
            <AddOwnFact
              dramaId={view.drama.id}
              dramaTitle={view.drama.title}
              episodes={view.drama.episodes}
              episode={view.episode}
              actions={actions}
            />
          )}
        </div>
      )}
    </div>
  );
}
