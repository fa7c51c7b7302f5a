import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures');

export function fixtureHtml(name: string): string {
  return readFileSync(join(FIXTURES_DIR, name), 'utf8');
}

/**
 * A fixture page as a Document at `url`, its scripts not run: what an adapter sees
 * of the page as served, before any of the page's own code changes it.
 */
export function fixtureDocument(name: string, url: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  window.document.write(fixtureHtml(name));
  attachDeclarativeShadowRoots(window.document as unknown as Document);
  return window.document as unknown as Document;
}

/**
 * Does what a browser's parser does with `<template shadowrootmode="open">`
 * (declarative shadow DOM), which happy-dom's parser does not: the template's
 * content becomes an open shadow root of its parent.
 */
function attachDeclarativeShadowRoots(root: Document | ShadowRoot) {
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({
      mode: template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open',
    });
    shadow.append(template.content.cloneNode(true));
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}
