/**
 * One set of design tokens (components/tokens.css) for every surface: the
 * overlay, the own-facts frame, the popup and the options page import it, use
 * no colour of their own, and use no token it does not define, in light and dark.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

const TOKENS = 'components/tokens.css';
const SHEETS = {
  'entrypoints/watch/overlay.css': "@import '../../components/tokens.css';",
  'entrypoints/own-facts/own-facts.css': "@import '../watch/overlay.css';",
  'entrypoints/popup/popup.css': "@import '../../components/tokens.css';",
  'entrypoints/options/options.css': "@import '../../components/tokens.css';",
};

/** The custom properties a stylesheet defines, and those it reads. */
const defined = (css: string) => new Set([...css.matchAll(/(--bt-[\w-]+)\s*:/g)].map((m) => m[1]!));
const used = (css: string) => new Set([...css.matchAll(/var\((--bt-[\w-]+)/g)].map((m) => m[1]!));
/** The declarations of the first rule whose selector list starts with `selector`. */
const rule = (css: string, selector: string) => css.slice(css.indexOf(selector)).split('}')[0]!;

describe('design tokens', () => {
  const tokens = read(TOKENS);

  it.each(Object.entries(SHEETS))('%s imports them', (sheet, line) => {
    expect(read(sheet)).toContain(line);
  });

  it.each(Object.keys(SHEETS))('%s reads only tokens that are defined', (sheet) => {
    const css = read(sheet);
    const own = defined(css);
    const overlay = sheet.includes('own-facts') ? defined(read('entrypoints/watch/overlay.css')) : new Set();
    const missing = [...used(css)].filter((name) => !defined(tokens).has(name) && !own.has(name) && !overlay.has(name));
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(SHEETS))('%s uses no colour of its own (the options preview’s stand-in video apart)', (sheet) => {
    const css = read(sheet).replace(/\.bt-preview-player\s*\{[^}]*\}/, '');
    expect(css.match(/#[0-9a-f]{3,8}\b|rgba?\(/gi) ?? []).toEqual([]);
  });

  it('defines the same colours in light and in dark, with a type scale, spacing and radii', () => {
    const colours = (selector: string) => [...defined(rule(tokens, selector))].sort();
    const light = colours(":root,\n:host([data-theme='light'])");
    expect(light).toContain('--bt-fg');
    expect(colours(":host,\n[data-theme='dark']")).toEqual(light);
    expect(colours(':root:not([data-theme])')).toEqual(light);
    const scales = [...defined(rule(tokens, ':root,\n:host {'))];
    for (const prefix of ['--bt-text-', '--bt-space-', '--bt-radius-'])
      expect(scales.filter((name) => name.startsWith(prefix)).length).toBeGreaterThan(1);
  });
});
