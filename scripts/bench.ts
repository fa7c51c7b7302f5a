/**
 * `npm run bench`: what Between Takes costs a streaming page, measured in real
 * Chromium with the built extension, each figure beside a baseline from the
 * same run and its budget. Writes docs/benchmarks.md and docs/benchmarks.json;
 * `npm run bench:check` fails when a budget is missed. Set BENCH_QUICK=1 for a
 * shorter run (fewer samples, 15 s of playback) while working on it, and
 * BENCH_ONLY=size,load,recognition,steady,growth,catalog,popup to run some sections.
 * Each section is a file in scripts/bench/sections/; this file runs them in order.
 */
import { launchPlain, launchWithExtension } from './lib/browser';
import { contentScriptSizes } from './bench/sections/content-scripts';
import { growth } from './bench/sections/growth';
import { largeCatalog } from './bench/sections/large-catalog';
import { pageLoad } from './bench/sections/page-load';
import { toolbarPopup } from './bench/sections/popup';
import { recognitionLatency } from './bench/sections/recognition';
import { report } from './bench/sections/report';
import { steadyState } from './bench/sections/steady-state';

const only = process.env['BENCH_ONLY']?.split(',');
const runs = (name: string) => !only || only.includes(name);

if (runs('size')) contentScriptSizes();
if (['load', 'recognition', 'steady', 'growth', 'catalog'].some(runs)) {
  const ext = await launchWithExtension();
  const plain = await launchPlain();
  try {
    if (runs('load')) await pageLoad(ext.context, plain.context);
    if (runs('recognition')) await recognitionLatency(ext.context);
    if (runs('steady')) await steadyState(ext.context, plain.context);
    if (runs('growth')) await growth(ext.context);
    if (runs('catalog')) await largeCatalog(plain.context);
  } finally {
    await ext.close();
    await plain.close();
  }
}
// In a browser of its own, with no debugger attached, once the others are closed.
if (runs('popup')) await toolbarPopup();
await report(only !== undefined);
