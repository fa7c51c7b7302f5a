/** Section 1: the content scripts' size, raw and gzip (budget: 25 KB gzip, not growing with the catalog). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../../lib/browser';
import { record } from '../common';

export function contentScriptSizes() {
  console.log('\nContent scripts');
  const dir = join(EXTENSION_DIR, 'content-scripts');
  let raw = 0;
  const chunks: Buffer[] = [];
  for (const name of readdirSync(dir).filter((n) => /\.(js|css)$/.test(n))) {
    const bytes = readFileSync(join(dir, name));
    raw += statSync(join(dir, name)).size;
    chunks.push(bytes);
  }
  const gzip = gzipSync(Buffer.concat(chunks), { level: 9 }).length;
  record({ section: 'content scripts', measure: 'JS + CSS raw', value: raw / 1024, unit: 'KB' });
  record({
    section: 'content scripts',
    measure: 'JS + CSS gzip',
    value: gzip / 1024,
    unit: 'KB',
    budget: { max: 25, label: 'KB' },
  });
}
