import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWarnings, documentedWarnings, fileKey, type LinterMessage } from '../../scripts/lib/lint-warnings';

const warning = (code: string, file: string): LinterMessage => ({ code, file, message: 'm', line: 1, column: 1 });

const doc = (rows: string[], after = '') =>
  [
    '# Store package',
    '',
    '| code | file |',
    '| `NOT_IN_SECTION` | `x.js` | before the section |',
    '',
    '## addons-linter warnings',
    '',
    '| code | file | what | why |',
    '| ---- | ---- | ---- | --- |',
    ...rows,
    '',
    after,
  ].join('\n');

describe('the addons-linter warnings list', () => {
  it("writes a chunk's content hash as *, and leaves other names alone", () => {
    expect(fileKey('chunks/settings-store-CalwvS2x.js')).toBe('chunks/settings-store-*.js');
    expect(fileKey('assets/popup-D6YpB8a4.css')).toBe('assets/popup-*.css');
    expect(fileKey('content-scripts/watch.js')).toBe('content-scripts/watch.js');
    expect(fileKey('search-early-read.js')).toBe('search-early-read.js');
    expect(fileKey(undefined)).toBe('(no file)');
  });

  it('reads the rows of its own section only', () => {
    const markdown = doc(
      ['| `DANGEROUS_EVAL` | `background.js` | a | b |', '| `UNSAFE_VAR_ASSIGNMENT` | `chunks/x-*.js` | a | b |'],
      '## Later\n\n| `LATER_SECTION` | `y.js` | a | b |',
    );
    expect(documentedWarnings(markdown)).toEqual([
      'DANGEROUS_EVAL background.js',
      'UNSAFE_VAR_ASSIGNMENT chunks/x-*.js',
    ]);
    expect(documentedWarnings('# No section here')).toEqual([]);
  });

  it('accepts warnings the list explains, whatever their chunk hash', () => {
    const listed = ['UNSAFE_VAR_ASSIGNMENT chunks/settings-store-*.js', 'DANGEROUS_EVAL background.js'];
    const found = [
      warning('DANGEROUS_EVAL', 'background.js'),
      warning('UNSAFE_VAR_ASSIGNMENT', 'chunks/settings-store-Zz9_aB12.js'),
    ];
    expect(compareWarnings(found, listed)).toEqual({ undocumented: [], stale: [] });
  });

  it('names a new warning, and a listed one that no longer occurs', () => {
    const listed = ['DANGEROUS_EVAL background.js', 'UNSAFE_VAR_ASSIGNMENT content-scripts/watch.js'];
    const newOne = warning('UNSAFE_VAR_ASSIGNMENT', 'popup.js');
    expect(compareWarnings([warning('DANGEROUS_EVAL', 'background.js'), newOne], listed)).toEqual({
      undocumented: [newOne],
      stale: ['UNSAFE_VAR_ASSIGNMENT content-scripts/watch.js'],
    });
  });

  it('counts: one row explains one warning, so a second of the same kind in the same file is new', () => {
    const twice = [warning('DANGEROUS_EVAL', 'background.js'), warning('DANGEROUS_EVAL', 'background.js')];
    expect(compareWarnings(twice, ['DANGEROUS_EVAL background.js']).undocumented).toHaveLength(1);
  });

  it('store/README.md lists warnings in that form', () => {
    const listed = documentedWarnings(
      readFileSync(join(import.meta.dirname, '..', '..', 'store', 'README.md'), 'utf8'),
    );
    expect(listed.length).toBeGreaterThan(0);
    for (const key of listed) expect(key).toMatch(/^[A-Z_]+ \S+$/);
  });
});
