/**
 * The viewer's own facts in the overlay: an editor to add or change one (labelled
 * fields, a message under each bad field) and the edit/delete buttons shown on
 * the viewer's facts only. Self-contained so the overlay only hooks it in.
 */
import { useState } from 'preact/hooks';
import type { DraftProblem, OwnFactDraft } from '../utils/db/own-facts';
import type { FactView } from '../utils/messaging/views';
import { t } from '../utils/i18n';
import { draftProblemText } from './problem-text';

/** What the overlay can do with the viewer's facts; each returns the problems, or null when done. */
export interface OwnFactActions {
  add(draft: OwnFactDraft): Promise<DraftProblem[] | null>;
  update(id: string, draft: OwnFactDraft): Promise<DraftProblem[] | null>;
  remove(id: string): Promise<void>;
}

export interface FactEditorProps {
  dramaId: string;
  dramaTitle: string;
  /** The drama's last episode, for the episode field's bounds and message. */
  episodes: number;
  /** The fact being edited, or the episode playing for a new fact. */
  initial: { text: string; episode: number | null; people: string[]; spoiler: boolean };
  onSave(draft: OwnFactDraft): Promise<DraftProblem[] | null>;
  onDone(): void;
}

/** Splits "Ji Chang-wook, Park Min-young" into names. */
export function parsePeople(value: string): string[] {
  return value
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function FactEditor({ dramaId, dramaTitle, episodes, initial, onSave, onDone }: FactEditorProps) {
  const [text, setText] = useState(initial.text);
  const [episode, setEpisode] = useState(initial.episode === null ? '' : String(initial.episode));
  const [people, setPeople] = useState(initial.people.join(', '));
  const [spoiler, setSpoiler] = useState(initial.spoiler);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');

  const messageFor = (field: DraftProblem['field']) => {
    const p = problems.find(
      (x) => x.field === field || (field === 'text' && (x.field === 'id' || x.field === 'dramaId')),
    );
    return p ? draftProblemText(p, episodes) : '';
  };

  async function submit(event: Event) {
    event.preventDefault();
    const trimmed = episode.trim();
    if (trimmed !== '' && !/^\d+$/.test(trimmed)) {
      setProblems([{ field: 'episode', code: 'invalid', detail: trimmed }]);
      return;
    }
    setBusy(true);
    setFailure('');
    try {
      const result = await onSave({
        dramaId,
        episode: trimmed === '' ? null : Number(trimmed),
        text,
        people: parsePeople(people),
        spoiler,
      });
      if (result) setProblems(result);
      else onDone();
    } catch (err) {
      setFailure(t('factProblemFailed', err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
    }
  }

  const textError = messageFor('text');
  const episodeError = messageFor('episode');
  const peopleError = messageFor('people');
  return (
    <form class="bt-editor" onSubmit={submit} aria-label={t('factEditorHeading', dramaTitle)} noValidate>
      <h3 class="bt-editor-heading">{t('factEditorHeading', dramaTitle)}</h3>
      <label class="bt-field">
        <span>{t('factEditorText')}</span>
        <textarea
          name="text"
          rows={3}
          maxLength={600}
          value={text}
          aria-invalid={textError !== ''}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        {textError && (
          <span class="bt-error" role="alert">
            {textError}
          </span>
        )}
      </label>
      <label class="bt-field">
        <span>{t('factEditorEpisode')}</span>
        <input
          name="episode"
          inputMode="numeric"
          value={episode}
          aria-invalid={episodeError !== ''}
          onInput={(e) => setEpisode(e.currentTarget.value)}
        />
        {episodeError && (
          <span class="bt-error" role="alert">
            {episodeError}
          </span>
        )}
      </label>
      <label class="bt-field">
        <span>{t('factEditorPeople')}</span>
        <input
          name="people"
          value={people}
          aria-invalid={peopleError !== ''}
          onInput={(e) => setPeople(e.currentTarget.value)}
        />
        {peopleError && (
          <span class="bt-error" role="alert">
            {peopleError}
          </span>
        )}
      </label>
      <label class="bt-check">
        <input type="checkbox" name="spoiler" checked={spoiler} onChange={(e) => setSpoiler(e.currentTarget.checked)} />
        <span>{t('factEditorSpoiler')}</span>
      </label>
      {failure && (
        <p class="bt-error" role="alert">
          {failure}
        </p>
      )}
      <div class="bt-editor-buttons">
        <button type="submit" disabled={busy}>
          {t('factEditorSave')}
        </button>
        <button type="button" onClick={onDone}>
          {t('factEditorCancel')}
        </button>
      </div>
    </form>
  );
}

/** "Add a fact" under the overlay's facts, opening the editor for the episode playing. */
export function AddOwnFact(props: {
  dramaId: string;
  dramaTitle: string;
  episodes: number;
  episode: number | null;
  actions: OwnFactActions;
}) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" class="bt-add-fact" onClick={() => setOpen(true)}>
        {t('factAdd')}
      </button>
    );
  }
  return (
    <FactEditor
      dramaId={props.dramaId}
      dramaTitle={props.dramaTitle}
      episodes={props.episodes}
      initial={{ text: '', episode: props.episode, people: [], spoiler: false }}
      onSave={(draft) => props.actions.add(draft)}
      onDone={() => setOpen(false)}
    />
  );
}

/** Edit and delete on one of the viewer's facts; the editor replaces the buttons while open. */
export function OwnFactControls(props: {
  fact: FactView;
  dramaTitle: string;
  episodes: number;
  actions: OwnFactActions;
}) {
  const [editing, setEditing] = useState(false);
  const { fact, actions } = props;
  if (editing) {
    return (
      <FactEditor
        dramaId={fact.dramaId}
        dramaTitle={props.dramaTitle}
        episodes={props.episodes}
        initial={{ text: fact.text, episode: fact.episode, people: fact.people, spoiler: fact.spoiler }}
        onSave={(draft) => actions.update(fact.id, draft)}
        onDone={() => setEditing(false)}
      />
    );
  }
  return (
    <span class="bt-own-controls">
      <span class="bt-own-badge">{t('factOwnBadge')}</span>
      <button type="button" onClick={() => setEditing(true)}>
        {t('factEdit')}
      </button>
      <button
        type="button"
        onClick={() => {
          if (confirm(t('factDeleteConfirm'))) void actions.remove(fact.id);
        }}
      >
        {t('factDelete')}
      </button>
    </span>
  );
}
