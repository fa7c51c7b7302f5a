/**
 * What each built page loads before it can answer. The popup must be
 * interactive within 150 ms of opening (docs/benchmarks-search.md); zod, the
 * largest dependency, checks writes, which only the background makes, so the
 * popup's and the content script's code must not carry it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/browser';
import { WATCH_LOADER_FILE, WATCH_MODULE_FILE } from '../../utils/sites/watch-scripts';

const BUILT = join(ROOT, '.output', 'chrome-mv3');
/** A name zod v4 gives its core type at run time: minifying keeps it. */
const ZOD_MARKER = '$ZodType';

/** `entries` and every script they import statically, as paths inside the build. */
function loadedWith(entries: string[]): string[] {
  const found = new Set<string>();
  const visit = (file: string) => {
    if (found.has(file)) return;
    found.add(file);
    const code = readFileSync(join(BUILT, file), 'utf8');
    // Static imports only: `import(...)` chunks load when a feature needs them.
    const from = /\b(?:import|export)\s*(?:\{[^}]*\}|\*\s*as\s*[\w$]+|[\w$]+)\s*from\s*["']([^"']+)["']/g;
    const bare = /\bimport\s*["']([^"']+)["']/g;
    for (const [, spec] of [...code.matchAll(from), ...code.matchAll(bare)]) {
      visit(normalize(join(dirname(file), spec!)));
    }
  };
  entries.forEach(visit);
  return [...found];
}

/** Every script a page loads up front: its script and modulepreload tags, and their static imports. */
function scriptsOf(page: string): string[] {
  const html = readFileSync(join(BUILT, page), 'utf8');
  return loadedWith(
    [...html.matchAll(/<(?:script|link)[^>]*?(?:src|href)="\/?([^"]+\.js)"/g)].map(([, src]) => normalize(src!)),
  );
}

const carryZod = (scripts: string[]) =>
  scripts.filter((script) => readFileSync(join(BUILT, script), 'utf8').includes(ZOD_MARKER));

describe('the built extension’s bundles', () => {
  it('finds zod in what the background loads: it checks every write', () => {
    expect(carryZod(loadedWith(['background.js']))).not.toEqual([]);
  });

  it('loads the popup without zod', () => {
    const scripts = scriptsOf('popup.html');
    expect(scripts).toContain('search-early-read.js');
    expect(scripts.some((s) => s.startsWith('chunks/popup-'))).toBe(true);
    expect(scripts.length).toBeGreaterThan(3);
    expect(carryZod(scripts)).toEqual([]);
  });

  it('runs the content script, its loader and the module it imports, without zod', () => {
    expect(carryZod(loadedWith([WATCH_LOADER_FILE, WATCH_MODULE_FILE]))).toEqual([]);
  });
});
