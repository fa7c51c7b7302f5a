import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundHandlers } from '../../entrypoints/background/handlers';
import { routeMessages } from '../../entrypoints/background/router';
import { sendToBackground } from '../../utils/messaging/to-background';

beforeEach(() => fakeBrowser.reset());

/** Every handler answers with its own name, so a message reaching the wrong one shows. */
function namedHandlers(): BackgroundHandlers {
  const names: (keyof BackgroundHandlers)[] = [
    'lookupEpisode',
    'markSeen',
    'ownFactsFor',
    'addOwnFact',
    'updateOwnFact',
    'deleteOwnFact',
    'storageStatus',
    'prepareCatalog',
    'setCorrection',
    'clearCorrection',
    'exportOwnFacts',
    'importPack',
    'listDramas',
    'updateRemotePacks',
  ];
  return Object.fromEntries(names.map((name) => [name, vi.fn(async () => name)])) as unknown as BackgroundHandlers;
}

describe('the background router', () => {
  it('routes every message of the protocol to its own handler, with the payload and the sender', async () => {
    const handlers = namedHandlers();
    const stop = routeMessages(handlers);
    for (const name of Object.keys(handlers) as (keyof BackgroundHandlers)[]) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each message's payload type differs
      const answer = await (sendToBackground as any)(name, { probe: name });
      expect(answer, name).toBe(name);
      expect(handlers[name]).toHaveBeenCalledWith({ probe: name }, expect.any(Object));
    }
    stop();
  });

  it('stops answering once removed', async () => {
    const handlers = namedHandlers();
    routeMessages(handlers)();
    await expect(sendToBackground('storageStatus', undefined)).rejects.toThrow();
    expect(handlers.storageStatus).not.toHaveBeenCalled();
  });
});
