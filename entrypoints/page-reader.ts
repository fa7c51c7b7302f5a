/**
 * Runs in the page's own world, injected by the content script with WXT's
 * injectScript (which works in Chrome's MV3 and Firefox's MV2 builds alike):
 * answers each ask with what the site's own scripts know about the video
 * playing (utils/sites/page-world-reader.ts), as JSON text in a DOM event, and
 * says so by itself when its answer changes, checked once a second as PreMiD's
 * presences poll: Netflix moves to the next episode and fills its metadata in
 * late, with no DOM change to notice.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PAGE_ASK, PAGE_DATA } from '../utils/sites/page-world-events';
import { pageWorldAnswer } from '../utils/sites/page-world-reader';

export default defineUnlistedScript(() => {
  let last = '';
  const answer = () => {
    try {
      return pageWorldAnswer();
    } catch {
      return '{}';
    }
  };
  const send = () => {
    last = answer();
    window.dispatchEvent(new CustomEvent(PAGE_DATA, { detail: last }));
  };
  window.addEventListener(PAGE_ASK, send);
  send();
  setInterval(() => {
    if (answer() !== last) send();
  }, 1000);
});
