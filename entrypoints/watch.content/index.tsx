/**
 * The content script on supported streaming sites: reads what the page is
 * playing (site adapter), asks the background what the catalog knows (typed
 * message), and shows the overlay over the player. It follows the settings at
 * once (switching its site off removes the overlay, on brings it back) and
 * answers the toolbar popup's questions about this tab.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { seriesKeyOf } from '../../utils/db/corrections';
import type { EpisodeView } from '../../utils/db/lookup';
import { onMessage, sendMessage } from '../../utils/messaging';
import { watchPlaying } from '../../utils/page-watcher';
import { getSettings, isSiteOn, watchSettings } from '../../utils/settings';
import { siteForHost } from '../../utils/sites';
import { SUPPORTED_MATCHES } from '../../utils/sites/matches';
import type { Playing } from '../../utils/sites/types';
import type { TabState } from '../../utils/tab-state';
import { createOverlayHost } from './overlay-host';

export default defineContentScript({
  matches: SUPPORTED_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const site = siteForHost(location.hostname);
    if (!site) return;
    const overlay = await createOverlayHost(ctx, site);
    let siteOn = isSiteOn(await getSettings(), site.id);
    let playing: Playing | null = null;
    let view: EpisodeView | null = null;
    // Answers can arrive out of order; only the newest question's answer counts.
    let asked = 0;

    /** Asks the background about what plays now (if this site is on) and shows the answer. */
    async function refresh(): Promise<void> {
      const question = ++asked;
      if (!playing || !siteOn) {
        view = null;
        overlay.hide();
        return;
      }
      let answer: EpisodeView | null = null;
      try {
        answer = await sendMessage('lookupEpisode', playing);
      } catch (err) {
        // The extension was reloaded or the worker failed: show nothing rather than stale facts.
        console.warn('Between Takes: lookup failed', err);
      }
      if (question !== asked || !ctx.isValid) return;
      view = answer;
      if (view) overlay.show(view);
      else overlay.hide();
    }

    const state = (): TabState => ({
      site: site.id,
      siteName: site.name,
      siteOn,
      watchPage: site.isWatchPage(new URL(location.href)),
      playing,
      seriesKey: playing ? seriesKeyOf(playing) : null,
      view,
    });

    const stopWatchingSettings = watchSettings((settings) => {
      const on = isSiteOn(settings, site.id);
      if (on === siteOn) return;
      siteOn = on;
      void refresh();
    });
    const stopAnsweringState = onMessage('tabState', () => state());
    const stopAnsweringRefresh = onMessage('refreshTab', async () => {
      // The popup may have just changed the settings: do not wait for the change event.
      siteOn = isSiteOn(await getSettings(), site.id);
      await refresh();
      return state();
    });
    ctx.onInvalidated(() => {
      stopWatchingSettings();
      stopAnsweringState();
      stopAnsweringRefresh();
    });

    watchPlaying(ctx, site, (next) => {
      playing = next;
      void refresh();
    });
  },
});
