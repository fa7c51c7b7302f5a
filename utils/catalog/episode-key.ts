/**
 * One episode of one drama as a string: "healer#14", or "healer#" for a page
 * that names no episode. The `seen` store is keyed by it, and the overlay and
 * the popup use it to tell one episode from the next. The one definition.
 */
export function dramaEpisodeKey(dramaId: string, episode: number | null): string {
  return `${dramaId}#${episode ?? ''}`;
}
