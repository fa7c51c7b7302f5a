/**
 * The overlay over the player: a compact bar naming the drama, the episode and
 * how many facts there are; activating it lists the facts. Everything is
 * rendered as text nodes by Preact: fact text never becomes markup.
 */
import { useState } from 'preact/hooks';
import type { EpisodeView, FactView } from '../utils/db/lookup';

export interface OverlayProps {
  view: EpisodeView;
  /** Called when the viewer closes the overlay. */
  onClose: () => void;
}

/** "1 fact", "3 facts". */
export function factCount(n: number): string {
  return `${n} ${n === 1 ? 'fact' : 'facts'}`;
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
        {fact.sourceTitle && <span class="bt-source">Source: {fact.sourceTitle}</span>}
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
  const episodeLabel = view.episode === null ? null : `Episode ${view.episode}`;
  return (
    <div class="bt-overlay" role="region" aria-label="Between Takes">
      <div class="bt-bar">
        <button
          type="button"
          class="bt-toggle"
          aria-expanded={open}
          aria-controls="bt-panel"
          onClick={() => setOpen(!open)}
        >
          <span class="bt-brand">Between Takes</span>
          <span class="bt-title">{view.drama.title}</span>
          {episodeLabel && <span class="bt-episode">{episodeLabel}</span>}
          <span class="bt-count">{factCount(total)}</span>
        </button>
        <button type="button" class="bt-close" aria-label="Close Between Takes" title="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {open && (
        <div id="bt-panel" class="bt-panel">
          {total === 0 ? (
            <p class="bt-empty">No behind-the-scenes facts for this episode yet.</p>
          ) : (
            <>
              {episodeLabel && <FactSection heading={`${episodeLabel} behind the scenes`} facts={view.episodeFacts} />}
              <FactSection heading={`About ${view.drama.title}`} facts={view.dramaFacts} />
            </>
          )}
        </div>
      )}
    </div>
  );
}
