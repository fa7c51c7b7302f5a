/**
 * The manual correction: the viewer picks the drama (search over the catalog)
 * and, for pages that name no episode, the episode. Saved for that series on
 * that site until cleared.
 */
import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { SearchDrama } from '../../utils/search/record-codec';
import type { SearchIndex } from '../../utils/search/search-index';
import type { TabState } from '../../utils/messaging/tab-state';
import { SearchBox } from './SearchBox';
import type { PopupServices } from './popup-services';

export interface CorrectionFormProps {
  tab: TabState & { seriesKey: string };
  index: SearchIndex | null;
  services: PopupServices;
  /** Called with the tab's new state once the correction is saved. */
  onSaved: (state: TabState | null) => void;
  onCancel: () => void;
}

export function CorrectionForm({ tab, index, services, onSaved, onCancel }: CorrectionFormProps) {
  const [query, setQuery] = useState('');
  const [drama, setDrama] = useState<SearchDrama | null>(null);
  const [episode, setEpisode] = useState(tab.playing?.episode ? String(tab.playing.episode) : '');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);

  async function save(event: Event) {
    event.preventDefault();
    if (!drama) return setError(t('popupCorrectNoDrama'));
    const trimmed = episode.trim();
    const number = trimmed === '' ? null : Number(trimmed);
    if (number !== null && !(Number.isInteger(number) && number >= 1 && number <= drama.episodes)) {
      return setError(t('popupCorrectBadEpisode', drama.title, drama.episodes));
    }
    setError('');
    setSaving(true);
    try {
      const saved = await services.setCorrection({
        site: tab.site,
        seriesKey: tab.seriesKey,
        dramaId: drama.id,
        episode: number,
      });
      if (!saved) throw new Error('refused');
      onSaved(await services.refreshTab());
    } catch {
      setError(t('popupCorrectFailed'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="bt-correction" onSubmit={save} aria-labelledby="bt-correct-heading">
      <h3 id="bt-correct-heading" class="bt-subheading">
        {t('popupCorrectHeading')}
      </h3>
      <SearchBox
        id="bt-correct"
        label={t('popupCorrectSearchLabel')}
        index={index}
        query={query}
        onQuery={setQuery}
        onOpen={(result) => {
          setDrama(result.drama);
          setQuery('');
          setError('');
        }}
        limit={8}
        autoFocus
      />
      {drama && <p class="bt-picked">{t('popupCorrectPicked', drama.title)}</p>}
      <label class="bt-label" for="bt-correct-episode">
        {t('popupCorrectEpisode')}
      </label>
      <input
        id="bt-correct-episode"
        class="bt-episode-input"
        type="number"
        inputMode="numeric"
        min={1}
        max={drama?.episodes}
        value={episode}
        onInput={(event) => setEpisode((event.currentTarget as HTMLInputElement).value)}
      />
      {error && (
        <p class="bt-error" role="alert">
          {error}
        </p>
      )}
      <div class="bt-actions">
        <button type="submit" class="bt-primary" disabled={saving}>
          {t('popupCorrectSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('popupCorrectCancel')}
        </button>
      </div>
    </form>
  );
}
