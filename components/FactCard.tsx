/** A fact popping up while the episode plays: dismissable, with the full list one click away. */
import type { FactView } from '../utils/messaging/views';
import { t } from '../utils/i18n';
import { SourceLink } from './SourceLink';

export interface FactCardProps {
  fact: FactView;
  onDismiss: () => void;
  onShowAll: () => void;
}

export function FactCard({ fact, onDismiss, onShowAll }: FactCardProps) {
  return (
    <aside class="bt-card" aria-label={t('cardLabel')}>
      <p class="bt-card-kicker">{t('cardLabel')}</p>
      <p class="bt-fact-text">{fact.text}</p>
      {fact.source && (
        <p class="bt-fact-meta">
          <SourceLink source={fact.source} />
        </p>
      )}
      <div class="bt-card-actions">
        <button type="button" class="bt-link" onClick={onShowAll}>
          {t('cardAllFacts')}
        </button>
        <button type="button" class="bt-link" onClick={onDismiss}>
          {t('cardDismiss')}
        </button>
      </div>
    </aside>
  );
}
