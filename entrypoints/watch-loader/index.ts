/**
 * The only script the browser injects into the supported sites' pages (the
 * manifest's content script, WATCH_CONTENT_SCRIPT in utils/sites/matches.ts):
 * a few hundred bytes that the browser parses at injection, which on a fast page
 * comes before its load event. Once the page has loaded and is idle, it imports
 * the content script proper (entrypoints/watch/, web-accessible to the supported
 * sites only), which runs here, in this isolated world, with the extension's
 * APIs. No polyfill and no WXT runtime here: `chrome.runtime.getURL` is the same
 * in Chrome and Firefox.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { WATCH_MODULE_FILE } from '../../utils/sites/watch-scripts';
import { whenPageSettled } from './settle';

export default defineUnlistedScript(() => {
  whenPageSettled(window, () => {
    // The extension was updated or removed since this page loaded: this copy is orphaned.
    if (!chrome.runtime?.id) return;
    import(/* @vite-ignore */ chrome.runtime.getURL(WATCH_MODULE_FILE)).catch((error: unknown) => {
      console.error(
        `Between Takes could not load its content script (${WATCH_MODULE_FILE}), so it shows nothing on this page; the page itself is unaffected.`,
        error,
      );
    });
  });
});
