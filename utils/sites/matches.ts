/** Match patterns of every supported site: where the content script runs, and nowhere else. */
import { SITES } from './index';
import { WATCH_LOADER_FILE } from './watch-scripts';

export const SUPPORTED_MATCHES: string[] = SITES.flatMap((site) => site.matches);

/** Match patterns of the sites whose adapters read the page world (SiteAdapter.pageWorld). */
export const PAGE_WORLD_MATCHES: string[] = SITES.filter((site) => site.pageWorld).flatMap((site) => site.matches);

/**
 * The manifest's one content script: the small loader (utils/sites/watch-scripts.ts),
 * in every frame of the supported sites, once the document is parsed.
 */
export const WATCH_CONTENT_SCRIPT = {
  matches: SUPPORTED_MATCHES,
  // Some sites play in a frame of their own origin: the overlay goes in that frame.
  all_frames: true,
  run_at: 'document_idle',
  js: [WATCH_LOADER_FILE],
};
