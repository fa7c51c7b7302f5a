/**
 * Checks the store zips `npm run zip` wrote, as the stores take them (`npm test`
 * runs it right after `wxt zip` and `wxt zip -b firefox`):
 *
 * - the Chrome and Firefox zips hold exactly the built extension (.output/chrome-mv3, firefox-mv2);
 * - Mozilla's addons-linter finds no error in the Firefox zip, and its warnings are exactly
 *   those store/README.md lists with the reason each is harmless;
 * - the sources zip for addons.mozilla.org's reviewers holds the build's inputs and no
 *   node_modules, build output or tests, and rebuilds the Firefox extension file for file
 *   (unpacked into a temporary folder, this repository's node_modules linked in for `npm ci`).
 *
 * Exit 1 lists every problem.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { ROOT } from './lib/browser';
import { compareWarnings, documentedWarnings, WARNINGS_HEADING, type LinterMessage } from './lib/lint-warnings';
import { readZip } from './lib/zip';

const OUTPUT = join(ROOT, '.output');
const WARNINGS_DOC = 'store/README.md';
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
// WXT's default artifact names: {{name}}-{{packageVersion}}-{{browser}}.zip and -sources.zip.
const ZIPS = {
  chrome: join(OUTPUT, `${name}-${version}-chrome.zip`),
  firefox: join(OUTPUT, `${name}-${version}-firefox.zip`),
  sources: join(OUTPUT, `${name}-${version}-sources.zip`),
};
/** What a reviewer needs beside the code folders to rebuild. */
const REQUIRED_SOURCES = [
  'package.json',
  'package-lock.json',
  'wxt.config.ts',
  'tsconfig.json',
  'SOURCE-BUILD.md',
  'PRIVACY.md',
  'scripts/catalog-plugin.ts',
  'data/sources.json',
  'public/_locales/en/messages.json',
];
/** Never in the sources zip: installed packages, build output, the tests and their fixtures. */
const FORBIDDEN_SOURCES = /^(node_modules|\.output|\.wxt|artifacts|tests|docs|demo|store)\//;

const problems: string[] = [];
const show = (path: string) => relative(ROOT, path);
/** A list of files, the first few named. */
const fileList = (list: string[]) =>
  list.slice(0, 8).join(', ') + (list.length > 8 ? ` and ${list.length - 8} more` : '');

/** Every file under `dir`, by its path relative to `dir`. */
function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split('\\').join('/'), readFileSync(path));
  }
  return files;
}

/** Problems where `actual` differs from `expected`, file for file. */
function sameFiles(what: string, actual: Map<string, Buffer>, expected: Map<string, Buffer>, against: string) {
  const missing = [...expected.keys()].filter((file) => !actual.has(file));
  const extra = [...actual.keys()].filter((file) => !expected.has(file));
  const differ = [...expected.keys()].filter(
    (file) => actual.has(file) && !actual.get(file)!.equals(expected.get(file)!),
  );
  if (missing.length) problems.push(`${what} lacks ${fileList(missing)} (in ${against})`);
  if (extra.length) problems.push(`${what} has ${fileList(extra)}, which ${against} has not`);
  if (differ.length) problems.push(`${what} differs from ${against} in ${fileList(differ)}`);
  if (expected.size === 0) problems.push(`${against} is empty`);
}

function zipOrProblem(path: string): Map<string, Buffer> | undefined {
  try {
    return readZip(path);
  } catch (error) {
    problems.push(
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? `${show(path)} is missing: run "npm run zip" first`
        : (error as Error).message,
    );
    return undefined;
  }
}

// 1. The extension zips are the built extension.
for (const [browser, dir] of [
  ['chrome', 'chrome-mv3'],
  ['firefox', 'firefox-mv2'],
] as const) {
  const zip = zipOrProblem(ZIPS[browser]);
  if (zip) sameFiles(show(ZIPS[browser]), zip, readTree(join(OUTPUT, dir)), `.output/${dir}`);
}

// 2. addons-linter on the Firefox zip: no errors, and only the warnings store/README.md explains.
const lint = spawnSync('npx', ['addons-linter', '--output', 'json', ZIPS.firefox], {
  cwd: ROOT,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
let report: { errors: LinterMessage[]; warnings: LinterMessage[]; notices: LinterMessage[] } | undefined;
try {
  report = JSON.parse(lint.stdout) as typeof report;
} catch {
  problems.push(`addons-linter gave no report (exit ${lint.status}): ${lint.stderr.trim().slice(0, 500)}`);
}
if (report) {
  const where = (m: LinterMessage) => `${m.file ?? '(no file)'}${m.line ? `:${m.line}:${m.column ?? 0}` : ''}`;
  console.log(
    `addons-linter on ${show(ZIPS.firefox)}: ${report.errors.length} errors, ` +
      `${report.warnings.length} warnings, ${report.notices.length} notices`,
  );
  for (const kind of ['errors', 'warnings', 'notices'] as const) {
    for (const m of report[kind]) console.log(`  ${kind.slice(0, -1)} ${m.code} at ${where(m)}: ${m.message}`);
  }
  for (const error of report.errors)
    problems.push(`addons-linter error ${error.code} at ${where(error)}: ${error.message}`);
  const listed = documentedWarnings(readFileSync(join(ROOT, WARNINGS_DOC), 'utf8'));
  const { undocumented, stale } = compareWarnings(report.warnings, listed);
  for (const warning of undocumented) {
    problems.push(
      `addons-linter warns ${warning.code} at ${where(warning)} (${warning.message}), which ${WARNINGS_DOC} ` +
        `does not list under "${WARNINGS_HEADING}": read the code it points at, then fix it or list it with the reason it is harmless`,
    );
  }
  for (const key of stale)
    problems.push(`${WARNINGS_DOC} lists "${key}", which addons-linter no longer reports: remove it`);
}

// 3. The sources zip: the build's inputs only, and they rebuild the Firefox extension.
const sources = zipOrProblem(ZIPS.sources);
if (sources) {
  for (const file of REQUIRED_SOURCES) if (!sources.has(file)) problems.push(`${show(ZIPS.sources)} lacks ${file}`);
  const forbidden = [...sources.keys()].filter((file) => FORBIDDEN_SOURCES.test(file));
  if (forbidden.length) problems.push(`${show(ZIPS.sources)} should not hold ${fileList(forbidden)}`);

  const dir = mkdtempSync(join(tmpdir(), 'between-takes-sources-'));
  try {
    for (const [file, content] of sources) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), content);
    }
    // In place of `npm ci`, which needs the network: the same packages, from package-lock.json.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    console.log(`Rebuilding the Firefox extension from ${show(ZIPS.sources)} in ${dir}`);
    const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
    if (build.status !== 0) {
      problems.push(`the sources zip does not build: ${(build.stderr || build.stdout).trim().slice(-2000)}`);
    } else {
      sameFiles(
        'the build from the sources zip',
        readTree(join(dir, '.output', 'firefox-mv2')),
        readTree(join(OUTPUT, 'firefox-mv2')),
        '.output/firefox-mv2',
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (problems.length) {
  console.error(`\nThe store zips have ${problems.length} problem${problems.length === 1 ? '' : 's'}:`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exitCode = 1;
} else {
  console.log(
    `\nThe store zips are sound: ${[ZIPS.chrome, ZIPS.firefox, ZIPS.sources].map(show).join(', ')} ` +
      '(the sources rebuild the Firefox extension file for file).',
  );
}
