/**
 * The only script the browser injects into the supported sites' pages (the
 * manifest's content script, WATCH_CONTENT_SCRIPT in utils/sites/matches.ts), in
 * every frame, parsed at injection, which on a fast page comes before its load
 * event. So it is a few hundred bytes: once the page has loaded and is idle, it
 * imports the content script proper (entrypoints/watch/, web-accessible to the
 * supported sites only), which runs here, in this isolated world, with the
 * extension's APIs. No polyfill and no WXT runtime: `chrome.runtime.getURL` is the
 * same in Chrome and Firefox. Not a WXT entrypoint (no index.ts here): WXT would
 * wrap it in its unlisted-script runtime, which doubled it, so wxt.config.ts builds
 * it with esbuild (scripts/watch-loader-build.ts).
 */
import { WATCH_MODULE_FILE } from '../../utils/sites/watch-scripts';
import { whenPageSettled } from './settle';

whenPageSettled(window, () => {
  // The extension was updated or removed since this page loaded: this copy is orphaned.
  if (!chrome.runtime?.id) return;
  import(chrome.runtime.getURL(WATCH_MODULE_FILE)).catch((error: unknown) => {
    console.error(
      `Between Takes could not load its content script (${WATCH_MODULE_FILE}), so it shows nothing on this page; the page itself is unaffected.`,
      error,
    );
  });
});
