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
import type { OwnFactActions } from '../../components/FactEditor';
import type { Playing } from '../../utils/sites/types';
import { createOverlayHost } from './overlay-host';

export default defineContentScript({
  matches: SUPPORTED_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const site = siteForHost(location.hostname);
    if (!site) return;
    let last: Playing | null = null;
    // After the viewer adds, edits or deletes a fact, ask again so the overlay shows it.
    const refresh = () => show(last);
    const actions: OwnFactActions = {
      async add(draft) {
        const result = await sendMessage('addOwnFact', draft);
        if (!result.ok) return result.problems;
        await refresh();
        return null;
      },
      async update(id, draft) {
        const result = await sendMessage('updateOwnFact', { id, draft });
        if (!result.ok) return result.problems;
        await refresh();
        return null;
      },
      async remove(id) {
        await sendMessage('deleteOwnFact', { id });
        await refresh();
      },
    };
    const overlay = await createOverlayHost(ctx, site, actions);
    // Answers can arrive out of order; only the newest question's answer counts.
    let asked = 0;
    watchPlaying(ctx, site, (playing) => show(playing));

    async function show(playing: Playing | null) {
      last = playing;
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
    }
  },
});
