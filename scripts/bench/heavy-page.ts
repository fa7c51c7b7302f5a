/**
 * A watch page of a real site's weight for the page-load section: the Netflix
 * fixture plus several files of generated script (about 4 MB in all), each
 * answered after a delay so that the page takes more than a second to load, as
 * a streaming site's player bundle does on a real connection. The scripts are
 * `async`, as the sites' bundles are: DOMContentLoaded comes early, so a
 * content script at document_idle is injected while the page is still loading.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { ROOT } from '../lib/browser';

/** Each script file's size and the delay before its answer: the last arrives after about 1.1 s. */
const FILES = [0, 1, 2, 3, 4].map((i) => ({ bytes: 800 * 1024, delayMs: 300 + i * 200 }));

/**
 * One generated script file: many small functions building objects, strings and
 * arrays (V8 parses them all, compiles those called), a quarter of them called
 * at start-up as a bundle initialises its modules. Deterministic, so every run
 * and every browser measures the same work.
 */
function scriptFile(file: number, bytes: number): string {
  const parts = [`(function(){"use strict";var registry={};\n`];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const name = `m${file}_${i}`;
    const part =
      `registry.${name}=function(input,options){var state={id:${i},label:"${name} component ${i % 97}",items:[]};` +
      `for(var k=0;k<(options&&options.n||${3 + (i % 7)});k++){state.items.push({key:"${name}-"+k,value:(input*${31 + (i % 13)}+k)%${1009 + i}});}` +
      `if(state.items.length>${i % 5}){state.summary=state.items.map(function(x){return x.key+":"+x.value;}).join(",");}` +
      `return state;};\n`;
    parts.push(part);
    size += part.length;
  }
  parts.push(
    `var names=Object.keys(registry);for(var j=0;j<names.length;j+=4){registry[names[j]](j,{n:4});}` +
      `window.__heavyScripts=(window.__heavyScripts||0)+1;})();\n`,
  );
  return parts.join('');
}

export interface HeavyPage {
  /** The total size of the generated scripts, bytes. */
  scriptBytes: number;
  /** Answers `url` with the page and its scripts' addresses with the scripts, each after its delay. */
  serve(context: BrowserContext, url: string): Promise<void>;
}

export function heavyWatchPage(): HeavyPage {
  const scripts = FILES.map(({ bytes, delayMs }, i) => ({
    path: `/bench-heavy/player-${i}.js`,
    body: scriptFile(i, bytes),
    delayMs,
  }));
  const fixture = readFileSync(join(ROOT, 'tests', 'fixtures', 'netflix', 'watch-healer-e14.html'), 'utf8');
  const tags = scripts.map((s) => `<script async src="${s.path}"></script>`).join('\n    ');
  const html = fixture.replace('</head>', `  ${tags}\n  </head>`);
  return {
    scriptBytes: scripts.reduce((sum, s) => sum + Buffer.byteLength(s.body), 0),
    async serve(context, url) {
      const origin = new URL(url).origin;
      await context.route(url, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
      );
      for (const script of scripts) {
        await context.route(`${origin}${script.path}`, async (route) => {
          await new Promise((resolve) => setTimeout(resolve, script.delayMs));
          await route.fulfill({ status: 200, contentType: 'text/javascript', body: script.body });
        });
      }
    },
  };
}
