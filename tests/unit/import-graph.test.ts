/**
 * The plan of the source tree, checked over its import graph (type imports
 * included): shared code in utils/ never reaches up into the UI or an
 * entrypoint, the UI never into an entrypoint, and the folders of utils/ form
 * no cycle (a lower folder never imports back from a folder that imports it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TOP = ['utils', 'components', 'entrypoints'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec.split('?')[0]!);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** Every relative import: [importing file, imported file], paths from the repository root. */
const edges: [string, string][] = TOP.flatMap((top) =>
  sourceFiles(join(ROOT, top)).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].flatMap(([, spec]) => {
      const target = resolveImport(file, spec!);
      return target ? [[relative(ROOT, file), relative(ROOT, target)] as [string, string]] : [];
    });
  }),
);

const under = (path: string, folder: string) => path.startsWith(`${folder}/`);

describe('the import graph', () => {
  it('is read from the real tree', () => {
    expect(edges.length).toBeGreaterThan(100);
    expect(edges).toContainEqual(['entrypoints/background/index.ts', 'entrypoints/background/router.ts']);
  });

  it('has utils/ import nothing from components/ or entrypoints/', () => {
    const upward = edges.filter(
      ([from, to]) => under(from, 'utils') && (under(to, 'components') || under(to, 'entrypoints')),
    );
    expect(upward).toEqual([]);
  });

  it('has components/ import nothing from entrypoints/', () => {
    expect(edges.filter(([from, to]) => under(from, 'components') && under(to, 'entrypoints'))).toEqual([]);
  });

  it('has no cycle between the folders of utils/', () => {
    const folders = new Map<string, Set<string>>();
    for (const [from, to] of edges) {
      if (!under(from, 'utils') || !under(to, 'utils')) continue;
      const a = dirname(from);
      const b = dirname(to);
      if (a === b) continue;
      folders.set(a, (folders.get(a) ?? new Set()).add(b));
    }
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (folder: string, path: string[]) => {
      if (state.get(folder) === 'done') return;
      if (state.get(folder) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(folder)), folder].join(' → '));
        return;
      }
      state.set(folder, 'visiting');
      for (const next of folders.get(folder) ?? []) visit(next, [...path, folder]);
      state.set(folder, 'done');
    };
    for (const folder of folders.keys()) visit(folder, []);
    expect(cycles).toEqual([]);
  });
});
