/**
 * The background service worker: owns the catalog database and answers the
 * content scripts and the options page. The browser stops it when idle and
 * starts it for the next message, so listeners are registered synchronously at
 * the top of main() and the database is opened lazily, once per start, behind a
 * memoised promise. What each message does is in utils/background-handlers.ts;
 * when IndexedDB cannot be opened, lookups answer from the bundled catalog in
 * memory (utils/db/catalog-access.ts).
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundHandlers } from './handlers';
import { bundledCatalog } from '../../utils/catalog/bundled';
import { createCatalogAccess } from '../../utils/db/catalog-access';
import { openCatalogDb } from '../../utils/db/database';
import { onMessage, sendMessage, TOGGLE_OVERLAY_COMMAND } from '../../utils/messaging/protocol';
import { remotePacksItem } from '../../utils/preferences/remote-packs-setting';

export default defineBackground({
  type: 'module',
  main() {
    const catalog = createCatalogAccess(
      (onClosed) =>
        openCatalogDb(undefined, {
          // A newer version needs the database: reopen on the next message.
          onClosedForUpgrade: onClosed,
          onBlocked: () => console.info('Between Takes: waiting for an older connection to close before upgrading'),
        }),
      bundledCatalog,
    );
    const handlers = createBackgroundHandlers({
      extensionId: browser.runtime.id,
      extensionUrl: browser.runtime.getURL('/'),
      catalog,
      bundled: bundledCatalog,
      saveRemoteResult: (manifestUrl, result) =>
        remotePacksItem.setValue({ manifestUrl, last: { at: Date.now(), result } }),
    });

    onMessage('lookupEpisode', ({ data, sender }) => handlers.lookupEpisode(data, sender));
    onMessage('storageStatus', ({ data, sender }) => handlers.storageStatus(data, sender));
    onMessage('prepareCatalog', ({ data, sender }) => handlers.prepareCatalog(data, sender));
    onMessage('setCorrection', ({ data, sender }) => handlers.setCorrection(data, sender));
    onMessage('clearCorrection', ({ data, sender }) => handlers.clearCorrection(data, sender));
    onMessage('markSeen', ({ data, sender }) => handlers.markSeen(data, sender));
    onMessage('addOwnFact', ({ data, sender }) => handlers.addOwnFact(data, sender));
    onMessage('updateOwnFact', ({ data, sender }) => handlers.updateOwnFact(data, sender));
    onMessage('deleteOwnFact', ({ data, sender }) => handlers.deleteOwnFact(data, sender));
    onMessage('exportOwnFacts', ({ data, sender }) => handlers.exportOwnFacts(data, sender));
    onMessage('importPack', ({ data, sender }) => handlers.importPack(data, sender));
    onMessage('listDramas', ({ data, sender }) => handlers.listDramas(data, sender));
    onMessage('updateRemotePacks', ({ data, sender }) => handlers.updateRemotePacks(data, sender));

    // The show/hide shortcut: relay it to the tab it was pressed in. Finding the
    // active tab's id needs no permission.
    browser.commands.onCommand.addListener(async (command) => {
      if (command !== TOGGLE_OVERLAY_COMMAND) return;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      // A tab without our content script (another site) has nobody to answer.
      await sendMessage('toggleOverlay', undefined, tab.id).catch(() => undefined);
    });

    // Seed on install and on every update, before any page asks.
    browser.runtime.onInstalled.addListener(() => {
      void catalog();
    });
  },
});
