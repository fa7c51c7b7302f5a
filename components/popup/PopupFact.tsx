/**
 * One fact in the toolbar popup: its text and its source, or, while it is
 * veiled, a line saying why with a _Reveal_ button (the veiled text is not in
 * the page at all until then).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { SourcedFact } from '../../utils/catalog/fact-source';
import { t } from '../../utils/i18n';
import { SourceLink } from '../SourceLink';

export interface PopupFactProps {
  fact: SourcedFact;
  /** Why it is veiled, or null when it is shown. */
  veil: string | null;
  onReveal: () => void;
  /** Shown after the text (e.g. "matches your search"). */
  children?: ComponentChildren;
}

/** The facts the viewer has revealed in one list, and how to reveal one more. */
export function useRevealed(): [ReadonlySet<string>, (id: string) => void] {
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  return [revealed, (id) => setRevealed(new Set([...revealed, id]))];
}

export function PopupFact({ fact, veil, onReveal, children }: PopupFactProps) {
  if (veil !== null) {
    return (
      <li class="bt-fact bt-veiled">
        <span>{veil}</span>
        <button type="button" class="bt-reveal" onClick={onReveal}>
          {t('popupReveal')}
        </button>
      </li>
    );
  }
  return (
    <li class="bt-fact">
      <p class="bt-fact-text">{fact.text}</p>
      {children}
      <SourceLink source={fact.source} />
    </li>
  );
}
