/**
 * The options page's catalog panel: export the viewer's facts, import a pack,
 * import facts from an article, and remote packs. Each part talks to the
 * background through typed messages; the database stays in the background.
 */
import { useState } from 'preact/hooks';
import type { PackProblem } from '../../utils/catalog/pack';
import { packFileText } from '../../utils/catalog/pack-file';
import { t } from '../../utils/i18n';
import { sendToBackground } from '../../utils/messaging/to-background';
import { packProblemText } from '../problem-text';
import { ArticleImport } from './ArticleImport';
import { RemotePacks } from './RemotePacks';

function ExportOwnFacts() {
  const [status, setStatus] = useState('');
  async function exportNow() {
    const pack = await sendToBackground('exportOwnFacts', undefined);
    const blob = new Blob([packFileText(pack)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'between-takes-own-facts.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setStatus(t('exportDone', pack.facts.length));
  }
  return (
    <section aria-labelledby="export-heading">
      <h3 id="export-heading">{t('exportHeading')}</h3>
      <p>{t('exportExplain')}</p>
      <button type="button" onClick={() => void exportNow()}>
        {t('exportButton')}
      </button>
      {status && (
        <p class="ok" role="status">
          {status}
        </p>
      )}
    </section>
  );
}

function ImportPack() {
  const [done, setDone] = useState('');
  const [problems, setProblems] = useState<PackProblem[]>([]);
  async function importFile(file: File | undefined) {
    if (!file) return;
    setDone('');
    setProblems([]);
    // Read as text even when huge: the import refuses an oversized pack with its own message.
    const json = await file.text();
    const result = await sendToBackground('importPack', { json });
    if (result.ok) setDone(t('importDone', result.summary.added, result.summary.alreadyThere));
    else setProblems(result.problems);
  }
  return (
    <section aria-labelledby="import-heading">
      <h3 id="import-heading">{t('importHeading')}</h3>
      <p>{t('importExplain')}</p>
      <label>
        <span>{t('importFileLabel')}</span>
        <input
          type="file"
          name="pack"
          accept=".json,application/json"
          onChange={(e) => {
            const input = e.currentTarget;
            void importFile(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </label>
      {done && (
        <p class="ok" role="status">
          {done}
        </p>
      )}
      {problems.length > 0 && (
        <div class="problems" role="alert">
          <p>{t('importRefused')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{packProblemText(p)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export function CatalogPanel() {
  return (
    <>
      <h2 id="catalog-heading">{t('catalogPanelHeading')}</h2>
      <ExportOwnFacts />
      <ImportPack />
      <ArticleImport />
      <RemotePacks />
    </>
  );
}
