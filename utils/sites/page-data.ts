/** Small readers for the layers a streaming page offers, shared by the adapters. */

/** The longest title we read from a page; anything longer is not a show title. */
export const MAX_TITLE_LENGTH = 200;

/**
 * An element's text as a viewer sees it: whitespace collapsed, invisible
 * formatting characters (bidi marks, zero-width joiners) and control characters
 * removed; '' when absent or implausibly long.
 */
export function cleanText(value: string | null | undefined): string {
  if (!value) return '';
  const text = value
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
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
