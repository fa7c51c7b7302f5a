/** Match patterns of every supported site: where the content script runs, and nowhere else. */
import { SITES } from './index';

export const SUPPORTED_MATCHES: string[] = SITES.flatMap((site) => site.matches);
