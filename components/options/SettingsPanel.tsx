/**
 * The switches: each a labelled control named after what it switches, saved to
 * extension storage (sync area) on change and applied to open tabs at once; beside
 * them, a live preview of the overlay and a card as the settings make them.
 */
import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../utils/i18n';
import {
  getSettings,
  watchSettings,
  type CardPosition,
  type Settings,
  type Theme,
} from '../../utils/preferences/settings';
import { resetSettings, updateSettings } from '../../utils/preferences/settings-store';
import { SITES } from '../../utils/sites';
import { CardPreview } from './CardPreview';

const CARD_SECONDS = [6, 8, 12, 20, 30];
const GAPS: [number, MessageKey][] = [
  [30, 'optionsGapOften'],
  [90, 'optionsGapSometimes'],
  [300, 'optionsGapRarely'],
];
const POSITIONS: [CardPosition, MessageKey][] = [
  ['top-right', 'optionsPositionTopRight'],
  ['top-left', 'optionsPositionTopLeft'],
  ['bottom-right', 'optionsPositionBottomRight'],
  ['bottom-left', 'optionsPositionBottomLeft'],
];
const THEMES: [Theme, MessageKey][] = [
  ['system', 'optionsThemeSystem'],
  ['light', 'optionsThemeLight'],
  ['dark', 'optionsThemeDark'],
];

function Switch(props: { label: string; checked: boolean; disabled?: boolean; onChange: (on: boolean) => void }) {
  return (
    <label class="bt-row">
      <input
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      {props.label}
    </label>
  );
}

function Choice<T extends string | number>(props: {
  label: string;
  value: T;
  options: [T, string][];
  onChange: (value: T) => void;
}) {
  return (
    <label class="bt-row">
      {props.label}
      <select
        value={String(props.value)}
        onChange={(e) => {
          const picked = props.options.find(([v]) => String(v) === e.currentTarget.value);
          if (picked) props.onChange(picked[0]);
        }}
      >
        {props.options.map(([value, text]) => (
          <option value={String(value)} key={String(value)}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export function SettingsPanel({ previewCss }: { previewCss?: string }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);

  if (!settings) return null;
  const save = (change: Partial<Settings>) => {
    setSettings({ ...settings, ...change });
    updateSettings(change).then(
      () => setStatus(t('optionsSaved')),
      (err: unknown) => setStatus(t('optionsSaveFailed', String(err))),
    );
  };

  return (
    <section class="bt-settings" aria-labelledby="bt-settings-heading">
      <h2 id="bt-settings-heading">{t('optionsSettingsHeading')}</h2>
      {previewCss !== undefined && (
        <aside class="bt-preview-slot" aria-labelledby="bt-preview-heading">
          <h3 id="bt-preview-heading" class="bt-kicker">
            {t('optionsPreviewHeading')}
          </h3>
          <CardPreview settings={settings} overlayCss={previewCss} />
        </aside>
      )}
      <fieldset>
        <legend>{t('optionsGeneral')}</legend>
        <Switch label={t('optionsEnabled')} checked={settings.enabled} onChange={(enabled) => save({ enabled })} />
      </fieldset>

      <fieldset>
        <legend>{t('optionsSites')}</legend>
        {SITES.map((site) => (
          <Switch
            key={site.id}
            label={site.name}
            checked={settings.sites[site.id]}
            disabled={!settings.enabled}
            onChange={(on) => save({ sites: { ...settings.sites, [site.id]: on } })}
          />
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('optionsCards')}</legend>
        <Switch
          label={t('optionsAutoCards')}
          checked={settings.autoCards}
          onChange={(autoCards) => save({ autoCards })}
        />
        <Choice
          label={t('optionsCardSeconds')}
          value={settings.cardSeconds}
          options={CARD_SECONDS.map((s) => [s, t('optionsSeconds', s)])}
          onChange={(cardSeconds) => save({ cardSeconds })}
        />
        <Choice
          label={t('optionsGap')}
          value={settings.cardGapSeconds}
          options={GAPS.map(([s, key]) => [s, t(key)])}
          onChange={(cardGapSeconds) => save({ cardGapSeconds })}
        />
        <Choice
          label={t('optionsPosition')}
          value={settings.position}
          options={POSITIONS.map(([p, key]) => [p, t(key)])}
          onChange={(position) => save({ position })}
        />
      </fieldset>

      <fieldset>
        <legend>{t('optionsFacts')}</legend>
        <Switch
          label={t('optionsSpoilerSafe')}
          checked={settings.spoilerSafe}
          onChange={(spoilerSafe) => save({ spoilerSafe })}
        />
        <p class="bt-hint">{t('optionsSpoilerSafeHint')}</p>
        <Switch
          label={t('optionsDramaWideFacts')}
          checked={settings.dramaWideFacts}
          onChange={(dramaWideFacts) => save({ dramaWideFacts })}
        />
        <Choice
          label={t('optionsTheme')}
          value={settings.theme}
          options={THEMES.map(([theme, key]) => [theme, t(key)])}
          onChange={(theme) => save({ theme })}
        />
        <p class="bt-hint">{t('optionsThemeHint')}</p>
      </fieldset>

      <button
        type="button"
        onClick={() =>
          resetSettings().then(
            (defaults) => {
              setSettings(defaults);
              setStatus(t('optionsResetDone'));
            },
            (err: unknown) => setStatus(t('optionsSaveFailed', String(err))),
          )
        }
      >
        {t('optionsReset')}
      </button>
      <p class="bt-status" role="status">
        {status}
      </p>
    </section>
  );
}
