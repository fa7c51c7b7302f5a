/**
 * Builds the content script's loader (entrypoints/watch-loader/loader.ts) into one
 * small classic script with esbuild, for wxt.config.ts (its build:publicAssets hook
 * adds the result to the extension). WXT would build it as an unlisted script
 * wrapped in its runtime (a definition helper, a logger, a try/catch), which
 * doubled its size; and this is the file the browser parses in every frame of the
 * supported sites, before they have loaded.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';

export async function buildWatchLoader(root: string): Promise<string> {
  const { outputFiles } = await build({
    entryPoints: [resolve(root, 'entrypoints', 'watch-loader', 'loader.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    // Optional chaining and import() as they are: both browsers have had them for years.
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return outputFiles[0]!.text;
}
