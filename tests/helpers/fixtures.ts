import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures');

export function fixtureHtml(name: string): string {
  return readFileSync(join(FIXTURES_DIR, name), 'utf8');
}

/**
 * A saved page as a Document at `url`, its scripts not run: what an adapter sees
 * of the page as served, before any of the page's own code changes it.
 */
export function fixtureDocument(name: string, url: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  window.document.write(fixtureHtml(name));
  return window.document as unknown as Document;
}
