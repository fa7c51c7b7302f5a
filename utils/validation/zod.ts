/**
 * The one zod every schema of ours is written with: zod/mini, zod 4's tree-shakable
 * build, configured once here.
 *
 * Why mini: the background evaluates its whole script at every wake of its service
 * worker, before it can answer the content script. zod's classic build is one
 * object of methods set up on every schema (about 85 KB of the background's 157 KB,
 * and each schema built at start-up); mini is functions the bundler keeps only
 * when used. The schemas and their checks are the same zod core, so what they
 * accept and the messages they give are unchanged.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// Mini ships without words for its messages: the English ones the classic build gives.
z.config(en());
// Extension pages forbid eval: tell zod not to try compiling validators with new Function.
z.config({ jitless: true });

export { z };
