// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { groupByEpisode } from '../../components/popup/DramaFacts';
import { Popup } from '../../components/popup/Popup';
import type { PopupServices } from '../../components/popup/popup-services';
import { Overlay } from '../../components/Overlay';
import type { EpisodeView, FactView } from '../../utils/messaging/views';
import { SearchIndex } from '../../utils/search/search-index';
import { isAheadOfProgress } from '../../utils/playback/spoilers';
import { tabStatus, type TabState } from '../../utils/messaging/tab-state';
import { SITES } from '../../utils/sites';
import { catalog } from '../helpers/catalog';

afterEach(cleanup);

const index = SearchIndex.build(catalog.dramas, catalog.facts);

const unknownTab: TabState = {
  site: 'netflix',
  siteName: 'Netflix',
  siteOn: true,
  watchPage: true,
  playing: { site: 'netflix', titles: ['Moonlit Kimchi Detective'], episode: 3 },
  seriesKey: 'moonlitkimchidetective',
  view: null,
  playback: null,
  spoilerSafe: true,
  dramaWideFacts: true,
};

const healerView = (corrected = false): EpisodeView => ({
  drama: { id: 'healer', title: 'Healer', titleKo: '힐러', year: 2014, network: 'KBS2', episodes: 20 },
  episode: 3,
  episodeFacts: [],
  seenFactIds: [],
  dramaFacts: [{ ...catalog.facts.find((f) => f.dramaId === 'healer' && f.episode === null)! }],
  ...(corrected ? { corrected: true } : {}),
});

function services(overrides: Partial<PopupServices> = {}): PopupServices {
  return {
    storagePersistent: async () => true,
    loadIndex: () => ({ titles: Promise.resolve(index), full: Promise.resolve(index) }),
    factsOfDrama: async (id) => catalog.facts.filter((f) => f.dramaId === id),
    progressIn: async () => 0,
    tabState: async () => null,
    refreshTab: async () => null,
    setSiteOn: vi.fn(async () => {}),
    setCorrection: vi.fn(async () => true),
    clearCorrection: vi.fn(async () => true),
    ...overrides,
  };
}

/** The elements Tab reaches, in document order (nothing here sets a positive tabindex). */
const focusables = () =>
  [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
    (el) => !el.closest('[hidden]') && !(el as HTMLButtonElement).disabled && el.tabIndex >= 0,
  );

const box = () => screen.getByRole('combobox', { name: 'Search every drama and fact' }) as HTMLInputElement;
const type = (input: HTMLInputElement, value: string) => fireEvent.input(input, { target: { value } });
const key = (input: HTMLElement, k: string) => fireEvent.keyDown(input, { key: k });

describe('tabStatus', () => {
  it.each([
    [null, 'unsupported'],
    [{ ...unknownTab, siteOn: false }, 'site-off'],
    [{ ...unknownTab, watchPage: false, playing: null, seriesKey: null }, 'not-watch-page'],
    [{ ...unknownTab, playing: null, seriesKey: null }, 'nothing-read'],
    [unknownTab, 'not-in-catalog'],
    [{ ...unknownTab, view: healerView() }, 'recognised'],
  ] as const)('%j → %s', (state, expected) => {
    expect(tabStatus(state)).toBe(expected);
  });
});

describe('veiling', () => {
  it.each([
    [null, 0, false], // drama-wide facts that spoil nothing are never veiled
    [1, 0, true], // nothing watched yet
    [14, 14, false],
    [15, 14, true],
  ] as const)('a fact of episode %s with progress %s is veiled: %s', (episode, progress, expected) => {
    expect(isAheadOfProgress({ episode, spoiler: false }, progress, 20)).toBe(expected);
  });

  it.each([
    [undefined, 0, true], // a drama-wide spoiler waits for the final episode…
    [undefined, 19, true],
    [undefined, 20, false],
    [8, 7, true], // …or for the episode its source names
    [8, 8, false],
  ] as const)(
    'a drama-wide spoiler free from episode %s with progress %s is veiled: %s',
    (from, progress, expected) => {
      const fact = { episode: null, spoiler: true, ...(from === undefined ? {} : { spoilerFreeFrom: from }) };
      expect(isAheadOfProgress(fact, progress, 20)).toBe(expected);
    },
  );

  it('groups facts drama-wide first, then by episode', () => {
    const facts = catalog.facts.filter((f) => f.dramaId === 'cheese-in-the-trap' || f.dramaId === 'healer');
    const order = groupByEpisode(facts).map(([episode]) => episode);
    expect(order[0]).toBeNull();
    expect(order.slice(1)).toEqual([...order.slice(1)].sort((a, b) => a! - b!));
  });
});

describe('Popup search', () => {
  it('starts with the focus in the box and lists dramas while typing, canonical titles shown', async () => {
    const onInteractive = vi.fn();
    render(<Popup services={services()} onInteractive={onInteractive} />);
    await waitFor(() => expect(onInteractive).toHaveBeenCalled());
    expect(document.activeElement).toBe(box());
    type(box(), 'Love in the Moon');
    const options = screen.getAllByRole('option');
    expect(options[0]!.textContent).toContain('Moonlight Drawn by Clouds');
    expect(options[0]!.textContent).toContain('Also known as Love in the Moonlight');
  });

  it('moves with the arrows, opens with Enter, clears with Escape and closes the drama with a second Escape', async () => {
    render(<Popup services={services()} />);
    await waitFor(() => expect(box()).toBeTruthy());
    await waitFor(() => {
      type(box(), 'Park Shin-hye');
      expect(screen.getAllByRole('option').length).toBeGreaterThan(1);
    });
    const count = screen.getAllByRole('option').length;
    for (let i = 0; i <= count; i++) key(box(), 'ArrowDown'); // one more than there are: stays on the last
    const last = screen.getAllByRole('option')[count - 1]!;
    expect(box().getAttribute('aria-activedescendant')).toBe(last.id);
    expect(last.getAttribute('aria-selected')).toBe('true');
    key(box(), 'ArrowUp');
    const beforeLast = screen.getAllByRole('option')[count - 2]!;
    expect(box().getAttribute('aria-activedescendant')).toBe(beforeLast.id);
    key(box(), 'ArrowDown');
    const title = last.querySelector('.bt-result-title')!.textContent;
    key(box(), 'Enter');
    await screen.findByRole('heading', { name: title! });
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    key(box(), 'Escape');
    expect(box().value).toBe('');
    expect(screen.getByRole('heading', { name: title! })).toBeTruthy();
    key(box(), 'Escape');
    expect(screen.queryByRole('heading', { name: title! })).toBeNull();
  });

  it('veils facts after the viewer’s progress until revealed, and marks facts matching the search', async () => {
    render(<Popup services={services({ progressIn: async () => 13 })} />);
    await waitFor(() => {
      type(box(), 'Cheongju');
      expect(screen.getAllByRole('option').length).toBeGreaterThan(0);
    });
    key(box(), 'Enter');
    await screen.findByText('You have watched up to episode 13: later episodes stay veiled.');
    const episode14 = await screen.findByRole('region', { name: 'Episode 14' });
    expect(episode14.textContent).not.toContain('Cheongju');
    // A drama-wide spoiler waits for the final episode (20); one that spoils nothing does not.
    const dramaWide = screen.getByRole('region', { name: 'About the whole drama' });
    expect(dramaWide.textContent).toContain('A spoiler about a later part of the drama.');
    expect(dramaWide.textContent).toContain(
      catalog.facts.find((f) => f.id === 'healer-production-team-no-tiredness')!.text,
    );
    const reveals = screen.getAllByRole('button', { name: 'Reveal' });
    const cheongju = catalog.facts.find((f) => f.id === 'healer-ep14-kiss-filmed-cheongju')!;
    for (const button of reveals) fireEvent.click(button);
    expect(episode14.textContent).toContain(cheongju.text);
    expect(screen.getAllByText('Matches your search')).toHaveLength(1);
  });

  it('says so when nothing matches, in a designed state that says what a search can find', async () => {
    render(<Popup services={services()} />);
    await waitFor(() => {
      type(box(), 'Moonlit Kimchi Detective');
      expect(screen.getByText('Nothing found for “Moonlit Kimchi Detective”.')).toBeTruthy();
    });
    const state = screen.getByText('Nothing found').closest('.bt-empty')!;
    expect(state.getAttribute('data-glyph')).toBe('search');
    expect(state.textContent).toContain('Try a title, hangul, an actor, a character or a word from a fact.');
  });

  it('shows a long list of results a page at a time, with Show more', async () => {
    render(<Popup services={services()} />);
    await waitFor(() => {
      type(box(), 'Kim'); // more than 60 dramas
      expect(screen.getAllByRole('option')).toHaveLength(20);
    });
    const all = index.search('Kim', 1000).length;
    expect(all).toBeGreaterThan(60);
    fireEvent.click(screen.getByRole('button', { name: 'Show 20 more' }));
    expect(screen.getAllByRole('option')).toHaveLength(40);
    // The results keep their order: the first page is still first.
    expect(screen.getAllByRole('option')[0]!.dataset['drama']).toBe(index.search('Kim', 1)[0]!.drama.id);
    type(box(), 'Kim '); // the same words: the same results…
    type(box(), 'Park'); // …another query starts again at one page
    expect(screen.getAllByRole('option')).toHaveLength(20);
  });

  it('renders a drama with many facts a page at a time', async () => {
    const healer = catalog.facts.find((f) => f.dramaId === 'healer' && f.episode === null && !f.spoiler)!;
    const many = Array.from({ length: 70 }, (_, i) => ({ ...healer, id: `many-${i}`, text: `Fact number ${i}.` }));
    render(<Popup services={services({ factsOfDrama: async () => many })} />);
    await waitFor(() => {
      type(box(), 'Healer');
      expect(screen.getAllByRole('option').length).toBeGreaterThan(0);
    });
    key(box(), 'Enter');
    await screen.findByText('Fact number 0.');
    expect(document.querySelectorAll('.bt-fact')).toHaveLength(30);
    expect(screen.queryByText('Fact number 30.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show 30 more' }));
    expect(document.querySelectorAll('.bt-fact')).toHaveLength(60);
    fireEvent.click(screen.getByRole('button', { name: 'Show 10 more' }));
    expect(document.querySelectorAll('.bt-fact')).toHaveLength(70);
    expect(screen.queryByRole('button', { name: /^Show \d+ more$/ })).toBeNull();
  });

  it('shows a clear message when the catalog cannot be loaded', async () => {
    const failed = () => Promise.reject(new Error('no search index'));
    render(<Popup services={services({ loadIndex: () => ({ titles: failed(), full: failed() }) })} />);
    expect((await screen.findByRole('alert')).textContent).toContain('no search index');
  });

  it('answers titles before people and the words of facts arrive, and says so only when a query needs them', async () => {
    const titlesOnly = SearchIndex.fromSnapshot(index.toSnapshot());
    let restArrives!: (whole: SearchIndex) => void;
    const full = new Promise<SearchIndex>((resolve) => (restArrives = resolve));
    const onInteractive = vi.fn();
    render(
      <Popup
        services={services({ loadIndex: () => ({ titles: Promise.resolve(titlesOnly), full }) })}
        onInteractive={onInteractive}
      />,
    );
    await waitFor(() => expect(onInteractive).toHaveBeenCalled());
    expect(document.activeElement).toBe(box());
    const restNote = 'Still reading cast and facts: for now, titles only.';
    expect(screen.queryByText(restNote)).toBeNull(); // nothing typed yet
    type(box(), 'Healer');
    expect(screen.getAllByRole('option')[0]!.textContent).toContain('Healer');
    type(box(), 'Cheongju'); // a word only a fact holds
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByText(restNote)).toBeTruthy();
    expect(screen.queryByText('Nothing found for “Cheongju”.')).toBeNull();
    type(box(), 'Ji Chang-wook'); // an actor: people come with the second part
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    restArrives(titlesOnly.withFacts(index.factsSnapshot()));
    await waitFor(() => expect(screen.getAllByRole('option')[0]!.textContent).toContain('Healer'));
    expect(screen.getAllByRole('option')[0]!.textContent).toContain('Cast: Ji Chang-wook');
    expect(screen.queryByText(restNote)).toBeNull();
    type(box(), 'Cheongju');
    expect(screen.getAllByRole('option')[0]!.textContent).toContain('Healer');
    expect(onInteractive).toHaveBeenCalledTimes(1);
  });
});

describe('Popup: storage unavailable', () => {
  it.each([
    [true, null],
    [false, 'Showing the built-in catalog: your own facts and corrections cannot be saved.'],
  ])('storage persistent %s → notice %s', async (persistent, notice) => {
    render(<Popup services={services({ storagePersistent: async () => persistent })} />);
    await waitFor(() => expect(box()).toBeTruthy());
    if (notice) {
      const status = await screen.findByRole('status');
      expect(status.textContent).toBe(`Storage unavailable${notice}`); // its title, then what it means
      expect(status.querySelector('svg')).toBeTruthy();
    } else await waitFor(() => expect(screen.queryByText(/Storage unavailable/)).toBeNull());
  });
});

describe('Popup: this tab', () => {
  it('leads with search: the search box is the first element Tab reaches, before the This tab card', async () => {
    const view = healerView();
    render(<Popup services={services({ tabState: async () => ({ ...unknownTab, view }) })} />);
    await screen.findByRole('button', { name: 'Show facts' });
    expect(focusables()[0]).toBe(box());
    expect(document.activeElement).toBe(box());
    const card = screen.getByRole('region', { name: 'This tab' });
    expect(box().compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Then the card's own controls: Show facts, Wrong drama?, the site's switch.
    expect(focusables().map((el) => el.textContent || el.getAttribute('role'))).toEqual([
      'combobox',
      'Show facts',
      'Wrong drama?',
      'switch',
    ]);
  });

  it('steps aside while the viewer searches, and comes back as it was when the box is cleared', async () => {
    render(<Popup services={services({ tabState: async () => ({ ...unknownTab, view: healerView() }) })} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Show facts' }));
    await waitFor(() => {
      type(box(), 'Heirs');
      expect(screen.getAllByRole('option').length).toBeGreaterThan(0);
    });
    expect(screen.queryByRole('region', { name: 'This tab' })).toBeNull(); // hidden
    key(box(), 'Escape');
    expect(screen.getByRole('region', { name: 'This tab' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hide facts' }).getAttribute('aria-expanded')).toBe('true');
  });

  it.each([
    [null, 'No streaming site here', 'screen', 'This tab is not a supported streaming site.'],
    [{ ...unknownTab, siteOn: false }, 'Switched off here', 'power', 'Between Takes is switched off on Netflix.'],
    [
      { ...unknownTab, watchPage: false, playing: null, seriesKey: null },
      'No episode playing',
      'screen',
      'This Netflix page is not playing an episode.',
    ],
    [{ ...unknownTab, playing: null, seriesKey: null }, 'Title not read yet', 'question', 'Show the player’s controls'],
    [unknownTab, 'Not in the catalog', 'question', '“Moonlit Kimchi Detective” is not in the catalog.'],
  ] as const)('explains why nothing is recognised, in a designed state (%#: %s)', async (state, title, glyph, text) => {
    render(<Popup services={services({ tabState: async () => state })} />);
    const heading = await screen.findByText(title);
    const shown = heading.closest('.bt-empty')!;
    expect(shown.getAttribute('data-glyph')).toBe(glyph);
    expect(shown.querySelector('svg[aria-hidden="true"]')).toBeTruthy();
    expect(shown.textContent).toContain(text);
  });

  it('names every supported site on a tab that is none of them', async () => {
    render(<Popup services={services({ tabState: async () => null })} />);
    const state = (await screen.findByText('No streaming site here')).closest('.bt-empty')!;
    for (const site of SITES) expect(state.textContent).toContain(site.name);
  });

  it('asks a silent tab again for a while, and shows what its content script says once it is there', async () => {
    // A supported page that has just loaded: its content script comes in a moment later.
    const answers: (TabState | null)[] = [null, null, { ...unknownTab, view: healerView() }];
    const tabState = vi.fn(async () => answers.shift() ?? null);
    render(<Popup services={services({ tabState })} />);
    await screen.findByText('No streaming site here');
    await waitFor(() => expect(document.querySelector('.bt-now-title')?.textContent).toContain('Healer'), {
      timeout: 3000,
    });
    expect(tabState).toHaveBeenCalledTimes(3);
  });

  it('stops asking a tab that never answers, and asks no more once closed', async () => {
    vi.useFakeTimers();
    try {
      const tabState = vi.fn(async () => null);
      const popup = render(<Popup services={services({ tabState })} />);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(tabState).toHaveBeenCalledTimes(13);
      popup.unmount();
      const closed = render(<Popup services={services({ tabState })} />);
      await vi.advanceTimersByTimeAsync(300);
      closed.unmount();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(tabState).toHaveBeenCalledTimes(15);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the recognised drama, episode and facts, each with its source', async () => {
    const plain = catalog.facts.find((f) => f.dramaId === 'healer' && f.episode === null && !f.spoiler)!;
    const source = catalog.sources.find((s) => s.id === plain.sourceId)!;
    const view = { ...healerView(), dramaFacts: [{ ...plain, source }] };
    render(<Popup services={services({ tabState: async () => ({ ...unknownTab, view }) })} />);
    const now = await screen.findByText('Healer');
    expect(now.parentElement!.textContent).toContain('Episode 3');
    expect(now.parentElement!.textContent).toContain('1 fact');
    // A compact card: the facts wait for Show facts.
    expect(screen.queryByText(plain.text)).toBeNull();
    const show = screen.getByRole('button', { name: 'Show facts' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(show);
    expect(show.getAttribute('aria-expanded')).toBe('true');
    expect(show.textContent).toBe('Hide facts');
    expect(screen.getByText(plain.text)).toBeTruthy();
    const link = screen.getByRole('link', { name: new RegExp(`^Source: ${source.publisher}`) });
    expect(link.getAttribute('href')).toBe(source.url);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('veils a drama-wide spoiler the tab’s episode has not reached, as the overlay does', async () => {
    const spoiler = healerView().dramaFacts[0]!;
    expect(spoiler).toMatchObject({ episode: null, spoiler: true });
    const at = (episode: number) => ({ ...unknownTab, view: { ...healerView(), episode } });
    render(<Popup services={services({ tabState: async () => at(3) })} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Show facts' }));
    await screen.findByText('Spoiler: this is about a later part of the drama.');
    expect(screen.queryByText(spoiler.text)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reveal' }));
    expect(screen.getByText(spoiler.text)).toBeTruthy();
    cleanup();

    render(<Popup services={services({ tabState: async () => at(20) })} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Show facts' }));
    await screen.findByText(spoiler.text);
    expect(screen.queryByText('Spoiler: this is about a later part of the drama.')).toBeNull();
  });

  describe('one spoiler rule: the popup lists and veils what the overlay does', () => {
    const healer = healerView();
    const base = healer.dramaFacts[0]!;
    const episodeFact = (id: string, text: string, extra: Partial<FactView>): FactView => ({
      ...base,
      id,
      text,
      episode: 3,
      spoiler: false,
      ...extra,
    });
    const view: EpisodeView = {
      ...healer,
      episodeFacts: [
        episodeFact('timed', 'At one minute in.', { at: 60 }),
        episodeFact('ending', 'An untimed spoiler: the ending.', { spoiler: true }),
        episodeFact('plain', 'Spoils nothing.', {}),
      ],
      dramaFacts: [base, { ...base, id: 'safe', text: 'A drama-wide fact that spoils nothing.', spoiler: false }],
    };
    /** Each listed fact as it reads: its text, or why it is veiled. */
    const listed = (root: ParentNode) =>
      [...root.querySelectorAll('.bt-fact')].map((li) => li.querySelector('.bt-fact-text')!.textContent);

    it.each([
      ['at the start', { time: 0, duration: 3600 }, true, true],
      ['past the timed moment', { time: 61, duration: 3600 }, true, true],
      ['in the ending', { time: 3500, duration: 3600 }, true, true],
      ['with no video', null, true, true],
      ['spoiler-safe mode off', { time: 0, duration: 3600 }, false, true],
      ['drama-wide facts off', { time: 0, duration: 3600 }, true, false],
    ] as const)('%s', async (_when, playback, spoilerSafe, dramaWideFacts) => {
      const overlay = render(
        <Overlay
          view={view}
          spoilerSafe={spoilerSafe}
          dramaWideFacts={dramaWideFacts}
          playback={playback}
          card={null}
          onDismissCard={() => {}}
          onClose={() => {}}
        />,
      );
      fireEvent.click(overlay.container.querySelector('.bt-toggle')!);
      const inOverlay = listed(overlay.container);
      const countInOverlay = overlay.container.querySelector('.bt-count')!.textContent;
      cleanup();

      const tab = { ...unknownTab, view, playback, spoilerSafe, dramaWideFacts };
      const popup = render(<Popup services={services({ tabState: async () => tab })} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Show facts' }));
      expect(listed(popup.container)).toEqual(inOverlay);
      expect(popup.container.querySelector('.bt-now-title')!.textContent).toContain(countInOverlay);
      // The same Reveal, as many times.
      expect(screen.queryAllByRole('button', { name: 'Reveal' })).toHaveLength(
        inOverlay.filter((text) => text!.startsWith('Spoiler:')).length,
      );
    });

    it('differs with the point of playback, as the overlay’s does', () => {
      const at = (time: number) => {
        const { container } = render(
          <Overlay
            view={view}
            spoilerSafe
            dramaWideFacts
            playback={{ time, duration: 3600 }}
            card={null}
            onDismissCard={() => {}}
            onClose={() => {}}
          />,
        );
        fireEvent.click(container.querySelector('.bt-toggle')!);
        const list = listed(container);
        cleanup();
        return list;
      };
      expect(at(0)).toContain('Spoiler: this happens later in the episode.');
      expect(at(0)).not.toContain('At one minute in.');
      expect(at(61)).toContain('At one minute in.');
    });
  });

  it('saves a correction for the series, then shows what the tab shows now', async () => {
    const setCorrection = vi.fn(async () => true);
    const refreshTab = vi.fn(async () => ({ ...unknownTab, view: healerView(true) }));
    render(<Popup services={services({ tabState: async () => unknownTab, setCorrection, refreshTab })} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Pick the drama' }));
    const picker = screen.getByRole('combobox', { name: 'Find the drama' }) as HTMLInputElement;
    await waitFor(() => {
      type(picker, 'Healer');
      expect(screen.getAllByRole('option').length).toBeGreaterThan(0);
    });
    key(picker, 'Enter');
    await screen.findByText('Picked: Healer');
    const episode = screen.getByLabelText('Episode (used when the page does not say)') as HTMLInputElement;
    expect(episode.value).toBe('3');
    fireEvent.input(episode, { target: { value: '25' } });
    fireEvent.submit(episode.form!);
    expect((await screen.findByRole('alert')).textContent).toBe('Healer has episodes 1 to 20.');
    expect(setCorrection).not.toHaveBeenCalled();
    fireEvent.input(episode, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remember for this series' }));
    await screen.findByText('You picked this drama for this series.');
    expect(setCorrection).toHaveBeenCalledWith({
      site: 'netflix',
      seriesKey: 'moonlitkimchidetective',
      dramaId: 'healer',
      episode: null,
    });
  });

  it('says so when a correction cannot be saved', async () => {
    render(
      <Popup services={services({ tabState: async () => unknownTab, setCorrection: vi.fn(async () => false) })} />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Pick the drama' }));
    const picker = screen.getByRole('combobox', { name: 'Find the drama' }) as HTMLInputElement;
    await waitFor(() => {
      type(picker, 'Heirs');
      expect(screen.getAllByRole('option').length).toBeGreaterThan(0);
    });
    key(picker, 'Enter');
    fireEvent.click(screen.getByRole('button', { name: 'Remember for this series' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The correction could not be saved. Try again.');
  });

  it('clears a correction', async () => {
    const clearCorrection = vi.fn(async () => true);
    render(
      <Popup
        services={services({
          tabState: async () => ({ ...unknownTab, view: healerView(true) }),
          refreshTab: async () => unknownTab,
          clearCorrection,
        })}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Clear correction' }));
    await screen.findByText('“Moonlit Kimchi Detective” is not in the catalog.');
    expect(clearCorrection).toHaveBeenCalledWith('netflix', 'moonlitkimchidetective');
  });

  it('switches the site off and on', async () => {
    const setSiteOn = vi.fn(async () => {});
    render(
      <Popup
        services={services({
          tabState: async () => unknownTab,
          refreshTab: async () => ({ ...unknownTab, siteOn: false }),
          setSiteOn,
        })}
      />,
    );
    const toggle = (await screen.findByRole('switch', { name: 'Between Takes on Netflix' })) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    await screen.findByText('Between Takes is switched off on Netflix.');
    expect(setSiteOn).toHaveBeenCalledWith('netflix', false);
  });
});
