/**
 * A popup state with nothing to list (no search results, a tab that plays
 * nothing we know, storage unavailable): a glyph, a short title, what it means
 * and what to do, and the action that helps, if any. One look for every such
 * state, so none of them is a bare sentence.
 */
import type { ComponentChildren } from 'preact';

/** Line drawings on a 24 × 24 grid, in the text colour. */
const GLYPHS = {
  search: 'M10.5 4a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13zM15.5 15.5 20 20',
  screen: 'M3 5h18v12H3zM8 21h8M12 17v4',
  power: 'M12 3v8M7.1 6.3a7 7 0 1 0 9.8 0',
  question: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17.5v.5',
  storage:
    'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  list: 'M8 6h12M8 12h12M8 18h12M4 6h.5M4 12h.5M4 18h.5',
} as const;

export type Glyph = keyof typeof GLYPHS;

export interface EmptyStateProps {
  glyph: Glyph;
  title: string;
  /** What it means and what to do. */
  children?: ComponentChildren;
  /** A button or a switch that helps. */
  action?: ComponentChildren;
  /** Announced when it appears (a notice that was not there when the popup opened). */
  role?: 'status';
}

export function EmptyState({ glyph, title, children, action, role }: EmptyStateProps) {
  return (
    <div class="bt-empty" data-glyph={glyph} role={role}>
      <svg class="bt-glyph" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d={GLYPHS[glyph]} />
      </svg>
      <div class="bt-empty-body">
        <p class="bt-empty-title">{title}</p>
        {children}
        {action}
      </div>
    </div>
  );
}
