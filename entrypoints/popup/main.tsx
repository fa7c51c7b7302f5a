/** The toolbar popup's page: mounts <Popup> with the real browser behind it. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup/Popup';
import { browserServices } from './services';
import './popup.css';

document.documentElement.lang = browser.i18n.getUILanguage();
render(
  <Popup
    services={browserServices()}
    onInteractive={() => {
      // The benchmark and the end-to-end tests wait for this mark.
      performance.mark('bt-interactive');
      document.documentElement.dataset['interactive'] = 'true';
    }}
  />,
  document.getElementById('app')!,
);
