/**
 * The content script on supported streaming sites: reads what the page is
 * playing (site adapter), asks the background what the catalog knows (typed
 * message), and shows the overlay over the player. It follows the viewer's
 * settings as they change, so switching a site off or on applies at once, and
 * answers the toolbar popup's questions about this tab.
 *
 * The browser does not inject this file: the loader (entrypoints/watch-loader/)
 * imports it as a module once the page has loaded and is idle, and it runs in the
 * loader's isolated world. So it is an unlisted script that makes its own
 * ContentScriptContext, as WXT does for a declared content script.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { seriesKeyOf } from '../../utils/db/corrections';
import type { EpisodeView } from '../../utils/messaging/views';
import { sendToBackground } from '../../utils/messaging/to-background';
import { onTabMessage } from '../../utils/messaging/to-tab';
import { watchPlaying } from './page-watcher';
import { getSettings, isSiteOn, overlayTheme, watchSettings, type Settings } from '../../utils/preferences/settings';
import { siteForHost } from '../../utils/sites';
import { browser } from 'wxt/browser';
import { OWN_FACTS_FRAME_PATH, ownFactsFrameQuery } from '../../utils/messaging/own-facts-frame';
import type { Playing, SiteAdapter } from '../../utils/sites/types';
import type { TabState } from '../../utils/messaging/tab-state';
import { badgeReport, type BadgeReport } from '../../utils/messaging/tab-badge';
import { createOverlayHost } from './overlay-host';
import { ignoreScriptStartedEvents } from './hardening';
import { connectPageWorld } from './page-world';
import { urlPattern, type SiteDiagnosis } from '../../utils/sites/diagnosis';

/** Whether the viewer is typing: shortcuts must then leave the keys alone. */
function typingInTextField(): boolean {
  let el: Element | null = document.activeElement;
  // Follow focus into shadow roots (players and our own overlay use them).
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLInputElement)
    return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes(el.type);
  return (el as HTMLElement).isContentEditable === true;
}

/**
 * Whether this frame only embeds the player: it has no player and no video of
 * its own, but a frame from its own site, where this script runs too and shows
 * the overlay over the player. One overlay per tab, where the video is.
 */
function embedsPlayerFrame(site: SiteAdapter): boolean {
  if (site.playerContainer(document) || document.querySelector('video')) return false;
  return [...document.querySelectorAll('iframe')].some((frame) => {
    try {
      return new URL(frame.src, location.href).origin === location.origin;
    } catch {
      return false;
    }
  });
}

/**
 * The own-facts frame's address for an episode: an extension page (web-accessible to
 * the supported sites only) that shows and edits the viewer's facts where the page's
 * scripts cannot reach them.
 */
function ownFactsFrame(view: EpisodeView, settings: Settings): string {
  const query = ownFactsFrameQuery({
    dramaId: view.drama.id,
    episode: view.episode,
    theme: overlayTheme(settings.theme),
    spoilerSafe: settings.spoilerSafe,
  });
  return browser.runtime.getURL(`${OWN_FACTS_FRAME_PATH}${query}` as `/own-facts.html${string}`);
}

/**
 * Answers the toolbar popup's "This tab". The popup asks every frame of the tab
 * and takes the first answer: a frame of the site that is not a watch page (a
 * hidden helper frame) stays quiet.
 */
function answerPopup(
  ctx: ContentScriptContext,
  site: SiteAdapter,
  state: () => TabState,
  refresh: () => Promise<TabState>,
): void {
  if (window !== window.top && !site.isWatchPage(new URL(location.href))) return;
  const stopState = onTabMessage('tabState', () => state());
  const stopRefresh = onTabMessage('refreshTab', refresh);
  ctx.onInvalidated(() => {
    stopState();
    stopRefresh();
  });
}

/** The show/hide shortcut, relayed by the background; ignored while the viewer types. */
function followShortcut(ctx: ContentScriptContext, toggle: () => void): void {
  const remove = onTabMessage('toggleOverlay', () => {
    if (!typingInTextField()) toggle();
  });
  ctx.onInvalidated(remove);
}

/**
 * An extension reload or update orphans this script without telling it.
 * Reading ctx.isInvalid checks, and an invalid context removes the overlay and
 * every listener it started: do it on the page's own signs of life (playback,
 * the tab coming back into view, a click or key), not on a timer.
 */
function noticeInvalidation(ctx: ContentScriptContext): void {
  for (const type of ['timeupdate', 'visibilitychange', 'pointerdown', 'keydown']) {
    document.addEventListener(type, () => void ctx.isInvalid, { capture: true, passive: true, signal: ctx.signal });
  }
}

/** The content script's name for WXT's context: the entrypoint's, as WXT would give it. */
const SCRIPT_NAME = 'watch';

export default defineUnlistedScript(async () => {
  const ctx = new ContentScriptContext(SCRIPT_NAME);
  // First of all: no page event may switch the script off.
  ignoreScriptStartedEvents(ctx);
  const site = siteForHost(location.hostname);
  if (!site) return;
  // The loader brought this script in after the page's load event: nothing to wait for.
  let settings: Settings = await getSettings();
  let view: EpisodeView | null = null;
  /** Hidden with the shortcut or the × button: until the shortcut or another episode brings it back. */
  let hiddenByViewer = false;
  let last: Playing | null = null;
  const overlay = await createOverlayHost(ctx, site, {
    onClose: () => {
      hiddenByViewer = true;
      render();
    },
    onSeen: (seenIn, fact) => {
      const seen = { dramaId: seenIn.drama.id, episode: seenIn.episode, factId: fact.id };
      sendToBackground('markSeen', seen).catch(() => undefined);
    },
    ownFactsFrame,
  });
  let stopWatching: (() => void) | null = null;
  // Answers can arrive out of order; only the newest question's answer counts.
  let asked = 0;

  /** Asks the background what the catalog knows about what the page plays, and shows it. */
  async function ask(playing: Playing | null) {
    last = playing;
    const question = ++asked;
    let answer: EpisodeView | null = null;
    if (playing) {
      try {
        answer = await sendToBackground('lookupEpisode', playing);
      } catch (err) {
        // The extension was reloaded or the worker failed: show nothing rather than stale facts.
        console.warn('Between Takes: lookup failed', err);
      }
    }
    if (question !== asked || !ctx.isValid) return;
    const episodeChanged = answer?.drama.id !== view?.drama.id || answer?.episode !== view?.episode;
    if (episodeChanged) hiddenByViewer = false;
    view = answer;
    render();
  }

  /** What the toolbar button's badge was last told for this frame (undefined: nothing yet). */
  let badge: BadgeReport | undefined;
  const tellBadge = (report: BadgeReport) => {
    badge = report;
    sendToBackground('showBadge', { report, documentStart: performance.timeOrigin }).catch(() => undefined);
  };

  const render = () => {
    if (view && !hiddenByViewer && isSiteOn(settings, site.id) && !embedsPlayerFrame(site))
      overlay.show(view, settings);
    else overlay.hide();
    const next = badgeReport(isSiteOn(settings, site.id), view, settings.dramaWideFacts);
    if (next !== badge) tellBadge(next);
  };

  // Sites that keep what plays in their scripts' objects: read there, on their own pages only.
  let pageWorld: ReturnType<typeof connectPageWorld> | undefined;

  const start = () => {
    if (stopWatching) return;
    if (site.pageWorld) pageWorld ??= connectPageWorld(ctx);
    stopWatching = watchPlaying(
      ctx,
      site,
      (playing) => void ask(playing),
      // A player that replaces its container (Prime Video, per video) takes the overlay with the old one.
      () => overlay.reanchor(),
      pageWorld,
    );
  };

  const stop = () => {
    stopWatching?.();
    stopWatching = null;
    asked++;
    last = null;
    view = null;
    render();
  };

  // A site switched off reads nothing from its pages at all.
  const apply = () => (isSiteOn(settings, site.id) ? start() : stop());

  const unwatch = watchSettings((next) => {
    settings = next;
    apply();
    render();
  });
  ctx.onInvalidated(unwatch);

  /** On a watch page that says nothing: which of the site's readers found nothing, for the popup's report. */
  const diagnose = (url: URL): SiteDiagnosis => {
    const page = pageWorld?.read();
    return {
      pattern: urlPattern(url),
      readers: [
        ...(site.pageWorld ? [{ reader: 'player-data' as const, answered: !!(page?.title ?? page?.next) }] : []),
        { reader: 'page', answered: site.read(document, url) !== null },
      ],
      version: browser.runtime.getManifest().version,
    };
  };

  // The toolbar popup's "This tab".
  const state = (): TabState => {
    const url = new URL(location.href);
    const watchPage = site.isWatchPage(url);
    return {
      site: site.id,
      siteName: site.name,
      siteOn: isSiteOn(settings, site.id),
      watchPage,
      playing: last,
      seriesKey: last ? seriesKeyOf(last) : null,
      view,
      playback: overlay.playback,
      spoilerSafe: settings.spoilerSafe,
      dramaWideFacts: settings.dramaWideFacts,
      diagnosis: watchPage && !last && isSiteOn(settings, site.id) ? diagnose(url) : null,
    };
  };
  answerPopup(ctx, site, state, async () => {
    // The popup may have just changed a correction or the settings: do not wait for the change event.
    settings = await getSettings();
    apply();
    if (isSiteOn(settings, site.id)) await ask(last);
    return state();
  });
  followShortcut(ctx, () => {
    hiddenByViewer = !hiddenByViewer;
    render();
  });
  noticeInvalidation(ctx);

  apply();
});
