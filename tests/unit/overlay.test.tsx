// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Overlay } from '../../components/Overlay';
import type { EpisodeView, FactView } from '../../utils/db/lookup';

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
  ...overrides,
});

describe('Overlay', () => {
  it('names the drama, the episode and how many facts there are, facts folded away', () => {
    render(<Overlay view={view()} onClose={() => {}} />);
    const toggle = screen.getByRole('button', { name: /Healer/ });
    expect(toggle.textContent).toContain('Episode 14');
    expect(toggle.textContent).toContain('3 facts');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('The kiss was filmed in Cheongju.')).toBeNull();
  });

  it('lists the episode’s facts and the drama-wide facts when activated, and folds them again', () => {
    render(<Overlay view={view()} onClose={() => {}} />);
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
    const { container } = render(
      <Overlay view={view({ episodeFacts: [fact('x', hostile, 14)], dramaFacts: [] })} onClose={() => {}} />,
    );
    fireEvent.click(screen.getByRole('button', { name: /Healer/ }));
    expect(screen.getByText(hostile)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('says "1 fact" for one, and explains an episode without facts', () => {
    const { unmount } = render(
      <Overlay view={view({ episodeFacts: [], dramaFacts: [fact('c', 'One.', null)] })} onClose={() => {}} />,
    );
    expect(screen.getByRole('button', { name: /Healer/ }).textContent).toContain('1 fact');
    unmount();
    render(<Overlay view={view({ episode: 3, episodeFacts: [], dramaFacts: [] })} onClose={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: /Healer/ }));
    expect(screen.getByText('No behind-the-scenes facts for this episode yet.')).toBeTruthy();
  });

  it('shows no episode when the page names none', () => {
    render(<Overlay view={view({ episode: null, episodeFacts: [] })} onClose={() => {}} />);
    expect(screen.getByRole('button', { name: /Healer/ }).textContent).not.toContain('Episode');
  });

  it('can be closed', () => {
    const onClose = vi.fn();
    render(<Overlay view={view()} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close Between Takes' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});
