/** Remote packs in the options page: the manifest address (off when empty), an update button and the last result. */
import { useEffect, useState } from 'preact/hooks';
import type { RemoteResult } from '../../utils/db/remote-packs';
import { t } from '../../utils/i18n';
import { sendToBackground } from '../../utils/messaging/to-background';
import { remotePacksItem, type RemotePacksSetting } from '../../utils/preferences/remote-packs-setting';
import { remoteProblemText } from '../problem-text';

/** One line for an update's outcome. */
function remoteResultText(result: RemoteResult): string {
  return result.ok
    ? t('remoteUpdated', result.version, result.updated.length, result.unchanged, result.removed.length)
    : t('remoteFailed', remoteProblemText(result.problem));
}

export function RemotePacks() {
  const [setting, setSetting] = useState<RemotePacksSetting | null>(null);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    void remotePacksItem.getValue().then((value) => {
      setSetting(value);
      setUrl(value.manifestUrl);
    });
    return remotePacksItem.watch((value) => setSetting(value));
  }, []);

  async function check(event: Event) {
    event.preventDefault();
    setError('');
    setBusy(true);
    try {
      const manifestUrl = url.trim();
      if (!manifestUrl) {
        await remotePacksItem.setValue({ manifestUrl: '', last: null });
        return;
      }
      await sendToBackground('updateRemotePacks', { manifestUrl });
    } catch (err) {
      setError(t('remoteFailed', err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
    }
  }

  const last = setting?.last;
  return (
    <section aria-labelledby="remote-heading">
      <h3 id="remote-heading">{t('remoteHeading')}</h3>
      <p>{t('remoteExplain')}</p>
      <form onSubmit={check}>
        <label>
          <span>{t('remoteUrlLabel')}</span>
          <input
            type="url"
            name="manifestUrl"
            placeholder="https://…/manifest.json"
            value={url}
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? t('remoteChecking') : t('remoteCheck')}
        </button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {last && (
        <div class={last.result.ok ? 'ok' : 'error'} role="status" data-testid="remote-result">
          <p>{remoteResultText(last.result)}</p>
          <p>{t('remoteLast', new Date(last.at).toLocaleString())}</p>
        </div>
      )}
    </section>
  );
}
