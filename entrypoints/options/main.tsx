/**
 * The options page: a thin shell that renders each panel in its own section.
 * Panels live in components/options/, one file each.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { CatalogPanel } from '../../components/options/CatalogPanel';
import { SettingsPanel } from '../../components/options/SettingsPanel';
import { t } from '../../utils/i18n';
// The overlay's own stylesheet, for the live preview of a card (drawn in a shadow root, as on a streaming page).
import overlayCss from '../watch/overlay.css?inline';
import './options.css';

function OptionsPage() {
  return (
    <main class="bt-options">
      <h1>{t('optionsTitle')}</h1>
      <SettingsPanel previewCss={overlayCss} />
      <section id="catalog" aria-labelledby="catalog-heading">
        <CatalogPanel />
      </section>
    </main>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('optionsTitle');
render(<OptionsPage />, document.getElementById('app')!);
