/**
 * The whole test command (`npm test`): format, lint, types, the catalog check,
 * unit tests, the builds with their store zips and the zips' check, and the
 * end-to-end tests in Chromium. Every stage runs even when an earlier one
 * fails, so one run shows everything that is wrong. Each check (format, lint,
 * types, catalog, each build and zip, the zip check) counts as one test; the
 * Vitest suites count their tests. The last line is "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/browser';

const ARTIFACTS = join(ROOT, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

let passed = 0;
let failed = 0;
const failures: string[] = [];

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', npm_config_loglevel: 'error' },
  });
  return result.status === 0;
}

function check(name: string, command: string, args: string[]) {
  console.log(`\n── ${name} ──`);
  if (run(command, args)) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

function vitest(name: string, config: string) {
  console.log(`\n── ${name} ──`);
  const report = join(ARTIFACTS, `${name.replace(/\W+/g, '-')}.json`);
  rmSync(report, { force: true });
  const ok = run('npx', [
    'vitest',
    'run',
    '-c',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numTotalTests: number;
    };
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    // A suite that failed to load has no failed test but is still a failure.
    if (!ok && json.numFailedTests === 0) failed++;
    if (!ok) failures.push(name);
  } catch {
    failed++;
    failures.push(`${name} (no report)`);
  }
}

check('format (prettier)', 'npx', ['prettier', '--check', '.']);
check('lint (eslint)', 'npx', ['eslint', '.']);
check('types (tsc)', 'npx', ['tsc', '--noEmit']);
// The catalog's editorial rules, and docs/catalog.md up to date with data/.
check('catalog (catalog:check)', 'npx', ['tsx', 'scripts/catalog-check.ts', '--verify']);
vitest('unit tests', 'vitest.config.ts');
// `npm run zip`, one browser a stage: each builds the extension into .output/ and zips it
// (Firefox also zips the sources addons.mozilla.org asks for).
check('build and zip (wxt, chrome)', 'npx', ['wxt', 'zip']);
check('build and zip (wxt, firefox)', 'npx', ['wxt', 'zip', '-b', 'firefox']);
// The zips as the stores take them: addons-linter finds no error in the Firefox zip and
// only the warnings store/README.md explains, and the sources zip rebuilds it file for file.
check('store zips (zip-check, addons-linter)', 'npx', ['tsx', 'scripts/zip-check.ts']);
vitest('end-to-end tests', 'vitest.e2e.config.ts');

console.log('');
if (failures.length) console.log(`Failed: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
