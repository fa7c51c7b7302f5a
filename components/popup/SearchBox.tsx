/**
 * A search box whose results appear while typing: a combobox with a listbox of
 * dramas. ArrowUp/ArrowDown move through the results (aria-activedescendant, so
 * focus stays in the box), Enter opens the active result (the first when none
 * is active), Escape clears the box, and Escape in an empty box calls
 * `onEscapeEmpty` (the popup closes an open drama with it).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SearchIndex, SearchResult } from '../../utils/search/search-index';
import { t } from '../../utils/i18n';
import { EmptyState } from './EmptyState';

export interface SearchBoxProps {
  /** Prefix for element ids, unique per page. */
  id: string;
  label: string;
  placeholder?: string;
  /** Null while the index loads. */
  index: SearchIndex | null;
  query: string;
  onQuery: (query: string) => void;
  onOpen: (result: SearchResult) => void;
  onEscapeEmpty?: () => void;
  /** Hide the results (an opened drama is shown instead). */
  collapsed?: boolean;
  autoFocus?: boolean;
  /** How many results show first, and how many more "Show more" adds (see ShowMore.tsx for why a cap). */
  limit?: number;
}

function ResultDetail({ result }: { result: SearchResult }) {
  if (result.matched?.kind === 'name')
    return <span class="bt-result-why">{t('popupResultAka', result.matched.text)}</span>;
  if (result.matched?.kind === 'person')
    return <span class="bt-result-why">{t('popupResultCast', result.matched.text)}</span>;
  if (result.fields.length === 1 && result.fields[0] === 'facts')
    return <span class="bt-result-why">{t('popupResultInFacts')}</span>;
  return null;
}

export function SearchBox(props: SearchBoxProps) {
  const { id, index, query, collapsed = false, limit = 20 } = props;
  const input = useRef<HTMLInputElement>(null);
  // "Show more" pages through a query's results; another query starts again at the first page.
  const [page, setPage] = useState({ query, count: limit });
  const count = page.query === query ? page.count : limit;
  // One page more than is shown: how many "Show more" would add.
  const found = useMemo(() => (index ? index.search(query, count + limit) : []), [index, query, count, limit]);
  const results = found.slice(0, count);
  const more = Math.min(limit, found.length - count);
  // The active result belongs to a list of results: a different list starts with
  // none active, but typing that leaves the same dramas keeps the viewer's place.
  const resultsKey = results.map((r) => r.drama.id).join('|');
  const [cursor, setCursor] = useState({ key: resultsKey, index: -1 });
  const active = cursor.key === resultsKey ? cursor.index : -1;
  const setActive = (index: number) => setCursor({ key: resultsKey, index });
  const listId = `${id}-results`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const showList = !collapsed && query.trim() !== '' && index !== null;

  // As the box is first committed, not a frame later: typing can start at once.
  useLayoutEffect(() => {
    if (props.autoFocus) input.current?.focus();
  }, []);
  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  function onKeyDown(event: KeyboardEvent) {
    const count = showList ? results.length : 0;
    if (event.key === 'ArrowDown' && count > 0) {
      event.preventDefault();
      setActive(Math.min(active + 1, count - 1));
    } else if (event.key === 'ArrowUp' && count > 0) {
      event.preventDefault();
      setActive(Math.max(active - 1, 0));
    } else if (event.key === 'Enter' && count > 0) {
      event.preventDefault();
      props.onOpen(results[Math.max(active, 0)]!);
    } else if (event.key === 'Escape') {
      if (query !== '') {
        event.preventDefault();
        props.onQuery('');
      } else if (props.onEscapeEmpty) {
        event.preventDefault();
        props.onEscapeEmpty();
      }
    }
  }

  return (
    <div class="bt-search">
      <label class="bt-label" for={`${id}-input`}>
        {props.label}
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        class="bt-search-input"
        type="search"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={showList && results.length > 0}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        placeholder={props.placeholder}
        value={query}
        onInput={(event) => props.onQuery((event.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
      {!index && query.trim() !== '' && <p class="bt-status">{t('popupSearchLoading')}</p>}
      {index && !index.hasFacts && query.trim() !== '' && <p class="bt-status">{t('popupSearchFactsLoading')}</p>}
      {showList && results.length === 0 && index.hasFacts && (
        <EmptyState glyph="search" title={t('popupNoResultsTitle')}>
          <p class="bt-empty-text">{t('popupSearchNoResults', query.trim())}</p>
          <p class="bt-empty-text">{t('popupNoResultsHint')}</p>
        </EmptyState>
      )}
      <ul id={listId} class="bt-results" role="listbox" aria-label={props.label} hidden={!showList || !results.length}>
        {showList &&
          results.map((result, i) => (
            <li
              key={result.drama.id}
              id={optionId(i)}
              class={i === active ? 'bt-result bt-active' : 'bt-result'}
              role="option"
              aria-selected={i === active}
              data-drama={result.drama.id}
              onMouseDown={(event) => event.preventDefault() /* keep focus in the box */}
              onClick={() => props.onOpen(result)}
            >
              <span class="bt-result-title">{result.drama.title}</span>
              <span class="bt-result-meta">
                {result.drama.titleKo} · {result.drama.year}
              </span>
              <ResultDetail result={result} />
            </li>
          ))}
      </ul>
      {showList && more > 0 && (
        <button type="button" class="bt-more" onClick={() => setPage({ query, count: count + limit })}>
          {t('popupShowMore', more)}
        </button>
      )}
    </div>
  );
}
