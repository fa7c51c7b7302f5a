/**
 * The overlay over the player: a compact bar naming the drama, the episode and
 * how many facts there are; activating it lists the facts. While the episode
 * plays, facts also pop up on their own as a card (components/FactCard.tsx).
 * Everything is rendered as text nodes by Preact: fact text never becomes markup.
 */
import { useState } from 'preact/hooks';
import { listedFactCount, type EpisodeView, type FactView } from '../utils/messaging/views';
import { t } from '../utils/i18n';
import { isVeiled, type PlaybackState } from '../utils/playback/spoilers';
import { FactCard } from './FactCard';
import { AddOwnFact, OwnFactControls, type OwnFactActions } from './FactEditor';
import { SourceLink } from './SourceLink';

export interface OverlayProps {
  view: EpisodeView;
  /** Veil facts about moments later in this episode until they happen. */
  spoilerSafe: boolean;
  /** List facts about the drama as a whole. */
  dramaWideFacts: boolean;
  /** Where the video is, when one is found; null when the page has no video. */
  playback: PlaybackState | null;
  /** The fact popping up now, if any. */
  card: FactView | null;
  onDismissCard: () => void;
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

function FactItem({ fact, veiled, own }: { fact: FactView; veiled: boolean; own: OwnContext }) {
  const [revealed, setRevealed] = useState(false);
  if (veiled && !revealed) {
    return (
      <li class="bt-fact bt-veiled">
        <p class="bt-fact-text">{fact.episode === null ? t('overlayVeiledDrama') : t('overlayVeiled')}</p>
        <button type="button" class="bt-reveal" onClick={() => setRevealed(true)}>
          {t('overlayReveal')}
        </button>
      </li>
    );
  }
  return (
    <li class={fact.own ? 'bt-fact bt-fact-own' : 'bt-fact'}>
      <p class="bt-fact-text">{fact.text}</p>
      <p class="bt-fact-meta">
        {fact.tags.map((tag) => (
          <span class="bt-tag" key={tag}>
            {tag.replace(/-/g, ' ')}
          </span>
        ))}
        <SourceLink source={fact.source} />
      </p>
      {fact.own && own && <OwnFactControls fact={fact} {...own} />}
    </li>
  );
}

function FactSection({
  heading,
  facts,
  veiled,
  own,
}: {
  heading: string;
  facts: FactView[];
  veiled: (f: FactView) => boolean;
  own: OwnContext;
}) {
  if (facts.length === 0) return null;
  return (
    <section class="bt-section" aria-label={heading}>
      <h2 class="bt-heading">{heading}</h2>
      <ul class="bt-facts">
        {facts.map((fact) => (
          <FactItem fact={fact} veiled={veiled(fact)} key={fact.id} own={own} />
        ))}
      </ul>
    </section>
  );
}

export function Overlay(props: OverlayProps) {
  const { view, spoilerSafe, dramaWideFacts, playback, card, onDismissCard, onClose, actions } = props;
  const own: OwnContext = actions && { actions, dramaTitle: view.drama.title, episodes: view.drama.episodes };
  const [open, setOpen] = useState(false);
  const dramaFacts = dramaWideFacts ? view.dramaFacts : [];
  const total = listedFactCount(view, dramaWideFacts);
  const episodeLabel = view.episode === null ? null : t('overlayEpisode', view.episode);
  const position = { episode: view.episode, episodes: view.drama.episodes };
  const veiled = (fact: FactView) => spoilerSafe && isVeiled(fact, position, playback);
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
      {open ? (
        <div id="bt-panel" class="bt-panel">
          {total === 0 ? (
            <p class="bt-empty">{t('overlayNoFacts')}</p>
          ) : (
            <>
              {view.episode !== null && (
                <FactSection
                  heading={t('overlayEpisodeHeading', view.episode)}
                  facts={view.episodeFacts}
                  veiled={veiled}
                  own={own}
                />
              )}
              <FactSection
                heading={t('overlayAboutDrama', view.drama.title)}
                facts={dramaFacts}
                veiled={veiled}
                own={own}
              />
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
      ) : (
        card && (
          <FactCard
            fact={card}
            onDismiss={onDismissCard}
            onShowAll={() => {
              onDismissCard();
              setOpen(true);
            }}
          />
        )
      )}
      {/* Announces each new card politely, without moving focus. */}
      <p class="bt-live" aria-live="polite" role="status">
        {card && !open ? card.text : ''}
      </p>
    </div>
  );
}
