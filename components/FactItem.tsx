/**
 * One fact in a list (the overlay's, the own-facts frame's): its text, tags and
 * source, or a veil with Reveal while it would spoil what is still to come. The
 * viewer's own facts get their controls from the caller, so the overlay, which never
 * shows them, does not carry the editor.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { FactView } from '../utils/messaging/views';
import { t } from '../utils/i18n';
import { SourceLink } from './SourceLink';

export function FactItem({
  fact,
  veiled,
  controls,
}: {
  fact: FactView;
  veiled: boolean;
  /** Shown under one of the viewer's own facts (edit, delete). */
  controls?: ComponentChildren;
}) {
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
      {fact.own && controls}
    </li>
  );
}
