/**
 * The whole test command (`npm test`): format, lint, types, the catalog check, unit tests,
 * the builds and store zips, and the end-to-end tests in Chromium and Firefox. Every stage
 * runs even when an earlier one fails, so one run shows everything that is wrong.
 *
 * Counts that cannot hide anything: the checks (format, lint, types, catalog, builds,
 * zips) are reported on a line of their own, apart from the tests. Every test that was
 * meant to run counts: a skipped or todo test counts as failed and is named, and so does
 * each test of a suite that failed to start (Vitest reports those as skipped); a test file
 * that could not be loaded at all, whose tests Vitest never saw, counts as one failure and
 * is named. The end-to-end count is given per browser. The last line is
 * "N passed, N failed", over the tests; any failed check also makes the command fail.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/browser';
import { countReport, type VitestReport } from './lib/test-counts';

const ARTIFACTS = join(ROOT, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

interface Tally {
  passed: number;
  failed: number;
}
const checks: Tally = { passed: 0, failed: 0 };
const failedChecks: string[] = [];
/** Test counts by suite name ("unit", "end to end, Chromium"…). */
const suites = new Map<string, Tally>();
/** Tests that failed, did not run, or files that did not load, by name. */
const problems: string[] = [];

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
  if (run(command, args)) checks.passed++;
  else {
    checks.failed++;
    failedChecks.push(name);
  }
}

function tally(suite: string): Tally {
  let counts = suites.get(suite);
  if (!counts) suites.set(suite, (counts = { passed: 0, failed: 0 }));
  return counts;
}

/**
 * Runs a Vitest config and counts its tests into suites: `suiteOf` names the suite of a
 * test from its full name (e.g. by browser).
 */
function vitest(name: string, config: string, suiteOf: (fullName: string) => string | undefined = () => name) {
  console.log(`\n── ${name} ──`);
  const reportFile = join(ARTIFACTS, `${name.replace(/\W+/g, '-')}.json`);
  rmSync(reportFile, { force: true });
  run('npx', [
    'vitest',
    'run',
    '-c',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
  ]);
  let report: VitestReport;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as VitestReport;
  } catch {
    tally(name).failed++;
    problems.push(`${name}: Vitest wrote no report`);
    return;
  }
  for (const test of countReport(report, ROOT, suiteOf)) {
    const counts = tally(test.suite ?? name);
    if (test.problem) {
      counts.failed++;
      problems.push(test.problem);
    } else counts.passed++;
  }
}

check('format (prettier)', 'npx', ['prettier', '--check', '.']);
check('lint (eslint)', 'npx', ['eslint', '.']);
check('types (tsc)', 'npx', ['tsc', '--noEmit']);
// The catalog's editorial rules, and docs/catalog.md up to date with data/.
check('catalog (catalog:check)', 'npx', ['tsx', 'scripts/catalog-check.ts', '--verify']);
vitest('unit', 'vitest.config.ts');
// `npm run zip`, one browser a stage: each builds the extension into .output/ and zips it
// (Firefox also zips the sources addons.mozilla.org asks for).
check('build and zip (wxt, chrome)', 'npx', ['wxt', 'zip']);
check('build and zip (wxt, firefox)', 'npx', ['wxt', 'zip', '-b', 'firefox']);
// The zips as the stores take them: addons-linter finds no error in the Firefox zip and
// only the warnings store/README.md explains, and the sources zip rebuilds it file for file.
check('store zips (zip-check, addons-linter)', 'npx', ['tsx', 'scripts/zip-check.ts']);
// The journeys run in both browsers ("in Firefox > …"); the other end-to-end files in Chromium.
vitest('end to end', 'vitest.e2e.config.ts', (fullName) =>
  fullName.startsWith('in Firefox ') ? 'end to end, Firefox' : 'end to end, Chromium',
);

const total = [...suites.values()].reduce(
  (sum, t) => ({ passed: sum.passed + t.passed, failed: sum.failed + t.failed }),
  {
    passed: 0,
    failed: 0,
  },
);
console.log('');
if (problems.length) console.log(['Tests that failed or did not run:', ...problems.map((p) => `  ${p}`)].join('\n'));
console.log(
  `Checks: ${checks.passed} passed, ${checks.failed} failed${failedChecks.length ? ` (${failedChecks.join(', ')})` : ''}`,
);
for (const [suite, t] of suites) console.log(`Tests, ${suite}: ${t.passed} passed, ${t.failed} failed`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exitCode = total.failed === 0 && checks.failed === 0 ? 0 : 1;
