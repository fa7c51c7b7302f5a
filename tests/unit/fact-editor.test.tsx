// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OwnFactActions } from '../../components/FactEditor';
import { Overlay } from '../../components/Overlay';
import type { EpisodeView, FactView } from '../../utils/messaging/views';

afterEach(cleanup);

const fact = (id: string, text: string, own: boolean): FactView => ({
  id,
  dramaId: 'healer',
  episode: 14,
  text,
  people: [],
  tags: [],
  spoiler: false,
  sourceId: own ? 'own' : 'article',
  ...(own ? { own: true as const } : {}),
});

const view: EpisodeView = {
  drama: { id: 'healer', title: 'Healer', titleKo: '힐러', year: 2014, network: 'KBS2', episodes: 20 },
  episode: 14,
  episodeFacts: [fact('cat', 'A catalog fact.', false), fact('mine', 'My own fact.', true)],
  dramaFacts: [],
  seenFactIds: [],
};

/** Everything the overlay shows at once: no veil, no card. */
const plain = { spoilerSafe: false, dramaWideFacts: true, playback: null, card: null, onDismissCard: () => {} };

function actions(overrides: Partial<OwnFactActions> = {}): OwnFactActions {
  return { add: vi.fn(async () => null), update: vi.fn(async () => null), remove: vi.fn(async () => {}), ...overrides };
}

function openPanel() {
  fireEvent.click(screen.getByRole('button', { name: /Healer/ }));
}

describe('the viewer’s facts in the overlay', () => {
  it('offers edit and delete on the viewer’s facts only, and nothing without actions', () => {
    render(<Overlay {...plain} view={view} onClose={() => {}} actions={actions()} />);
    openPanel();
    expect(screen.getAllByRole('button', { name: 'Edit' })).toHaveLength(1);
    expect(screen.getByText('My own fact.').closest('li')?.textContent).toContain('Your fact');
    expect(screen.getByText('A catalog fact.').closest('li')?.textContent).not.toContain('Your fact');
    cleanup();
    render(<Overlay {...plain} view={view} onClose={() => {}} />);
    openPanel();
    expect(screen.queryByRole('button', { name: 'Add a fact' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('adds a fact for the episode playing, with the people split by commas', async () => {
    const add = vi.fn(async () => null);
    render(<Overlay {...plain} view={view} onClose={() => {}} actions={actions({ add })} />);
    openPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Add a fact' }));
    expect((screen.getByLabelText('Episode (leave empty for the whole drama)') as HTMLInputElement).value).toBe('14');
    fireEvent.input(screen.getByLabelText('What happened behind the scenes'), { target: { value: 'New fact.' } });
    fireEvent.input(screen.getByLabelText('People, separated by commas'), { target: { value: 'Ji Chang-wook, , IU' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save' })).toBeNull());
    expect(add).toHaveBeenCalledWith({
      dramaId: 'healer',
      episode: 14,
      text: 'New fact.',
      people: ['Ji Chang-wook', 'IU'],
      spoiler: false,
    });
  });

  it.each([
    [
      { field: 'text', code: 'invalid', detail: '' },
      'Write the fact as plain text, 1 to 600 characters, without HTML.',
    ],
    [
      { field: 'episode', code: 'episode-past-end', detail: '' },
      'This drama has 20 episodes: give a number from 1 to 20, or leave it empty.',
    ],
  ] as const)('shows the background’s refusal under the field (%o)', async (problem, message) => {
    render(<Overlay {...plain} view={view} onClose={() => {}} actions={actions({ add: async () => [problem] })} />);
    openPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Add a fact' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy(); // the editor stays open
  });

  it('refuses an episode that is not a number before asking the background', async () => {
    const add = vi.fn(async () => null);
    render(<Overlay {...plain} view={view} onClose={() => {}} actions={actions({ add })} />);
    openPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Add a fact' }));
    fireEvent.input(screen.getByLabelText('Episode (leave empty for the whole drama)'), {
      target: { value: 'fourteen' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This drama has 20 episodes');
    expect(add).not.toHaveBeenCalled();
  });

  it('edits one of the viewer’s facts in place and deletes it after confirmation', async () => {
    const update = vi.fn(async () => null);
    const remove = vi.fn(async () => {});
    render(<Overlay {...plain} view={view} onClose={() => {}} actions={actions({ update, remove })} />);
    openPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const text = screen.getByLabelText('What happened behind the scenes') as HTMLTextAreaElement;
    expect(text.value).toBe('My own fact.');
    fireEvent.input(text, { target: { value: 'My corrected fact.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(update).toHaveBeenCalledWith('mine', expect.objectContaining({ text: 'My corrected fact.' })),
    );
    vi.stubGlobal('confirm', () => true);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(remove).toHaveBeenCalledWith('mine');
    vi.unstubAllGlobals();
  });
});
