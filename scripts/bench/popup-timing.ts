/**
 * The popup's time to interactive, as a viewer has it: the real toolbar popup,
 * opened by `chrome.action.openPopup()` in Chromium with no debugger attached.
 *
 * A bench copy of the built extension gets two extra pages (the shipped build
 * has neither): the harness (popup-harness.ts), which seeds the generated
 * catalog and opens the popup again and again, and a blank page with one
 * script, the floor any popup pays. The harness reports over HTTP to a server
 * on 127.0.0.1 that lives only for the run.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { EXTENSION_DIR, launchUnattached, ROOT } from '../lib/browser';
import { BLANK_MARK, BLANK_PAGE, type HarnessConfig, type HarnessResult } from './popup-protocol';

const BENCH_EXTENSION_DIR = join(ROOT, 'artifacts', 'bench-popup-extension');
const HARNESS_PAGE = 'bench-harness.html';
const TIMEOUT_MS = 15 * 60_000;

/** The built extension plus the harness and the blank page. */
async function prepareBenchExtension(): Promise<void> {
  rmSync(BENCH_EXTENSION_DIR, { recursive: true, force: true });
  mkdirSync(BENCH_EXTENSION_DIR, { recursive: true });
  cpSync(EXTENSION_DIR, BENCH_EXTENSION_DIR, { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'scripts', 'bench', 'popup-harness.ts')],
    outfile: join(BENCH_EXTENSION_DIR, 'bench-harness.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'error',
  });
  const page = (script: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body><script src="/${script}"></script></body></html>`;
  writeFileSync(join(BENCH_EXTENSION_DIR, HARNESS_PAGE), page('bench-harness.js'));
  writeFileSync(join(BENCH_EXTENSION_DIR, BLANK_PAGE), page('bench-blank.js'));
  writeFileSync(join(BENCH_EXTENSION_DIR, 'bench-blank.js'), `performance.mark(${JSON.stringify(BLANK_MARK)});\n`);
}

const bodyOf = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
  });

/** Runs the harness in a fresh profile and gives what it measured, with Chromium's version. */
export async function measurePopup(config: HarnessConfig): Promise<HarnessResult & { browser: string }> {
  await prepareBenchExtension();
  let settle!: { resolve(result: HarnessResult): void; reject(error: Error): void };
  const done = new Promise<HarnessResult>((resolve, reject) => (settle = { resolve, reject }));
  const server = createServer((request, response) => {
    // The harness is a chrome-extension:// page: a cross-origin request.
    response.setHeader('Access-Control-Allow-Origin', '*');
    if (request.method === 'GET' && request.url === '/config') {
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify(config));
      return;
    }
    void bodyOf(request).then((body) => {
      response.end();
      if (request.url === '/log') console.log(`  ${body}`);
      else if (request.url === '/result') settle.resolve(JSON.parse(body) as HarnessResult);
      else if (request.url === '/error') settle.reject(new Error(`The popup harness failed: ${body}`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await launchUnattached(BENCH_EXTENSION_DIR);
  const timer = setTimeout(() => settle.reject(new Error('The popup harness did not finish in time.')), TIMEOUT_MS);
  try {
    await browser.open(`chrome-extension://${browser.extensionId}/${HARNESS_PAGE}#${port}`);
    return { ...(await done), browser: browser.version };
  } finally {
    clearTimeout(timer);
    await browser.close();
    server.close();
  }
}
