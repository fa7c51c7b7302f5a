/**
 * The background service worker: owns the catalog database and answers the
 * content scripts and the options page. The browser stops it when idle and
 * starts it for the next message, so listeners are registered synchronously at
 * the top of main() and the database is opened lazily, once per start, behind a
 * memoised promise. What each message does is in handlers.ts, routed by router.ts;
 * when IndexedDB cannot be opened, lookups answer from the bundled catalog in
 * memory (utils/db/catalog-access.ts).
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createTabBadges, toolbarAction } from './badge';
import { createBackgroundHandlers } from './handlers';
import { routeMessages } from './router';
import { markOnce } from '../../utils/perf-marks';
import { bundledCatalogFile } from '../../utils/catalog/bundled-file';
import { createCatalogAccess } from '../../utils/db/catalog-access';
import { openCatalogDb } from '../../utils/db/database';
import { sendToTab, TOGGLE_OVERLAY_COMMAND } from '../../utils/messaging/to-tab';
import { remotePacksItem } from '../../utils/preferences/remote-packs-setting';

export default defineBackground({
  // A classic script, not a module: one file the worker evaluates at once at every wake,
  // instead of a module graph of chunks fetched and linked one by one (cold start
  // ~38 → ~20 ms from worker start to main() on the bench machine; docs/benchmarks.md).
  main() {
    markOnce('bt-worker-main');
    const catalog = createCatalogAccess(
      (onClosed) =>
        openCatalogDb(undefined, {
          // A newer version needs the database: reopen on the next message.
          onClosedForUpgrade: onClosed,
          onBlocked: () => console.info('Between Takes: waiting for an older connection to close before upgrading'),
        }),
      bundledCatalogFile,
    );
    // The toolbar button's badge per tab, as the content scripts report it (badge.ts).
    const badges = createTabBadges(toolbarAction());
    const handlers = createBackgroundHandlers({
      extensionId: browser.runtime.id,
      extensionUrl: browser.runtime.getURL('/'),
      catalog,
      bundled: () => bundledCatalogFile.load(),
      saveRemoteResult: (manifestUrl, result) =>
        remotePacksItem.setValue({ manifestUrl, last: { at: Date.now(), result } }),
      badges,
    });

    routeMessages(handlers);

    // The show/hide shortcut: relay it to the tab it was pressed in. Finding the
    // active tab's id needs no permission.
    browser.commands.onCommand.addListener(async (command) => {
      if (command !== TOGGLE_OVERLAY_COMMAND) return;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      // A tab without our content script (another site) has nobody to answer.
      await sendToTab('toggleOverlay', undefined, tab.id).catch(() => undefined);
    });

    // Seed on install and on every update, before any page asks.
    browser.runtime.onInstalled.addListener(() => {
      void catalog();
    });
  },
});
