/**
 * The viewer's own facts about the episode playing and about the whole drama, with
 * Edit, Delete and Add a fact: the content of the own-facts frame
 * (entrypoints/own-facts/), an extension page the streaming page cannot read or script.
 * Spoilers are veiled by the same rule as the overlay's (utils/playback/spoilers.ts),
 * without a playback position: the frame does not see the video.
 */
import { useEffect, useState } from 'preact/hooks';
import type { OwnFactsView } from '../utils/messaging/views';
import { t } from '../utils/i18n';
import { isVeiled } from '../utils/playback/spoilers';
import { AddOwnFact, OwnFactControls, type OwnFactActions } from './FactEditor';
import { FactItem } from './FactItem';

/** How the panel reads and writes the viewer's facts (the background, or a fake in tests). */
export interface OwnFactsService {
  load(): Promise<OwnFactsView | null>;
  actions: OwnFactActions;
}

export function OwnFactsPanel({ service, spoilerSafe }: { service: OwnFactsService | null; spoilerSafe: boolean }) {
  /** undefined while loading; null when there is nothing to show (no drama, or no storage). */
  const [view, setView] = useState<OwnFactsView | null | undefined>(service ? undefined : null);
  const [failed, setFailed] = useState(false);

  const reload = async () => {
    if (!service) return;
    try {
      setView(await service.load());
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  useEffect(() => {
    void reload();
  }, []);

  if (failed || view === null) return <p class="bt-empty">{t('ownFactsUnavailable')}</p>;
  if (view === undefined || !service) return null;

  // After a write, read the facts again, so what is shown is what is stored.
  const then =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      const result = await write(...args);
      await reload();
      return result;
    };
  const actions: OwnFactActions = {
    add: then(service.actions.add),
    update: then(service.actions.update),
    remove: then(service.actions.remove),
  };
  const own = { actions, dramaTitle: view.drama.title, episodes: view.drama.episodes };
  const position = { episode: view.episode, episodes: view.drama.episodes };
  const facts = [...view.episodeFacts, ...view.dramaFacts];
  return (
    <section class="bt-section bt-own-facts" aria-label={t('ownFactsHeading')}>
      <h2 class="bt-heading">{t('ownFactsHeading')}</h2>
      {facts.length === 0 ? (
        <p class="bt-empty">{t('ownFactsNone')}</p>
      ) : (
        <ul class="bt-facts">
          {facts.map((fact) => (
            <FactItem
              fact={fact}
              veiled={spoilerSafe && isVeiled(fact, position, null)}
              controls={<OwnFactControls fact={fact} {...own} />}
              key={fact.id}
            />
          ))}
        </ul>
      )}
      <AddOwnFact
        dramaId={view.drama.id}
        dramaTitle={view.drama.title}
        episodes={view.drama.episodes}
        episode={view.episode}
        actions={actions}
      />
    </section>
  );
}
