import { join } from 'node:path';
import { compileCatalogDir } from '../../scripts/catalog-plugin';
import type { CatalogPack } from '../../utils/catalog/types';

/** The real catalog in data/, compiled as the build compiles it. */
export const catalog = compileCatalogDir(join(import.meta.dirname, '..', '..', 'data'));

/** The real catalog as the background reaches the bundled one: its version, and the pack read on demand (counted). */
export function bundledOf(pack: CatalogPack = catalog) {
  const bundled = {
    version: pack.version,
    loads: 0,
    load: async () => {
      bundled.loads++;
      return pack;
    },
  };
  return bundled;
}
