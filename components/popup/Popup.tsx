/**
 * The toolbar popup leads with search: the box comes first and has the focus;
 * under it, the results (or a drama opened from them), and, while nothing is
 * searched, the "This tab" card (what plays in the current tab, or why nothing
 * is recognised), which lists the episode's facts on demand.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Fact } from '../../utils/catalog/types';
import { t } from '../../utils/i18n';
import type { SearchDrama } from '../../utils/search/record-codec';
import type { SearchIndex } from '../../utils/search/search-index';
import type { TabState } from '../../utils/messaging/tab-state';
import { DramaFacts } from './DramaFacts';
import { EmptyState } from './EmptyState';
import { SearchBox } from './SearchBox';
import type { PopupServices } from './popup-services';
import { ThisTab } from './ThisTab';

/**
 * How often, and how many more times, the popup asks a tab that gave no answer (3 s in all): a
 * page's content script comes in after its load event and an idle moment (1 s at most).
 */
const TAB_RETRY_MS = 250;
const TAB_RETRIES = 12;

export interface PopupProps {
  services: PopupServices;
  /** Called once, when the search box is focused and the titles part of the index is loaded: title queries answer. */
  onInteractive?: () => void;
}

interface OpenDrama {
  drama: SearchDrama;
  facts: Fact[] | null;
  progress: number;
}

export function Popup({ services, onInteractive }: PopupProps) {
  const [index, setIndex] = useState<SearchIndex | null>(null);
  const [indexError, setIndexError] = useState('');
  const [tab, setTab] = useState<TabState | null | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<OpenDrama | null>(null);
  const [storageLost, setStorageLost] = useState(false);

  const announced = useRef(false);

  // Layout effects run as the render commits, not a frame later: the popup's first 150 ms count.
  useLayoutEffect(() => {
    const loading = services.loadIndex();
    const failed = (err: unknown) => setIndexError(String(err));
    // The titles part answers first; the whole index replaces it when people and the words of facts are read.
    loading.titles.then((titles) => setIndex((current) => current ?? titles), failed);
    loading.full.then(setIndex, failed);
    // A tab that does not answer may be a supported page that has just loaded: its content script
    // comes in right after (entrypoints/watch-loader/), so ask again a few times before leaving it.
    let retry: ReturnType<typeof setTimeout> | undefined;
    const ask = (left: number) =>
      services.tabState().then(
        (state) => {
          if (state) return setTab(state);
          setTab((current) => current ?? null);
          if (left > 0) retry = setTimeout(() => void ask(left - 1), TAB_RETRY_MS);
        },
        () => setTab((current) => current ?? null),
      );
    void ask(TAB_RETRIES);
    services.storagePersistent().then(
      (persistent) => setStorageLost(!persistent),
      () => setStorageLost(true),
    );
    return () => clearTimeout(retry);
  }, [services]);
  useLayoutEffect(() => {
    if (index && !announced.current) {
      announced.current = true;
      onInteractive?.();
    }
  }, [index]);

  async function openDrama(drama: SearchDrama) {
    setOpen({ drama, facts: null, progress: 0 });
    const [facts, progress] = await Promise.all([services.factsOfDrama(drama.id), services.progressIn(drama.id)]);
    setOpen((current) => (current?.drama.id === drama.id ? { drama, facts, progress } : current));
  }

  const searching = query.trim() !== '' || open !== null;
  return (
    <main class="bt-popup">
      <h1 class="bt-brand">{t('extName')}</h1>
      <section class="bt-search-section">
        <SearchBox
          id="bt-search"
          label={t('popupSearchLabel')}
          placeholder={t('popupSearchPlaceholder')}
          index={index}
          query={query}
          onQuery={(next) => {
            // Escape clears the box but leaves an open drama; typing goes back to the results.
            if (next !== '') setOpen(null);
            setQuery(next);
          }}
          onOpen={(result) => void openDrama(result.drama)}
          onEscapeEmpty={open ? () => setOpen(null) : undefined}
          collapsed={open !== null}
          autoFocus
        />
        {indexError && (
          <p class="bt-error" role="alert">
            {t('popupSearchError', indexError)}
          </p>
        )}
        {open && (
          <DramaFacts
            key={open.drama.id}
            drama={open.drama}
            facts={open.facts}
            progress={open.progress}
            query={query}
            onClose={() => setOpen(null)}
          />
        )}
      </section>
      {storageLost && (
        <EmptyState glyph="storage" title={t('popupStorageTitle')} role="status">
          <p class="bt-empty-text">{t('popupStorageUnavailable')}</p>
        </EmptyState>
      )}
      {/* Kept while searching (hidden), so the card is as the viewer left it when the box is cleared. */}
      <div class="bt-tab-slot" hidden={searching}>
        <ThisTab tab={tab} index={index} services={services} onTabChange={setTab} />
      </div>
    </main>
  );
}
