/**
 * A classic script in popup.html's head (not a module, so it runs as soon as
 * the parser reaches it): starts reading the search index while the popup's
 * modules load. See utils/db/search-index-early-read.ts.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishEarlyRead } from '../utils/db/search-index-early-read';

export default defineUnlistedScript(() => {
  performance.mark('bt-early-read');
  publishEarlyRead();
});
