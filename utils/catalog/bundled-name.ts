/** The bundled pack's file name in the extension package: written by wxt.config.ts, read by bundled-file.ts. */
export const BUNDLED_CATALOG_FILE = 'catalog.json';
