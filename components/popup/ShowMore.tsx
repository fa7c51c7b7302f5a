/**
 * Long lists in the popup render a page at a time: the first `step` items,
 * then a "Show N more" button. Why a cap rather than rendering all: the popup
 * must open and answer a keystroke within a frame or two whatever the catalog
 * holds (a remote pack can give one drama hundreds of facts, a one-word search
 * can match thousands of dramas), and what is not rendered costs nothing. A
 * cap keeps every item in the page's order for the keyboard and screen readers,
 * which windowed rendering would not.
 */
import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';

/** How many items a list shows first, and how many more each press adds. */
export const PAGE_SIZE = 30;

/** The number of items to render now, and the button that shows more (null when all are shown). */
export function useShowMore(total: number, step = PAGE_SIZE): [number, preact.JSX.Element | null] {
  const [shown, setShown] = useState(step);
  const more = Math.min(step, total - shown);
  return [
    Math.min(shown, total),
    more > 0 ? (
      <button type="button" class="bt-more" onClick={() => setShown(shown + step)}>
        {t('popupShowMore', more)}
      </button>
    ) : null,
  ];
}
