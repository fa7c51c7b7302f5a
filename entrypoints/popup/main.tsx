/** The toolbar popup's page: mounts <Popup> with the real browser behind it. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup/Popup';
import { browserServices } from './browser-services';
import './popup.css';

performance.mark('bt-script');
document.documentElement.lang = browser.i18n.getUILanguage();
// Created before the first render: the database and the tab are being asked while Preact draws.
const services = browserServices();
render(
  <Popup
    services={services}
    onInteractive={() => {
      // The benchmark and the end-to-end tests wait for this mark.
      performance.mark('bt-interactive');
      document.documentElement.dataset['interactive'] = 'true';
    }}
  />,
  document.getElementById('app')!,
);
// The first render is synchronous and focuses the search box as it commits.
performance.mark('bt-rendered');
