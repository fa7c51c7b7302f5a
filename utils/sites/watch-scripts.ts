/**
 * The content script on the supported sites comes in two files. The browser injects
 * only the loader (entrypoints/watch-loader/), a few hundred bytes, into every frame
 * of a supported site; after the page's load event and an idle moment, the loader
 * imports the content script proper (entrypoints/watch/): a module only the supported
 * sites' pages may load (web_accessible_resources), which runs in the loader's
 * isolated world, with the extension's APIs. (The manifest's entry is
 * WATCH_CONTENT_SCRIPT in ./matches.ts.)
 */

/** The loader as built (wxt.config.ts adds it, bundled by scripts/watch-loader-build.ts). */
export const WATCH_LOADER_FILE = 'watch-loader.js';

/** The content script proper as built (WXT names an unlisted script's output after its folder): the module the loader imports. */
export const WATCH_MODULE_FILE = 'watch.js';
