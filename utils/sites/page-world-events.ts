/**
 * The two DOM events between the content script and the page-world reader
 * (apart from page-world.ts so the reader, which runs in the page, carries
 * nothing else of ours).
 */

/** The content script asks with this event (no detail); the page-world reader answers at once. */
export const PAGE_ASK = 'between-takes:page-ask';
/** The page-world reader's answer, and its news when what it reads changes: detail is a JSON string. */
export const PAGE_DATA = 'between-takes:page-data';
