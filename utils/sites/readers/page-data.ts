/** Small readers for the layers a streaming page offers, shared by the adapters. */
import { MAX_EPISODE } from './episode-label';

/** The longest title we read from a page; anything longer is not a show title. */
export const MAX_TITLE_LENGTH = 200;

/** The longest series id we keep; site ids are short (Viki "21789c", WeTV "air11ooo2rdsdi3"). */
export const MAX_SERIES_ID_LENGTH = 100;

/**
 * An element's text as a viewer sees it: whitespace collapsed, invisible
 * formatting characters (bidi marks, zero-width joiners) and control characters
 * removed; '' when absent or implausibly long.
 */
export function cleanText(value: string | null | undefined): string {
  if (!value) return '';
  const text = value
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return text.length > MAX_TITLE_LENGTH ? '' : text;
}

/** The text of the first element matching `selector`, cleaned; '' when none. */
export function textOf(root: ParentNode, selector: string): string {
  return cleanText(root.querySelector(selector)?.textContent);
}

/** The content of a `<meta property|name="…">`, cleaned; '' when none. */
export function metaContent(doc: Document, key: string): string {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return cleanText(el?.getAttribute('content'));
}

/** Every JSON-LD object in the page, flattened out of arrays and @graph. */
export function jsonLdObjects(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      out.push(obj);
      if (Array.isArray(obj['@graph'])) visit(obj['@graph']);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A page's broken JSON-LD is the page's problem; fall back to other layers.
    }
  }
  return out;
}

/** Removes duplicates and empties, keeping the first (most trusted) of each. */
export function uniqueTitles(titles: string[]): string[] {
  return [...new Set(titles.map(cleanText).filter((t) => t.length > 0))];
}

/** The last path segment of a URL, decoded; '' when it cannot be decoded. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

/** A series id as a site writes it, or undefined when it is not a plausible id. */
export function seriesIdOf(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const id = String(value).trim();
  return id.length > 0 && id.length <= MAX_SERIES_ID_LENGTH && /^[\p{L}\p{N}._~-]+$/u.test(id) ? id : undefined;
}

/**
 * The page's Next.js data (`<script id="__NEXT_DATA__">`, else `window.__NEXT_DATA__`
 * as the page world's answer carries it), or undefined when absent or broken.
 * Next.js writes it once, for the page as loaded, and leaves it in place on
 * client-side navigation: each adapter checks that it still describes the video
 * in the URL before believing it.
 */
export function nextData(doc: Document, page?: { next?: unknown }): unknown {
  try {
    return JSON.parse(doc.getElementById('__NEXT_DATA__')?.textContent ?? '');
  } catch {
    return page?.next;
  }
}

/** The value at `path` inside parsed JSON, or undefined when any step is missing. */
export function pathValue(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A string at `path` inside parsed JSON, cleaned; '' when absent. */
export function stringAt(value: unknown, path: readonly string[]): string {
  const found = pathValue(value, path);
  return typeof found === 'string' ? cleanText(found) : '';
}

/** An episode number at `path` (a number or digit string, 1 to MAX_EPISODE), or undefined. */
export function numberAt(value: unknown, path: readonly string[]): number | undefined {
  const found = pathValue(value, path);
  const n = typeof found === 'string' && /^\d+$/.test(found.trim()) ? Number(found) : found;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= MAX_EPISODE ? n : undefined;
}

/** Open shadow roots nest at most this deep on the players we know; bounds the walk. */
const MAX_SHADOW_DEPTH = 4;

/**
 * The first element matching `selector` in `root` or inside any open shadow root
 * below it. Players built as web components (Disney+) keep their `<video>` and
 * title fields in a shadow root that querySelector does not enter.
 */
export function queryDeep(root: ParentNode, selector: string, depth = 0): Element | null {
  const found = root.querySelector(selector);
  if (found || depth >= MAX_SHADOW_DEPTH) return found;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const inner = queryDeep(el.shadowRoot, selector, depth + 1);
      if (inner) return inner;
    }
  }
  return null;
}

/** The text of the first element matching `selector`, searching open shadow roots too. */
export function textDeep(root: ParentNode, selector: string): string {
  return cleanText(queryDeep(root, selector)?.textContent);
}

/**
 * The element around the page's `<video>` that can hold the overlay: the
 * video's parent, or, when the video sits in a shadow root, the parent of the
 * outermost shadow host (a child added to a shadow host itself is not rendered).
 */
export function videoContainer(doc: Document): Element | null {
  const video = queryDeep(doc, 'video');
  if (!video) return null;
  let node: Element = video;
  let root = node.getRootNode();
  while (root !== doc && 'host' in root) {
    node = (root as ShadowRoot).host;
    root = node.getRootNode();
  }
  return node === video ? video.parentElement : node.parentElement;
}

/** The first element found for the first selector that finds one: selectors in order of preference, not of document position. */
export function firstOf(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}
