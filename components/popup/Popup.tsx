/**
 * The toolbar popup: "This tab" (what plays in the current tab, or why nothing
 * is recognised) and a search over every drama and fact. Focus starts in the
 * search box.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Fact } from '../../utils/catalog/types';
import { t } from '../../utils/i18n';
import type { SearchDrama } from '../../utils/search/record-codec';
import type { SearchIndex } from '../../utils/search/search-index';
import type { TabState } from '../../utils/messaging/tab-state';
import { DramaFacts } from './DramaFacts';
import { SearchBox } from './SearchBox';
import type { PopupServices } from './popup-services';
import { ThisTab } from './ThisTab';

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
    services.tabState().then(setTab, () => setTab(null));
    services.storagePersistent().then(
      (persistent) => setStorageLost(!persistent),
      () => setStorageLost(true),
    );
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

  return (
    <main class="bt-popup">
      <h1 class="bt-title">{t('extName')}</h1>
      {storageLost && (
        <p class="bt-notice" role="status">
          {t('popupStorageUnavailable')}
        </p>
      )}
      <ThisTab tab={tab} index={index} services={services} onTabChange={setTab} />
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
    </main>
  );
}
