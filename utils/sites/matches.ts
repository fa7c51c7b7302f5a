/** Match patterns of every supported site: where the content script runs, and nowhere else. */
import { SITES } from './index';

export const SUPPORTED_MATCHES: string[] = SITES.flatMap((site) => site.matches);

/** Match patterns of the sites whose adapters read the page world (SiteAdapter.pageWorld). */
export const PAGE_WORLD_MATCHES: string[] = SITES.filter((site) => site.pageWorld).flatMap((site) => site.matches);
