/**
 * A live preview in the options page: the real overlay (components/Overlay.tsx,
 * with the overlay's own styles in a shadow root, as on a streaming page) over a
 * stand-in for a video, in the corner and the theme the settings say, with a card
 * while cards pop up, its list veiled by spoiler-safe mode and holding drama-wide
 * facts or not. It redraws as each setting changes. It is a picture: inert, out of
 * the tab order and of the accessibility tree; the caption says what it shows.
 */
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { EpisodeView, FactView } from '../../utils/messaging/views';
import { overlayTheme, type Settings } from '../../utils/preferences/settings';
import { Overlay } from '../Overlay';

const sampleFact = (id: string, text: string, episode: number | null, spoiler = false): FactView => ({
  id,
  dramaId: 'preview',
  episode,
  text,
  people: [],
  tags: [],
  spoiler,
  sourceId: 'preview',
});

/** The sample episode: a card's fact, a fact that spoils the ending, a fact about the drama. */
function sampleView(): EpisodeView {
  return {
    drama: { id: 'preview', title: t('optionsPreviewDrama'), titleKo: '', year: 2014, network: '', episodes: 20 },
    episode: 14,
    episodeFacts: [
      sampleFact('card', t('optionsPreviewCardFact'), 14),
      sampleFact('ending', t('optionsPreviewSpoilerFact'), 14, true),
    ],
    dramaFacts: [sampleFact('drama', t('optionsPreviewDramaFact'), null)],
    seenFactIds: [],
  };
}

export interface CardPreviewProps {
  settings: Settings;
  /** The overlay's stylesheet (entrypoints/watch/overlay.css), given by the page. */
  overlayCss: string;
}

export function CardPreview({ settings, overlayCss }: CardPreviewProps) {
  const host = useRef<HTMLDivElement>(null);
  const container = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    const shadow = host.current!.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = overlayCss;
    container.current = document.createElement('div');
    shadow.append(style, container.current);
    return () => render(null, container.current!);
  }, []);

  useEffect(() => {
    const view = sampleView();
    render(
      <Overlay
        view={view}
        spoilerSafe={settings.spoilerSafe}
        dramaWideFacts={settings.dramaWideFacts}
        playback={null}
        card={settings.autoCards ? view.episodeFacts[0]! : null}
        onDismissCard={() => {}}
        onClose={() => {}}
      />,
      container.current!,
    );
  }, [settings.spoilerSafe, settings.dramaWideFacts, settings.autoCards]);

  return (
    <figure class="bt-preview" aria-labelledby="bt-preview-caption">
      <div class="bt-preview-player">
        <div
          ref={host}
          class="bt-preview-host"
          data-placement="player"
          data-corner={settings.position}
          data-theme={overlayTheme(settings.theme)}
          inert
        />
      </div>
      <figcaption id="bt-preview-caption">
        {settings.autoCards ? t('optionsPreviewCards', settings.cardSeconds) : t('optionsPreviewNoCards')}
      </figcaption>
    </figure>
  );
}
