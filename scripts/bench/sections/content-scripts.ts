/**
 * Section 1: the content script's size, raw and gzip: the loader the browser parses
 * at injection (the manifest's content scripts), and the module it imports once the
 * page has loaded (utils/sites/watch-scripts.ts). Budget: 25 KB gzip for both
 * together, not growing with the catalog; the loader a few hundred bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../../lib/browser';
import { WATCH_MODULE_FILE } from '../../../utils/sites/watch-scripts';
import { record } from '../common';

/** The files the manifest has the browser inject: what it parses at injection. */
function injectedFiles(): string[] {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  return [...new Set((manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]))];
}

const read = (files: string[]) => files.map((file) => readFileSync(join(EXTENSION_DIR, file)));
const raw = (chunks: Buffer[]) => chunks.reduce((sum, chunk) => sum + chunk.length, 0);
const gzip = (chunks: Buffer[]) => gzipSync(Buffer.concat(chunks), { level: 9 }).length;

export function contentScriptSizes() {
  console.log('\nContent scripts');
  const loader = read(injectedFiles());
  const module = read([WATCH_MODULE_FILE]);
  record({
    section: 'content scripts',
    measure: 'loader, parsed at injection (raw)',
    value: raw(loader),
    unit: 'B',
    baseline: { label: 'gzip', value: gzip(loader) },
    budget: { max: 1024, label: 'B' },
  });
  record({
    section: 'content scripts',
    measure: 'module, imported after load (JS + CSS raw)',
    value: raw(module) / 1024,
    unit: 'KB',
    baseline: { label: 'gzip', value: gzip(module) / 1024 },
  });
  record({
    section: 'content scripts',
    measure: 'loader + module, JS + CSS raw',
    value: raw([...loader, ...module]) / 1024,
    unit: 'KB',
  });
  record({
    section: 'content scripts',
    measure: 'loader + module, JS + CSS gzip',
    value: gzip([...loader, ...module]) / 1024,
    unit: 'KB',
    budget: { max: 25, label: 'KB' },
  });
}
