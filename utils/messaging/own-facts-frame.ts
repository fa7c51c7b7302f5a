/**
 * The address of the own-facts frame (entrypoints/own-facts/): which drama and episode
 * it shows, in which theme, and whether spoilers are veiled. The overlay writes it and
 * the frame reads it back; anything else in the address is ignored.
 */
export interface OwnFactsFrameParams {
  dramaId: string;
  episode: number | null;
  theme: 'light' | 'dark';
  spoilerSafe: boolean;
}

export const OWN_FACTS_FRAME_PATH = '/own-facts.html';

export function ownFactsFrameQuery(params: OwnFactsFrameParams): string {
  const query = new URLSearchParams({
    drama: params.dramaId,
    episode: params.episode === null ? '' : String(params.episode),
    theme: params.theme,
    spoilers: params.spoilerSafe ? 'veiled' : 'shown',
  });
  return `?${query.toString()}`;
}

/** The frame's parameters, or null when the address names no drama. */
export function ownFactsFrameParams(query: URLSearchParams): OwnFactsFrameParams | null {
  const dramaId = query.get('drama');
  if (!dramaId) return null;
  const episode = Number(query.get('episode') || NaN);
  return {
    dramaId,
    episode: Number.isInteger(episode) && episode >= 1 ? episode : null,
    theme: query.get('theme') === 'light' ? 'light' : 'dark',
    spoilerSafe: query.get('spoilers') !== 'shown',
  };
}
