import { join } from 'node:path';
import { compileCatalogDir } from '../../scripts/catalog-plugin';

/** The real catalog in data/, compiled as the build compiles it. */
export const catalog = compileCatalogDir(join(import.meta.dirname, '..', '..', 'data'));
