import { describe, expect, it, vi } from 'vitest';
import { createTabBadges, toolbarAction, type ToolbarAction } from '../../entrypoints/background/badge';
import { createBackgroundHandlers, type MessageSender } from '../../entrypoints/background/handlers';
import { BADGE_COLORS, badgeLook, badgeReport, tabReport } from '../../utils/messaging/tab-badge';
import type { EpisodeView, FactView } from '../../utils/messaging/views';

const fact = (id: string, episode: number | null): FactView => ({
  id,
  dramaId: 'healer',
  episode,
  text: `Fact ${id}.`,
  people: [],
  tags: [],
  spoiler: false,
  sourceId: 'article',
  source: { title: 'An article', publisher: 'Example News' },
});

/** Healer episode 14 with `episode` facts of its own and `drama` about the whole drama. */
const view = (episode: number, drama: number): EpisodeView => ({
  drama: { id: 'healer', title: 'Healer', titleKo: '힐러', year: 2014, network: 'KBS2', episodes: 20 },
  episode: 14,
  episodeFacts: Array.from({ length: episode }, (_, i) => fact(`e${i}`, 14)),
  dramaFacts: Array.from({ length: drama }, (_, i) => fact(`d${i}`, null)),
  seenFactIds: [],
});

describe('what a frame reports', () => {
  it('counts the facts the overlay lists: the episode’s and the drama-wide ones', () => {
    expect(badgeReport(true, view(5, 3), true)).toBe(8);
  });

  it('leaves the drama-wide facts out when the viewer does (the overlay does too)', () => {
    expect(badgeReport(true, view(5, 3), false)).toBe(5);
  });

  it('says nothing when nothing is recognised', () => {
    expect(badgeReport(true, null, true)).toBeNull();
  });

  it('says "off" when the site is switched off, recognised or not', () => {
    expect(badgeReport(false, null, true)).toBe('off');
    expect(badgeReport(false, view(5, 3), true)).toBe('off');
  });
});

describe('a tab’s report from its frames', () => {
  it('is nothing without frames', () => {
    expect(tabReport([])).toBeNull();
  });

  it('keeps a recognised episode over a helper frame that recognises nothing, in either order', () => {
    expect(tabReport([8, null])).toBe(8);
    expect(tabReport([null, 8])).toBe(8);
  });

  it('takes the most facts when two frames recognise an episode', () => {
    expect(tabReport([3, 8, 5])).toBe(8);
  });

  it('says "off" when no frame recognises anything and one is switched off', () => {
    expect(tabReport([null, 'off'])).toBe('off');
    expect(tabReport(['off', 8])).toBe(8);
  });
});

describe('how the badge looks', () => {
  it('shows the count on the amber background', () => {
    expect(badgeLook(8)).toEqual({ text: '8', background: BADGE_COLORS.count });
    expect(badgeLook(99)).toEqual({ text: '99', background: BADGE_COLORS.count });
  });

  it('keeps the text short: more than 99 shows "99+"', () => {
    expect(badgeLook(100)?.text).toBe('99+');
    expect(badgeLook(12345)?.text).toBe('99+');
  });

  it('shows "off" on grey, in the browser’s language', () => {
    expect(badgeLook('off')).toEqual({ text: 'off', background: BADGE_COLORS.off });
    expect(BADGE_COLORS.off).not.toBe(BADGE_COLORS.count);
  });

  it('shows nothing when nothing is recognised, or nothing is listed', () => {
    expect(badgeLook(null)).toBeNull();
    expect(badgeLook(0)).toBeNull();
  });
});

/** A toolbar button API that remembers each tab's badge as the browser would. */
function fakeAction(options: { textColor?: boolean } = {}) {
  const text = new Map<number, string>();
  const background = new Map<number, string>();
  const textColor = new Map<number, string>();
  const action: ToolbarAction = {
    setBadgeText: vi.fn(async ({ tabId, text: value }: { tabId: number; text: string }) => {
      text.set(tabId, value);
    }),
    setBadgeBackgroundColor: vi.fn(async ({ tabId, color }: { tabId: number; color: string }) => {
      background.set(tabId, color);
    }),
    ...(options.textColor === false
      ? {}
      : {
          setBadgeTextColor: vi.fn(async ({ tabId, color }: { tabId: number; color: string }) => {
            textColor.set(tabId, color);
          }),
        }),
  };
  return { action, text, background, textColor };
}

describe('the toolbar button’s API', () => {
  it('is `action` in Manifest V3', () => {
    const action = fakeAction().action;
    expect(toolbarAction({ action })).toBe(action);
  });

  it('is `browserAction` in Firefox’s Manifest V2', () => {
    const browserAction = fakeAction().action;
    expect(toolbarAction({ browserAction })).toBe(browserAction);
  });

  it('is missing where neither is (the badge then does nothing)', async () => {
    expect(toolbarAction({})).toBeNull();
    await expect(createTabBadges(null).report(1, 0, 8)).resolves.toBeUndefined();
  });
});

describe('the badges of tabs', () => {
  it('sets the count, its colours and, with a switched-off site, "off", per tab', async () => {
    const { action, text, background, textColor } = fakeAction();
    const badges = createTabBadges(action);
    await badges.report(1, 0, 8);
    await badges.report(2, 0, 'off');
    expect(text).toEqual(
      new Map([
        [1, '8'],
        [2, 'off'],
      ]),
    );
    expect(background).toEqual(
      new Map([
        [1, BADGE_COLORS.count],
        [2, BADGE_COLORS.off],
      ]),
    );
    expect(textColor.get(1)).toBe(BADGE_COLORS.text);
  });

  it('works where the text colour cannot be set', async () => {
    const { action, text } = fakeAction({ textColor: false });
    await createTabBadges(action).report(1, 0, 120);
    expect(text.get(1)).toBe('99+');
  });

  it('clears the badge when the page stops recognising anything', async () => {
    const { action, text } = fakeAction();
    const badges = createTabBadges(action);
    await badges.report(1, 0, 8);
    await badges.report(1, 0, null);
    expect(text.get(1)).toBe('');
  });

  it('keeps the player frame’s count while a helper frame says nothing, and clears it when the player frame does', async () => {
    const { action, text } = fakeAction();
    const badges = createTabBadges(action);
    await badges.report(1, 7, 8);
    await badges.report(1, 0, null);
    expect(text.get(1)).toBe('8');
    await badges.report(1, 7, null);
    expect(text.get(1)).toBe('');
  });

  it('forgets what the frames of an older page said when the top frame of a newer one reports, and keeps other tabs', async () => {
    const { action, text } = fakeAction();
    const badges = createTabBadges(action);
    // A page started at 1000: its top frame, then its player frame (started at 1200).
    await badges.report(1, 0, null, 1000);
    await badges.report(1, 7, 8, 1200);
    await badges.report(2, 7, 5, 1100);
    // The same page's top frame again: the player frame's count stays.
    await badges.report(1, 0, null, 1000);
    expect(text.get(1)).toBe('8');
    // A new page (started at 5000) whose player frame reports before its top frame does.
    await badges.report(1, 9, 3, 5200);
    expect(text.get(1)).toBe('8');
    await badges.report(1, 0, null, 5000);
    expect(text.get(1)).toBe('3');
    // The next page's top frame recognises nothing: the last player frame's count is gone too.
    await badges.report(1, 0, null, 9000);
    expect(text.get(1)).toBe('');
    await badges.report(2, 0, null, 1100);
    expect(text.get(2)).toBe('5');
  });

  it('shrugs off a tab that closed meanwhile', async () => {
    const { action } = fakeAction();
    action.setBadgeText = () => Promise.reject(new Error('No tab with id: 1.'));
    await expect(createTabBadges(action).report(1, 0, 8)).resolves.toBeUndefined();
  });
});

describe('the showBadge message', () => {
  const EXTENSION_ID = 'betweentakesid';
  const EXTENSION_URL = `chrome-extension://${EXTENSION_ID}/`;

  function setUp() {
    const report = vi.fn(async () => undefined);
    const handlers = createBackgroundHandlers({
      extensionId: EXTENSION_ID,
      extensionUrl: EXTENSION_URL,
      catalog: () => Promise.reject(new Error('showBadge needs no catalog')),
      bundled: async () => ({ format: 1, version: 'test', dramas: [], facts: [], sources: [] }),
      badges: { report },
    });
    return { handlers, report };
  }

  const contentScript: MessageSender = {
    id: EXTENSION_ID,
    url: 'https://www.netflix.com/watch/80049015',
    tab: { id: 4 },
    frameId: 0,
  };

  it('sets the badge of the sender’s tab, for the sender’s frame', async () => {
    const { handlers, report } = setUp();
    await handlers.showBadge({ report: 8, documentStart: 1000 }, contentScript);
    await handlers.showBadge({ report: 'off', documentStart: 1200.5 }, { ...contentScript, frameId: 3 });
    await handlers.showBadge({ report: null, documentStart: 1000 }, contentScript);
    expect(report.mock.calls).toEqual([
      [4, 0, 8, 1000],
      [4, 3, 'off', 1200.5],
      [4, 0, null, 1000],
    ]);
  });

  it.each<[string, MessageSender]>([
    ['another extension', { ...contentScript, id: 'someotherextension' }],
    ['a sender with no tab (an extension page)', { id: EXTENSION_ID, url: `${EXTENSION_URL}popup.html` }],
  ])('is ignored from %s', async (_, sender) => {
    const { handlers, report } = setUp();
    await handlers.showBadge({ report: 8, documentStart: 1000 }, sender);
    expect(report).not.toHaveBeenCalled();
  });

  it.each([
    [-1],
    [1.5],
    ['8'],
    ['on'],
    [{ count: 8 }],
    [undefined],
    [{ report: 8 }],
    [{ report: -1, documentStart: 1000 }],
    [{ report: 8, documentStart: -1 }],
    [{ report: 8, documentStart: '1000' }],
    [{ report: 8, documentStart: 1000, extra: true }],
  ])('ignores a malformed message (%j)', async (data) => {
    const { handlers, report } = setUp();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await handlers.showBadge(data, contentScript);
    expect(report).not.toHaveBeenCalled();
  });
});
