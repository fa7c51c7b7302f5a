/**
 * The popup's "This tab" section: the drama and episode recognised in the
 * current tab with its facts, or why nothing is recognised; the switch for the
 * tab's site; and the manual correction.
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
import { NotReadReport } from './NotReadReport';
import { PopupFact, useRevealed } from './PopupFact';
import type { PopupServices } from './popup-services';

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
  return (
    <ul class="bt-facts">
      {[...view.episodeFacts, ...view.dramaFacts].map((fact) => (
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
  );
}

function Reason({ tab }: { tab: TabState | null }) {
  switch (tabStatus(tab)) {
    case 'unsupported':
      return <p class="bt-reason">{t('popupTabUnsupported')}</p>;
    case 'site-off':
      return <p class="bt-reason">{t('popupTabSiteOff', tab!.siteName)}</p>;
    case 'not-watch-page':
      return <p class="bt-reason">{t('popupTabNotWatchPage', tab!.siteName)}</p>;
    case 'nothing-read':
      return <NotReadReport tab={tab!} copy={(text) => navigator.clipboard.writeText(text)} />;
    case 'not-in-catalog':
      return <p class="bt-reason">{t('popupTabNotInCatalog', tab!.playing?.titles[0] ?? '')}</p>;
    default:
      return null;
  }
}

export function ThisTab({ tab, index, services, onTabChange }: ThisTabProps) {
  const [correcting, setCorrecting] = useState(false);
  const [busy, setBusy] = useState(false);
  if (tab === undefined) {
    return (
      <section class="bt-tab" aria-labelledby="bt-tab-heading">
        <h2 id="bt-tab-heading" class="bt-heading">
          {t('popupThisTab')}
        </h2>
        <p class="bt-status">{t('popupTabLoading')}</p>
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

  return (
    <section class="bt-tab" aria-labelledby="bt-tab-heading" data-status={status}>
      <h2 id="bt-tab-heading" class="bt-heading">
        {t('popupThisTab')}
      </h2>
      {view ? (
        <div class="bt-now">
          <p class="bt-now-title">
            <strong>{view.drama.title}</strong>
            {view.episode !== null && <span> · {t('overlayEpisode', view.episode)}</span>}
            <span> · {factCount(view.episodeFacts.length + view.dramaFacts.length)}</span>
          </p>
          {view.corrected && <p class="bt-note">{t('popupTabCorrected')}</p>}
          <FactList view={view} key={dramaEpisodeKey(view.drama.id, view.episode)} />
        </div>
      ) : (
        <Reason tab={tab} />
      )}
      {canCorrect && !correcting && (
        <div class="bt-actions">
          {view?.corrected ? (
            <button type="button" disabled={busy} onClick={() => void clear()}>
              {t('popupClearCorrection')}
            </button>
          ) : (
            (status === 'not-in-catalog' || status === 'recognised') && (
              <button type="button" onClick={() => setCorrecting(true)}>
                {view ? t('popupWrongDrama') : t('popupCorrectButton')}
              </button>
            )
          )}
        </div>
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
