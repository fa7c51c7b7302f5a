/**
 * Routes every message of the background's protocol to its handler: one
 * listener per message type, registered from the handlers object itself, so a
 * message added to the protocol is answered as soon as it has a handler (the
 * type of BackgroundHandlers makes a missing one a compile error).
 */
import { onBackgroundMessage, type BackgroundProtocol } from '../../utils/messaging/to-background';
import type { BackgroundHandlers } from './handlers';

function route<K extends keyof BackgroundProtocol>(handlers: BackgroundHandlers, type: K): () => void {
  const handler = handlers[type] as BackgroundHandlers[K];
  return onBackgroundMessage(type, ({ data, sender }) => handler(data, sender));
}

/** Registers a listener for every message; returns what removes them all. */
export function routeMessages(handlers: BackgroundHandlers): () => void {
  const types = Object.keys(handlers) as (keyof BackgroundProtocol)[];
  const removers = types.map((type) => route(handlers, type));
  return () => removers.forEach((remove) => remove());
}
