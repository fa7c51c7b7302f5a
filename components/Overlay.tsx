/**
 * The overlay over the player: a compact bar naming the drama, the episode and
 * how many facts there are; activating it lists the facts. While the episode
 * plays, facts also pop up on their own as a card (components/FactCard.tsx).
 * Everything is rendered as text nodes by Preact: fact text never becomes markup.
 */
import { useState } from 'preact/hooks';
import { listedFactCount, type EpisodeView, type FactView } from '../utils/messaging/views';
import { t } from '../utils/i18n';
import { episodeListing, type PlaybackState } from '../utils/playback/spoilers';
import { FactCard } from './FactCard';
import { FactItem } from './FactItem';

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
  /**
   * The address of the own-facts frame for this episode (the viewer's facts and their
   * editor, in an extension page the streaming page cannot read); without it, none.
   */
  ownFactsFrame?: string;
}

/** "1 fact", "3 facts". */
export function factCount(n: number): string {
  return n === 1 ? t('overlayFactCountOne') : t('overlayFactCountMany', n);
}

/** A headed list of facts, each veiled or not: the overlay's, and the popup's This tab, which lists the same. */
export function FactSection({
  heading,
  facts,
  veiled,
}: {
  heading: string;
  facts: FactView[];
  veiled: (f: FactView) => boolean;
}) {
  if (facts.length === 0) return null;
  return (
    <section class="bt-section" aria-label={heading}>
      <h2 class="bt-heading">{heading}</h2>
      <ul class="bt-facts">
        {facts.map((fact) => (
          <FactItem fact={fact} veiled={veiled(fact)} key={fact.id} />
        ))}
      </ul>
    </section>
  );
}

export function Overlay(props: OverlayProps) {
  const { view, spoilerSafe, dramaWideFacts, playback, card, onDismissCard, onClose, ownFactsFrame } = props;
  const [open, setOpen] = useState(false);
  const { episodeFacts, dramaFacts, veiled } = episodeListing(view, { spoilerSafe, dramaWideFacts }, playback);
  const total = listedFactCount(view, dramaWideFacts);
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
      {open ? (
        <div id="bt-panel" class="bt-panel">
          {total === 0 ? (
            <p class="bt-empty">{t('overlayNoFacts')}</p>
          ) : (
            <>
              {view.episode !== null && (
                <FactSection heading={t('overlayEpisodeHeading', view.episode)} facts={episodeFacts} veiled={veiled} />
              )}
              <FactSection heading={t('overlayAboutDrama', view.drama.title)} facts={dramaFacts} veiled={veiled} />
            </>
          )}
          {ownFactsFrame && <iframe class="bt-own-frame" src={ownFactsFrame} title={t('ownFactsFrameTitle')} />}
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
