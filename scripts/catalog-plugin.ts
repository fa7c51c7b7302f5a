/**
 * A Vite plugin that validates data/ and serves the compiled pack as the virtual
 * module `virtual:between-takes/catalog`, and its version alone as
 * `virtual:between-takes/catalog-version`. A bad catalog file fails the build
 * with the file, the field and the reason. Used by wxt.config.ts and
 * vitest.config.ts; wxt.config.ts also writes the pack as catalog.json
 * (BUNDLED_CATALOG_FILE), which the extension reads only when it seeds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileCatalog, type CatalogFile } from '../utils/catalog/compile';
import type { CatalogPack } from '../utils/catalog/types';

const VIRTUAL_ID = 'virtual:between-takes/catalog';
const VERSION_ID = 'virtual:between-takes/catalog-version';
const RESOLVED_IDS: Record<string, string> = { [VIRTUAL_ID]: '\0' + VIRTUAL_ID, [VERSION_ID]: '\0' + VERSION_ID };

/** Reads and compiles the catalog in `dataDir` (throws CatalogError). */
export function compileCatalogDir(dataDir: string, root = process.cwd()): CatalogPack {
  const read = (path: string): CatalogFile => ({ path: relative(root, path), text: readFileSync(path, 'utf8') });
  const dramasDir = join(dataDir, 'dramas');
  const dramaFiles = readdirSync(dramasDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => read(join(dramasDir, name)));
  return compileCatalog(read(join(dataDir, 'sources.json')), dramaFiles);
}

export function catalogPlugin(dataDir: string): Plugin {
  return {
    name: 'between-takes-catalog',
    resolveId(id) {
      return RESOLVED_IDS[id];
    },
    load(id) {
      if (id !== RESOLVED_IDS[VIRTUAL_ID] && id !== RESOLVED_IDS[VERSION_ID]) return undefined;
      // Rebuild when any catalog file changes under `wxt` dev. Absolute paths:
      // Vitest's transform takes a relative watch file for an import to resolve.
      const dir = resolve(dataDir);
      this.addWatchFile(join(dir, 'sources.json'));
      for (const name of readdirSync(join(dir, 'dramas'))) this.addWatchFile(join(dir, 'dramas', name));
      const pack = compileCatalogDir(dataDir);
      if (id === RESOLVED_IDS[VERSION_ID]) return `export default ${JSON.stringify(pack.version)};`;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(pack))});`;
    },
  };
}
