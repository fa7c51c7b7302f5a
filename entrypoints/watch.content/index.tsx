/**
 * The content script on supported streaming sites: reads what the page is
 * playing (site adapter), asks the background what the catalog knows (typed
 * message), and shows the overlay over the player.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendMessage } from '../../utils/messaging';
import { watchPlaying } from '../../utils/page-watcher';
import { siteForHost } from '../../utils/sites';
import { SUPPORTED_MATCHES } from '../../utils/sites/matches';
import { createOverlayHost } from './overlay-host';

export default defineContentScript({
  matches: SUPPORTED_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const site = siteForHost(location.hostname);
    if (!site) return;
    const overlay = await createOverlayHost(ctx, site);
    // Answers can arrive out of order; only the newest question's answer counts.
    let asked = 0;
    watchPlaying(
      ctx,
      site,
      async (playing) => {
        const question = ++asked;
        if (!playing) {
          overlay.hide();
          return;
        }
        let view = null;
        try {
          view = await sendMessage('lookupEpisode', playing);
        } catch (err) {
          // The extension was reloaded or the worker failed: show nothing rather than stale facts.
          console.warn('Between Takes: lookup failed', err);
        }
        if (question !== asked || !ctx.isValid) return;
        if (view) overlay.show(view);
        else overlay.hide();
      },
      // A player that replaces its container (Prime Video, per video) takes the overlay with the old one.
      () => overlay.reanchor(),
    );
  },
});
