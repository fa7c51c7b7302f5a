/**
 * The own-facts frame: the viewer's own facts about the episode playing, with their
 * editor, in an extension page the overlay embeds as an <iframe>. The streaming page's
 * scripts share the overlay's DOM, but this page is another origin they cannot read or
 * script; and only extension pages may read or write the viewer's facts (the background
 * refuses a content script). The overlay names the drama and episode in the address.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OwnFactsPanel, type OwnFactsService } from '../../components/OwnFactsPanel';
import { sendToBackground } from '../../utils/messaging/to-background';
import { ownFactsFrameParams } from '../../utils/messaging/own-facts-frame';
import './own-facts.css';

const params = ownFactsFrameParams(new URLSearchParams(location.search));
document.documentElement.lang = browser.i18n.getUILanguage();
document.documentElement.dataset['theme'] = params?.theme ?? 'dark';

const service: OwnFactsService | null = params && {
  load: () => sendToBackground('ownFactsFor', { dramaId: params.dramaId, episode: params.episode }),
  actions: {
    async add(draft) {
      const result = await sendToBackground('addOwnFact', draft);
      return result.ok ? null : result.problems;
    },
    async update(id, draft) {
      const result = await sendToBackground('updateOwnFact', { id, draft });
      return result.ok ? null : result.problems;
    },
    async remove(id) {
      await sendToBackground('deleteOwnFact', { id });
    },
  },
};

render(<OwnFactsPanel service={service} spoilerSafe={params?.spoilerSafe ?? true} />, document.getElementById('app')!);
