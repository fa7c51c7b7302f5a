/**
 * The popup's "This tab" card: the drama and episode recognised in the current
 * tab, how many facts it has, Show facts (the episode's facts, on demand),
 * Wrong drama? (the manual correction) and the switch for the tab's site; or,
 * when nothing is recognised, why, in a designed state with what to do.
 */
import { useState } from 'preact/hooks';
import { dramaEpisodeKey } from '../../utils/catalog/episode-key';
import { listedFactCount, type EpisodeView } from '../../utils/messaging/views';
import { t } from '../../utils/i18n';
import type { SearchIndex } from '../../utils/search/search-index';
import { episodeListing } from '../../utils/playback/spoilers';
import { tabStatus, type TabState } from '../../utils/messaging/tab-state';
import { FactSection, factCount } from '../Overlay';
import { CorrectionForm } from './CorrectionForm';
import { EmptyState } from './EmptyState';
import { NotReadReport } from './NotReadReport';
import type { PopupServices } from './popup-services';
import { useShowMore } from './ShowMore';

export interface ThisTabProps {
  /** undefined while the popup is still asking the tab. */
  tab: TabState | null | undefined;
  index: SearchIndex | null;
  services: PopupServices;
  onTabChange: (state: TabState | null) => void;
}

/**
 * The tab's facts, as the overlay lists them: the same facts, veiled by the same
 * rule at the point of playback the tab reports, with the same Reveal
 * (utils/playback/spoilers.ts, episodeListing).
 */
function FactList({ tab, view }: { tab: TabState; view: EpisodeView }) {
  const { episodeFacts, dramaFacts, veiled } = episodeListing(view, tab, tab.playback);
  // A long list renders a page at a time: the episode's facts first, then the drama's.
  const [shown, more] = useShowMore(episodeFacts.length + dramaFacts.length);
  if (episodeFacts.length + dramaFacts.length === 0) return <p class="bt-note">{t('popupEpisodeNoFacts')}</p>;
  return (
    <>
      {view.episode !== null && (
        <FactSection
          heading={t('overlayEpisodeHeading', view.episode)}
          facts={episodeFacts.slice(0, shown)}
          veiled={veiled}
        />
      )}
      <FactSection
        heading={t('overlayAboutDrama', view.drama.title)}
        facts={dramaFacts.slice(0, Math.max(shown - episodeFacts.length, 0))}
        veiled={veiled}
      />
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
          <NotReadReport tab={tab!} copy={(text) => navigator.clipboard.writeText(text)} />
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
            <span> · {factCount(listedFactCount(view, tab!.dramaWideFacts))}</span>
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
            {showFacts && <FactList tab={tab!} view={view} key={dramaEpisodeKey(view.drama.id, view.episode)} />}
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
