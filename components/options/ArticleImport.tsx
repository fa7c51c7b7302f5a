/**
 * Article import in the options page: paste an article, get candidate facts
 * (utils/catalog/article-import.ts), edit each one's drama, episode, people and
 * text, then accept it (it becomes one of the viewer's facts) or drop it.
 */
import { useState } from 'preact/hooks';
import { articleCandidates, type ArticleCandidate } from '../../utils/catalog/article-import';
import type { DraftProblem } from '../../utils/db/own-facts';
import { t } from '../../utils/i18n';
import { sendToBackground, type DramaSummary } from '../../utils/messaging/to-background';
import { parsePeople } from '../FactEditor';
import { draftProblemText } from '../problem-text';

interface Row extends ArticleCandidate {
  key: number;
  state: 'open' | 'accepted';
  problems: DraftProblem[];
}

const MATCHED_BY = {
  title: 'matchedByTitle',
  cast: 'matchedByCast',
  actor: 'matchedByActor',
  context: 'matchedByContext',
} as const;

function CandidateCard(props: { row: Row; dramas: DramaSummary[]; onChange(row: Row): void; onDrop(): void }) {
  const { row, dramas, onChange } = props;
  const [episode, setEpisode] = useState(row.episode === null ? '' : String(row.episode));
  const [people, setPeople] = useState(row.people.join(', '));
  const drama = dramas.find((d) => d.id === row.dramaId);
  const problemFor = (field: DraftProblem['field']) => {
    const p = row.problems.find((x) => x.field === field);
    return p ? draftProblemText(p, drama?.episodes ?? 0) : '';
  };

  async function accept() {
    const trimmed = episode.trim();
    if (trimmed !== '' && !/^\d+$/.test(trimmed)) {
      onChange({ ...row, problems: [{ field: 'episode', code: 'invalid', detail: trimmed }] });
      return;
    }
    const draft = {
      dramaId: row.dramaId,
      episode: trimmed === '' ? null : Number(trimmed),
      text: row.text,
      people: parsePeople(people),
      spoiler: false,
    };
    const result = await sendToBackground('addOwnFact', draft);
    onChange(result.ok ? { ...row, state: 'accepted', problems: [] } : { ...row, problems: result.problems });
  }

  if (row.state === 'accepted') {
    return (
      <li class="candidate ok" role="status">
        {t('articleAccepted')} {row.text.slice(0, 80)}
      </li>
    );
  }
  const textError = problemFor('text');
  const episodeError = problemFor('episode');
  return (
    <li class="candidate">
      <label>
        <span>{t('factEditorText')}</span>
        <textarea rows={3} value={row.text} onInput={(e) => onChange({ ...row, text: e.currentTarget.value })} />
        {textError && <span class="error">{textError}</span>}
      </label>
      <div class="candidate-row">
        <label>
          <span>{t('factEditorDrama')}</span>
          <select value={row.dramaId} onChange={(e) => onChange({ ...row, dramaId: e.currentTarget.value })}>
            {dramas.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('factEditorEpisode')}</span>
          <input type="text" inputMode="numeric" value={episode} onInput={(e) => setEpisode(e.currentTarget.value)} />
          {episodeError && <span class="error">{episodeError}</span>}
        </label>
        <label>
          <span>{t('factEditorPeople')}</span>
          <input type="text" value={people} onInput={(e) => setPeople(e.currentTarget.value)} />
        </label>
      </div>
      <p>
        <small>{t('articleMatchedBy', t(MATCHED_BY[row.matchedBy]))}</small>
      </p>
      <button type="button" onClick={() => void accept()}>
        {t('articleAccept')}
      </button>
      <button type="button" onClick={props.onDrop}>
        {t('articleDrop')}
      </button>
    </li>
  );
}

export function ArticleImport() {
  const [article, setArticle] = useState('');
  const [dramas, setDramas] = useState<DramaSummary[]>([]);
  const [rows, setRows] = useState<Row[] | null>(null);

  async function find(event: Event) {
    event.preventDefault();
    const catalog = dramas.length > 0 ? dramas : await sendToBackground('listDramas', undefined);
    setDramas(catalog);
    setRows(articleCandidates(article, catalog).map((c, key) => ({ ...c, key, state: 'open', problems: [] })));
  }

  return (
    <section aria-labelledby="article-heading">
      <h3 id="article-heading">{t('articleHeading')}</h3>
      <p>{t('articleExplain')}</p>
      <form onSubmit={(e) => void find(e)}>
        <label>
          <span>{t('articleLabel')}</span>
          <textarea
            name="article"
            rows={8}
            maxLength={200_000}
            value={article}
            onInput={(e) => setArticle(e.currentTarget.value)}
          />
        </label>
        <button type="submit">{t('articleFind')}</button>
      </form>
      {rows && (
        <>
          <p role="status">{rows.length === 0 ? t('articleNone') : t('articleFound', rows.length)}</p>
          <ul class="candidates">
            {rows.map((row) => (
              <CandidateCard
                key={row.key}
                row={row}
                dramas={dramas}
                onChange={(next) => setRows(rows.map((r) => (r.key === row.key ? next : r)))}
                onDrop={() => setRows(rows.filter((r) => r.key !== row.key))}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
