/** The catalog pack compiled into the extension at build time from data/. */
import pack from 'virtual:between-takes/catalog';
import type { CatalogPack } from './types';

// The build validated every file against the schema before emitting this module.
export const bundledCatalog = pack as CatalogPack;
