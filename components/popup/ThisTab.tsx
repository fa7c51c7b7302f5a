/**
 * The popup's "This tab" card: the drama and episode recognised in the current
 * tab, how many facts it has, Show facts (the episode's facts, on demand),
 * Wrong drama? (the manual correction) and the switch for the tab's site; or,
 * when nothing is recognised, why, in a designed state with what to do.
 */
import { useState } from 'preact/hooks';
import { dramaEpisodeKey } from '../../utils/catalog/episode-key';
import type { EpisodeView } from '../../utils/messaging/views';
import { t } from '../../utils/i18n';
import type { SearchIndex } from '../../utils/search/search-index';
import { isDramaWideSpoilerAhead } from '../../utils/playback/spoilers';
import { tabStatus, type TabState } from '../../utils/messaging/tab-state';
import { factCount } from '../Overlay';
import { CorrectionForm } from './CorrectionForm';
import { EmptyState } from './EmptyState';
import { PopupFact, useRevealed } from './PopupFact';
import type { PopupServices } from './popup-services';
import { useShowMore } from './ShowMore';

export interface ThisTabProps {
  /** undefined while the popup is still asking the tab. */
  tab: TabState | null | undefined;
  index: SearchIndex | null;
  services: PopupServices;
  onTabChange: (state: TabState | null) => void;
}

/** The tab's facts; a drama-wide spoiler the tab's episode has not reached is veiled, as in the overlay. */
function FactList({ view }: { view: EpisodeView }) {
  const [revealed, reveal] = useRevealed();
  const facts = [...view.episodeFacts, ...view.dramaFacts];
  const [shown, more] = useShowMore(facts.length);
  if (facts.length === 0) return <p class="bt-note">{t('popupEpisodeNoFacts')}</p>;
  return (
    <>
      <ul class="bt-facts">
        {facts.slice(0, shown).map((fact) => (
          <PopupFact
            key={fact.id}
            fact={fact}
            veil={
              isDramaWideSpoilerAhead(fact, view.episode, view.drama.episodes) && !revealed.has(fact.id)
                ? t('popupVeiledDramaWide')
                : null
            }
            onReveal={() => reveal(fact.id)}
          />
        ))}
      </ul>
      {more}
    </>
  );
}

/** Why nothing is recognised in the tab, and what to do about it. */
function Reason({ tab }: { tab: TabState | null }) {
  const text = (message: string) => <p class="bt-empty-text">{message}</p>;
  switch (tabStatus(tab)) {
    case 'unsupported':
      return (
        <EmptyState glyph="screen" title={t('popupUnsupportedTitle')}>
          {text(t('popupTabUnsupported'))}
          {text(t('popupUnsupportedHint'))}
        </EmptyState>
      );
    case 'site-off':
      return (
        <EmptyState glyph="power" title={t('popupSiteOffTitle')}>
          {text(t('popupTabSiteOff', tab!.siteName))}
        </EmptyState>
      );
    case 'not-watch-page':
      return (
        <EmptyState glyph="screen" title={t('popupNotWatchTitle')}>
          {text(t('popupTabNotWatchPage', tab!.siteName))}
        </EmptyState>
      );
    case 'nothing-read':
      return (
        <EmptyState glyph="question" title={t('popupNothingReadTitle')}>
          {text(t('popupTabNothingRead'))}
        </EmptyState>
      );
    case 'not-in-catalog':
      return (
        <EmptyState glyph="question" title={t('popupNotInCatalogTitle')}>
          {text(t('popupTabNotInCatalog', tab!.playing?.titles[0] ?? ''))}
        </EmptyState>
      );
    default:
      return null;
  }
}

export function ThisTab({ tab, index, services, onTabChange }: ThisTabProps) {
  const [correcting, setCorrecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [showFacts, setShowFacts] = useState(false);
  const heading = (
    <h2 id="bt-tab-heading" class="bt-kicker">
      {t('popupThisTab')}
    </h2>
  );
  if (tab === undefined) {
    return (
      <section class="bt-tab" aria-labelledby="bt-tab-heading">
        {heading}
        <p class="bt-note">{t('popupTabLoading')}</p>
      </section>
    );
  }
  const status = tabStatus(tab);
  const view = tab?.view ?? null;
  const seriesKey = tab?.seriesKey ?? null;
  const canCorrect = tab !== null && tab.siteOn && seriesKey !== null;

  async function switchSite(on: boolean) {
    if (!tab) return;
    // Show the switch where the viewer put it at once; the tab's answer follows.
    onTabChange({ ...tab, siteOn: on });
    setBusy(true);
    try {
      await services.setSiteOn(tab.site, on);
      onTabChange(await services.refreshTab());
    } finally {
      setBusy(false);
    }
  }

  async function clear() {
    if (!tab || seriesKey === null) return;
    setBusy(true);
    try {
      await services.clearCorrection(tab.site, seriesKey);
      onTabChange(await services.refreshTab());
    } finally {
      setBusy(false);
    }
  }

  const correction =
    canCorrect && !correcting ? (
      view?.corrected ? (
        <button type="button" disabled={busy} onClick={() => void clear()}>
          {t('popupClearCorrection')}
        </button>
      ) : (
        (status === 'not-in-catalog' || status === 'recognised') && (
          <button type="button" onClick={() => setCorrecting(true)}>
            {view ? t('popupWrongDrama') : t('popupCorrectButton')}
          </button>
        )
      )
    ) : null;

  return (
    <section class="bt-tab" aria-labelledby="bt-tab-heading" data-status={status}>
      {heading}
      {view ? (
        <div class="bt-now">
          <p class="bt-now-title">
            <strong>{view.drama.title}</strong>
            {view.episode !== null && <span> · {t('overlayEpisode', view.episode)}</span>}
            <span> · {factCount(view.episodeFacts.length + view.dramaFacts.length)}</span>
          </p>
          {view.corrected && <p class="bt-note">{t('popupTabCorrected')}</p>}
          <div class="bt-actions">
            <button
              type="button"
              class="bt-primary"
              aria-expanded={showFacts}
              aria-controls="bt-tab-facts"
              onClick={() => setShowFacts(!showFacts)}
            >
              {showFacts ? t('popupHideFacts') : t('popupShowFacts')}
            </button>
            {correction}
          </div>
          <div id="bt-tab-facts" hidden={!showFacts}>
            {showFacts && <FactList view={view} key={dramaEpisodeKey(view.drama.id, view.episode)} />}
          </div>
        </div>
      ) : (
        <>
          <Reason tab={tab} />
          {correction && <div class="bt-actions">{correction}</div>}
        </>
      )}
      {canCorrect && correcting && (
        <CorrectionForm
          tab={{ ...tab, seriesKey }}
          index={index}
          services={services}
          onSaved={(state) => {
            setCorrecting(false);
            onTabChange(state);
          }}
          onCancel={() => setCorrecting(false)}
        />
      )}
      {tab && (
        <label class="bt-switch">
          <input
            type="checkbox"
            role="switch"
            checked={tab.siteOn}
            disabled={busy}
            onChange={(event) => void switchSite((event.currentTarget as HTMLInputElement).checked)}
          />
          <span>{t('popupSiteSwitch', tab.siteName)}</span>
        </label>
      )}
    </section>
  );
}
