/**
 * The catalog the extension ships, as the extension reads it: its version is
 * compiled in (a few bytes), the pack itself is catalog.json in the package
 * (wxt.config.ts writes it at build time), fetched only when the database must
 * be seeded, or when IndexedDB is unavailable. A background start with the
 * catalog already seeded never parses it: it used to be a module of the
 * background's, evaluated at every wake.
 */
import version from 'virtual:between-takes/catalog-version';
import { browser } from 'wxt/browser';
import { BUNDLED_CATALOG_FILE } from './bundled-name';
import type { CatalogPack } from './types';

let pack: Promise<CatalogPack> | undefined;

async function fetchPack(): Promise<CatalogPack> {
  // A file the build writes, not one of public/: WXT's list of public paths does not name it.
  const path = `/${BUNDLED_CATALOG_FILE}` as Parameters<typeof browser.runtime.getURL>[0];
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`Between Takes: the built-in catalog could not be read (${response.status}).`);
  const read = (await response.json()) as CatalogPack;
  // The build validated the pack and compiled its version in beside it; a mismatch is a broken package.
  if (read.version !== version)
    throw new Error('Between Takes: the built-in catalog is not the one this build expects.');
  return read;
}

/** The bundled catalog: its version, and the pack read once on demand (a failed read is tried again next time). */
export const bundledCatalogFile = {
  version,
  load(): Promise<CatalogPack> {
    pack ??= fetchPack().catch((err: unknown) => {
      pack = undefined;
      throw err;
    });
    return pack;
  },
};
