/** The options page: one section per panel. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SettingsPanel } from '../../components/options/SettingsPanel';
import { t } from '../../utils/i18n';
import './options.css';

function OptionsPage() {
  return (
    <main class="bt-options">
      <h1>{t('optionsTitle')}</h1>
      <SettingsPanel />
    </main>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('optionsTitle');
render(<OptionsPage />, document.getElementById('app')!);
