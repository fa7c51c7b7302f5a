// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Overlay, type OverlayProps } from '../../components/Overlay';
import type { EpisodeView, FactView } from '../../entrypoints/background/lookup';

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
  sourceTitle: 'Behind the scenes of teary kiss in “Healer”',
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
    expect(screen.getAllByText(/Source: Behind the scenes/)).toHaveLength(3);
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
    expect(screen.getByRole('status').textContent).toBe('The kiss was filmed in Cheongju.');
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismissCard).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'All facts' }));
    expect(screen.getByRole('button', { name: /Healer/ }).getAttribute('aria-expanded')).toBe('true');
  });
});
