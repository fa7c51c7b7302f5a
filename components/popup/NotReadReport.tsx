/**
 * "This tab" on a watch page that could not be read: which of the site's
 * readers found nothing (the site may have changed), and a button that copies
 * what a bug report needs (utils/sites/diagnosis.ts), nothing personal.
 */
import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { TabState } from '../../utils/messaging/tab-state';
import { diagnosisText } from '../../utils/sites/diagnosis';

export function NotReadReport({ tab, copy }: { tab: TabState; copy: (text: string) => Promise<void> }) {
  const [copied, setCopied] = useState(false);
  const diagnosis = tab.diagnosis;
  if (!diagnosis) return <p class="bt-reason">{t('popupTabNothingRead')}</p>;
  const hasPlayerData = diagnosis.readers.some((r) => r.reader === 'player-data');
  return (
    <div class="bt-not-read">
      <p class="bt-reason">{t(hasPlayerData ? 'popupTabNotRead' : 'popupTabNotReadPage', tab.siteName)}</p>
      <button
        type="button"
        onClick={() =>
          void copy(diagnosisText({ id: tab.site, name: tab.siteName }, diagnosis)).then(() => setCopied(true))
        }
      >
        {copied ? t('popupDetailsCopied') : t('popupCopyDetails')}
      </button>
    </div>
  );
}
