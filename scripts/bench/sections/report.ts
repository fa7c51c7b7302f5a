/** Writes the rows measured as docs/benchmarks.md and .json (artifacts/ for a partial run). */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../lib/browser';
import { writeMarkdown } from '../../lib/markdown';
import { fmt, QUICK, rows, type Row } from '../common';

/** Where the generated table ends in docs/benchmarks.md and the hand-written notes begin. */
const NOTES_MARKER = '<!-- notes below: written by hand, kept by npm run bench -->';

/** `partial`: only some sections ran (BENCH_ONLY), so the full table in docs/ stays. */
export async function report(partial: boolean): Promise<void> {
  const passed = (r: Row) => !r.budget || r.value <= r.budget.max;
  const lines = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} in Chromium (${QUICK ? 'quick run' : 'full run'}), on this project's 2-core CI machine. Budgets are checked by \`npm run bench:check\`.`,
    '',
    '| section | measure | value | baseline (same run) | budget | |',
    '| --- | --- | ---: | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.section} | ${r.measure} | ${fmt(r.value)} ${r.unit} | ${r.baseline ? `${r.baseline.label}: ${fmt(r.baseline.value)}` : ''} | ${r.budget ? `≤ ${fmt(r.budget.max)} ${r.budget.label}` : ''} | ${r.budget ? (passed(r) ? 'ok' : '**missed**') : ''} |`,
    ),
    '',
  ];
  const dir = join(ROOT, partial ? 'artifacts' : 'docs');
  mkdirSync(dir, { recursive: true });
  // The notes written by hand under the table (what each change bought) are kept as they are.
  const kept = join(ROOT, 'docs', 'benchmarks.md');
  const notes = existsSync(kept) ? readFileSync(kept, 'utf8').split(NOTES_MARKER)[1] : undefined;
  await writeMarkdown(
    join(dir, 'benchmarks.md'),
    lines.join('\n') + (notes === undefined ? '' : `\n${NOTES_MARKER}${notes}`),
  );
  writeFileSync(
    join(dir, 'benchmarks.json'),
    JSON.stringify({ date: new Date().toISOString(), quick: QUICK, rows }, null, 2) + '\n',
  );
  console.log(`\n${lines.slice(4).join('\n')}\n\nWrote ${dir}/benchmarks.md and benchmarks.json`);
}
