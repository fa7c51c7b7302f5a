import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { catalogPlugin, compileCatalogDir } from './scripts/catalog-plugin';
import { BUNDLED_CATALOG_FILE } from './utils/catalog/bundled-name';
import { buildWatchLoader } from './scripts/watch-loader-build';
import { TOGGLE_OVERLAY_COMMAND } from './utils/messaging/to-tab';
import { OWN_FACTS_FRAME_PATH } from './utils/messaging/own-facts-frame';
import { PAGE_WORLD_MATCHES, SUPPORTED_MATCHES, WATCH_CONTENT_SCRIPT } from './utils/sites/matches';
import { WATCH_LOADER_FILE, WATCH_MODULE_FILE } from './utils/sites/watch-scripts';

/** Sites' origins: web_accessible_resources takes match patterns without a path. */
const originsOf = (matches: string[]) => [
  ...new Set(matches.map((pattern) => pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*'))),
];
const SUPPORTED_ORIGINS = originsOf(SUPPORTED_MATCHES);

/** The page-world reader (entrypoints/page-reader.ts), injected into the pages of the sites that need it. */
const PAGE_READER = 'page-reader.js';

/** Every icon size the stores and the toolbar need, each made at build time from assets/icon.svg. */
const ICON_SIZES = [16, 32, 48, 96, 128];
/** The toolbar button's sizes: 16 and 32 at 1× and 2×, 48 for denser screens. */
const TOOLBAR_ICON_SIZES = [16, 32, 48];

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Imports are written out in every file: a newcomer can follow each name to its definition.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // One drawing, every size: `icons` in the manifest and icons/<size>.png in the output.
  // (`wxt` dev mode greys them out, so a development build is told apart; builds are in colour.)
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: ICON_SIZES },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: the viewer's settings (sync area). The content script's matches
    // (the supported streaming sites) are the only host access, and IndexedDB
    // needs no permission. No <all_urls>, no tabs, no scripting, no remote code.
    permissions: ['storage'],
    // Only the small loader is injected (entrypoints/watch-loader/); once the page has
    // loaded, it imports the content script proper (entrypoints/watch/, below).
    content_scripts: [WATCH_CONTENT_SCRIPT],
    // The own-facts frame (entrypoints/own-facts/), which the overlay embeds: the viewer's own
    // facts show and are edited there, in the extension's origin, out of the page's reach.
    // Only the supported sites may embed it; on Chrome only at a per-session address, so a
    // page cannot probe for the extension with it. And the page-world reader, which the
    // content script injects into the pages of the sites whose scripts hold what plays
    // (Firefox's MV2 build reads it and injects its text: WXT's injectScript). And the
    // content script proper, which the loader imports into its isolated world: public code,
    // but on Chrome at a per-session address too, so a page cannot probe for it.
    web_accessible_resources:
      manifestVersion === 2
        ? [OWN_FACTS_FRAME_PATH.slice(1), PAGE_READER, WATCH_MODULE_FILE]
        : [
            { resources: [OWN_FACTS_FRAME_PATH.slice(1)], matches: SUPPORTED_ORIGINS, use_dynamic_url: true },
            { resources: [PAGE_READER], matches: originsOf(PAGE_WORLD_MATCHES), use_dynamic_url: true },
            { resources: [WATCH_MODULE_FILE], matches: SUPPORTED_ORIGINS, use_dynamic_url: true },
          ],
    // The toolbar button's icon (the popup entrypoint adds its page to the same key).
    [manifestVersion === 2 ? 'browser_action' : 'action']: {
      default_icon: Object.fromEntries(TOOLBAR_ICON_SIZES.map((size) => [size, `icons/${size}.png`])),
    },
    commands: {
      // Rebindable at chrome://extensions/shortcuts and in Firefox's add-on manager.
      [TOGGLE_OVERLAY_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandToggleOverlay__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'between-takes@example.org',
              // data_collection_permissions needs Firefox 140 (142 on Android).
              strict_min_version: '140.0',
              // Nothing about the viewer ever leaves the browser.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // `npm run zip`: .output/between-takes-<version>-chrome.zip and -firefox.zip, and for
  // addons.mozilla.org's reviewers -sources.zip, everything the Firefox build reads and no more
  // (scripts/zip-check.ts rebuilds the extension from it and compares).
  zip: {
    includeSources: [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'SOURCE-BUILD.md',
      'README.md',
      'PRIVACY.md',
      'entrypoints/**',
      'components/**',
      'utils/**',
      'data/**',
      'public/**',
      'assets/**',
      'scripts/catalog-plugin.ts',
      'scripts/watch-loader-build.ts',
    ],
  },
  vite: () => ({
    plugins: [preact(), catalogPlugin('data')],
  }),
  hooks: {
    // The content script's loader, the manifest's one content script: built apart, with
    // esbuild, so that no WXT runtime is wrapped round it (scripts/watch-loader-build.ts).
    // And the bundled pack as a file of the package, read when the database is seeded
    // (utils/catalog/bundled-file.ts): not a module every background start evaluates.
    'build:publicAssets': async (wxt, files) => {
      files.push({ relativeDest: WATCH_LOADER_FILE, contents: await buildWatchLoader(wxt.config.root) });
      files.push({ relativeDest: BUNDLED_CATALOG_FILE, contents: JSON.stringify(compileCatalogDir('data')) });
    },
  },
});
