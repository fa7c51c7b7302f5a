// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Overlay, type OverlayProps } from '../../components/Overlay';
import type { EpisodeView, FactView } from '../../utils/messaging/views';

afterEach(cleanup);

const fact = (id: string, text: string, episode: number | null): FactView => ({
  id,
  dramaId: 'healer',
  episode,
  text,
  people: ['Ji Chang-wook'],
  tags: ['kiss-scene', 'filming-location'],
  spoiler: false,
  sourceId: 'article',
  source: {
    title: 'Behind the scenes of teary kiss in “Healer”',
    publisher: 'Example News',
    url: 'https://example.org/healer-kiss',
    date: '2015-01-21',
  },
});

const view = (overrides: Partial<EpisodeView> = {}): EpisodeView => ({
  drama: { id: 'healer', title: 'Healer', titleKo: '힐러', year: 2014, network: 'KBS2', episodes: 20 },
  episode: 14,
  episodeFacts: [
    fact('a', 'The kiss was filmed in Cheongju.', 14),
    fact('b', 'They stayed focused between takes.', 14),
  ],
  dramaFacts: [fact('c', 'The set was as cold as outdoors.', null)],
  seenFactIds: [],
  ...overrides,
});

/** The overlay with everything shown (no veil, no card) unless a test says otherwise. */
function renderOverlay(props: Partial<OverlayProps> = {}) {
  return render(
    <Overlay
      view={view()}
      spoilerSafe={false}
      dramaWideFacts={true}
      playback={null}
      card={null}
      onDismissCard={() => {}}
      onClose={() => {}}
      {...props}
    />,
  );
}

describe('Overlay', () => {
  it('names the drama, the episode and how many facts there are, facts folded away', () => {
    renderOverlay();
    const toggle = screen.getByRole('button', { name: /Healer/ });
    expect(toggle.textContent).toContain('Episode 14');
    expect(toggle.textContent).toContain('3 facts');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('The kiss was filmed in Cheongju.')).toBeNull();
  });

  it('lists the episode’s facts and the drama-wide facts when activated, and folds them again', () => {
    renderOverlay();
    const toggle = screen.getByRole('button', { name: /Healer/ });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('region', { name: 'Episode 14 behind the scenes' }).textContent).toContain(
      'The kiss was filmed in Cheongju.',
    );
    expect(screen.getByRole('region', { name: 'About Healer' }).textContent).toContain(
      'The set was as cold as outdoors.',
    );
    expect(screen.getAllByText(/Source: Example News/)).toHaveLength(3);
    fireEvent.click(toggle);
    expect(screen.queryByText('The kiss was filmed in Cheongju.')).toBeNull();
  });

  it('renders fact text as text, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)"><b>bold</b>';
    const { container } = renderOverlay({ view: view({ episodeFacts: [fact('x', hostile, 14)], dramaFacts: [] }) });
    fireEvent.click(screen.getByRole('button', { name: /Healer/ }));
    expect(screen.getByText(hostile)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('says "1 fact" for one, and explains an episode without facts', () => {
    const { unmount } = renderOverlay({ view: view({ episodeFacts: [], dramaFacts: [fact('c', 'One.', null)] }) });
    expect(screen.getByRole('button', { name: /Healer/ }).textContent).toContain('1 fact');
    unmount();
    renderOverlay({ view: view({ episode: 3, episodeFacts: [], dramaFacts: [] }) });
    fireEvent.click(screen.getByRole('button', { name: /Healer/ }));
    expect(screen.getByText('No behind-the-scenes facts for this episode yet.')).toBeTruthy();
  });

  it('shows no episode when the page names none', () => {
    renderOverlay({ view: view({ episode: null, episodeFacts: [] }) });
    expect(screen.getByRole('button', { name: /Healer/ }).textContent).not.toContain('Episode');
  });

  it('can be closed', () => {
    const onClose = vi.fn();
    renderOverlay({ onClose });
    fireEvent.click(screen.getByRole('button', { name: 'Close Between Takes' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('veils a fact about a later moment of this episode until it plays, and reveals it on one click', () => {
    const timed = { ...fact('t', 'The director cried at this take.', 14), at: 600 };
    const spoiler = { ...fact('s', 'They kiss in the rain.', 14), spoiler: true };
    const { rerender } = renderOverlay({
      spoilerSafe: true,
      view: view({ episodeFacts: [timed, spoiler] }),
      playback: { time: 120, duration: 3600 },
    });
    fireEvent.click(screen.getByRole('button', { name: /Healer/ }));
    expect(screen.queryByText('The director cried at this take.')).toBeNull();
    expect(screen.queryByText('They kiss in the rain.')).toBeNull();
    expect(screen.getAllByText('Spoiler: this happens later in the episode.')).toHaveLength(2);
    expect(screen.getByText('The set was as cold as outdoors.')).toBeTruthy(); // drama-wide: never veiled

    fireEvent.click(screen.getAllByRole('button', { name: 'Reveal' })[0]!);
    expect(screen.getByText('The director cried at this take.')).toBeTruthy();
    expect(screen.queryByText('They kiss in the rain.')).toBeNull();

    // Past the ending, the untimed spoiler unveils itself.
    rerender(
      <Overlay
        view={view({ episodeFacts: [timed, spoiler] })}
        spoilerSafe={true}
        dramaWideFacts={true}
        playback={{ time: 3300, duration: 3600 }}
        card={null}
        onDismissCard={() => {}}
        onClose={() => {}}
      />,
    );
    expect(screen.getByText('They kiss in the rain.')).toBeTruthy();
  });

  it('veils a drama-wide spoiler until the episode where it stops being one, else until the final episode', () => {
    const ending = { ...fact('e', 'The last scene was shot twice.', null), spoiler: true };
    const kiss = { ...fact('k', 'Their first kiss took ten takes.', null), spoiler: true, spoilerFreeFrom: 8 };
    const at = (episode: number) =>
      renderOverlay({ spoilerSafe: true, view: view({ episode, episodeFacts: [], dramaFacts: [ending, kiss] }) });
    const open = () => fireEvent.click(screen.getByRole('button', { name: /Healer/ }));

    at(1);
    open();
    expect(screen.queryByText('The last scene was shot twice.')).toBeNull();
    expect(screen.queryByText('Their first kiss took ten takes.')).toBeNull();
    expect(screen.getAllByText('Spoiler: this is about a later part of the drama.')).toHaveLength(2);
    fireEvent.click(screen.getAllByRole('button', { name: 'Reveal' })[1]!);
    expect(screen.getByText('Their first kiss took ten takes.')).toBeTruthy();
    cleanup();

    at(8);
    open();
    expect(screen.getByText('Their first kiss took ten takes.')).toBeTruthy();
    expect(screen.queryByText('The last scene was shot twice.')).toBeNull();
    cleanup();

    at(20);
    open();
    expect(screen.getByText('The last scene was shot twice.')).toBeTruthy();
  });

  it('links each fact to its source, opening the article in a new tab without access back', () => {
    renderOverlay();
    fireEvent.click(screen.getByRole('button', { name: /Healer/ }));
    const links = screen.getAllByRole('link', { name: 'Source: Example News · Jan 21, 2015' });
    expect(links).toHaveLength(3);
    expect(links[0]!.getAttribute('href')).toBe('https://example.org/healer-kiss');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[0]!.getAttribute('title')).toBe('Behind the scenes of teary kiss in “Healer”');
  });

  it('shows a source without a web address as text, never as a link', () => {
    const odd = { ...fact('o', 'From an old pack.', 14), source: { title: 'Old', url: 'data:text/html,x' } };
    renderOverlay({ view: view({ episodeFacts: [odd], dramaFacts: [] }) });
    fireEvent.click(screen.getByRole('button', { name: /Healer/ }));
    expect(screen.getByText('Source: Old')).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('shows everything when spoiler-safe mode is off', () => {
    const timed = { ...fact('t', 'The director cried at this take.', 14), at: 600 };
    renderOverlay({ view: view({ episodeFacts: [timed] }), playback: { time: 0, duration: 3600 } });
    fireEvent.click(screen.getByRole('button', { name: /Healer/ }));
    expect(screen.getByText('The director cried at this take.')).toBeTruthy();
  });

  it('leaves out drama-wide facts when they are switched off', () => {
    renderOverlay({ dramaWideFacts: false });
    const toggle = screen.getByRole('button', { name: /Healer/ });
    expect(toggle.textContent).toContain('2 facts');
    fireEvent.click(toggle);
    expect(screen.queryByText('The set was as cold as outdoors.')).toBeNull();
  });

  it('pops a card up, announces it politely, and dismisses it or opens the full list', () => {
    const onDismissCard = vi.fn();
    const card = fact('a', 'The kiss was filmed in Cheongju.', 14);
    renderOverlay({ card, onDismissCard });
    expect(screen.getByRole('complementary', { name: 'Behind the scenes' }).textContent).toContain('Cheongju');
    expect(screen.getByRole('link', { name: 'Source: Example News · Jan 21, 2015' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('The kiss was filmed in Cheongju.');
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismissCard).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'All facts' }));
    expect(screen.getByRole('button', { name: /Healer/ }).getAttribute('aria-expanded')).toBe('true');
  });
});
