/**
 * The options page: a thin shell that renders each panel in its own section.
 * Panels live in components/options/, one file each, so they merge apart.
 */
import { render } from 'preact';
import { CatalogPanel } from '../../components/options/CatalogPanel';
import { t } from '../../utils/i18n';

document.title = t('optionsTitle');
document.documentElement.lang = navigator.language;

function OptionsPage() {
  return (
    <>
      <h1>{t('optionsTitle')}</h1>
      <section id="catalog" aria-labelledby="catalog-heading">
        <CatalogPanel />
      </section>
    </>
  );
}

render(<OptionsPage />, document.getElementById('app')!);
