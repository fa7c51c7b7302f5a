import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { catalogPlugin } from './scripts/catalog-plugin';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Imports are written out in every file: a newcomer can follow each name to its definition.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Between Takes',
    description: 'Behind-the-scenes facts for the K-drama episode you are watching, right over the player.',
    // No permissions: the content script's matches (the supported streaming
    // sites) are the only host access, and IndexedDB needs none. No <all_urls>,
    // no tabs, no scripting, no remote code.
    permissions: [],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'between-takes@example.org',
              strict_min_version: '128.0',
              // Nothing about the viewer ever leaves the browser.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact(), catalogPlugin('data')],
  }),
});
