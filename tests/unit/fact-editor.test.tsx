// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OwnFactActions } from '../../components/FactEditor';
import { Overlay } from '../../components/Overlay';
import { OwnFactsPanel, type OwnFactsService } from '../../components/OwnFactsPanel';
import type { EpisodeView, FactView, OwnFactsView } from '../../utils/messaging/views';

afterEach(cleanup);

const fact = (id: string, text: string, own: boolean, more: Partial<FactView> = {}): FactView => ({
  id,
  dramaId: 'healer',
  episode: 14,
  text,
  people: [],
  tags: [],
  spoiler: false,
  sourceId: own ? 'own' : 'article',
  ...(own ? { own: true as const } : {}),
  ...more,
});

/** What the overlay gets from a content script's lookup: catalog facts only. */
const view: EpisodeView = {
  drama: { id: 'healer', title: 'Healer', titleKo: '힐러', year: 2014, network: 'KBS2', episodes: 20 },
  episode: 14,
  episodeFacts: [fact('cat', 'A catalog fact.', false)],
  dramaFacts: [],
  seenFactIds: [],
};

/** What the own-facts frame reads from the background. */
const mine: OwnFactsView = {
  drama: { id: 'healer', title: 'Healer', episodes: 20 },
  episode: 14,
  episodeFacts: [fact('mine', 'My own fact.', true)],
  dramaFacts: [],
};

/** Everything the overlay shows at once: no veil, no card. */
const plain = { spoilerSafe: false, dramaWideFacts: true, playback: null, card: null, onDismissCard: () => {} };

function actions(overrides: Partial<OwnFactActions> = {}): OwnFactActions {
  return { add: vi.fn(async () => null), update: vi.fn(async () => null), remove: vi.fn(async () => {}), ...overrides };
}

function service(
  overrides: Partial<OwnFactActions> = {},
  load: () => Promise<OwnFactsView | null> = vi.fn(async () => mine),
): OwnFactsService {
  return { load, actions: actions(overrides) };
}

function openPanel() {
  fireEvent.click(screen.getByRole('button', { name: /Healer/ }));
}

describe('the overlay and the viewer’s facts', () => {
  it('embeds the own-facts frame at the address given, and offers no editor of its own', () => {
    const src = 'chrome-extension://abc/own-facts.html?drama=healer&episode=14';
    render(<Overlay {...plain} view={view} onClose={() => {}} ownFactsFrame={src} />);
    openPanel();
    const frame = screen.getByTitle('Your facts about this episode') as HTMLIFrameElement;
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('src')).toBe(src);
    expect(screen.queryByRole('button', { name: 'Add a fact' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    cleanup();
    render(<Overlay {...plain} view={view} onClose={() => {}} />);
    openPanel();
    expect(screen.queryByTitle('Your facts about this episode')).toBeNull();
  });
});

/** Renders the own-facts frame's panel and waits for its facts. */
async function renderPanel(svc: OwnFactsService, spoilerSafe = false) {
  render(<OwnFactsPanel service={svc} spoilerSafe={spoilerSafe} />);
  await screen.findByRole('region', { name: 'Your facts' });
}

describe('the viewer’s facts in the own-facts frame', () => {
  it('lists them with edit and delete, and says when there are none or they cannot be read', async () => {
    await renderPanel(service());
    expect(screen.getAllByRole('button', { name: 'Edit' })).toHaveLength(1);
    expect(screen.getByText('My own fact.').closest('li')?.textContent).toContain('Your fact');
    cleanup();
    await renderPanel(
      service(
        {},
        vi.fn(async () => ({ ...mine, episodeFacts: [] })),
      ),
    );
    expect(screen.getByText('You have written no facts about this episode or this drama yet.')).toBeTruthy();
    cleanup();
    render(
      <OwnFactsPanel
        service={service(
          {},
          vi.fn(async () => null),
        )}
        spoilerSafe={false}
      />,
    );
    expect(await screen.findByText(/Your facts cannot be shown here/)).toBeTruthy();
  });

  it('veils a spoiler of the viewer’s about this episode until Reveal, by the overlay’s rule', async () => {
    const spoiler = { ...mine, episodeFacts: [fact('mine', 'The ending twist.', true, { spoiler: true })] };
    await renderPanel(
      service(
        {},
        vi.fn(async () => spoiler),
      ),
      true,
    );
    expect(screen.queryByText('The ending twist.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reveal' }));
    expect(screen.getByText('The ending twist.')).toBeTruthy();
  });

  it('reads the facts again after a write, so it shows what is stored', async () => {
    const load = vi.fn(async () => mine);
    await renderPanel(service({}, load));
    expect(load).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Add a fact' }));
    fireEvent.input(screen.getByLabelText('What happened behind the scenes'), { target: { value: 'New fact.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
  });

  it('adds a fact for the episode playing, with the people split by commas', async () => {
    const add = vi.fn(async () => null);
    await renderPanel(service({ add }));
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
    await renderPanel(service({ add: async () => [problem] }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a fact' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy(); // the editor stays open
  });

  it('refuses an episode that is not a number before asking the background', async () => {
    const add = vi.fn(async () => null);
    await renderPanel(service({ add }));
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
    await renderPanel(service({ update, remove }));
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
    await waitFor(() => expect(remove).toHaveBeenCalledWith('mine'));
    vi.unstubAllGlobals();
  });
});
