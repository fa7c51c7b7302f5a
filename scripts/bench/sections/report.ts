/** Writes the rows measured as docs/benchmarks.md and .json (artifacts/ for a partial run). */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../lib/browser';
import { writeMarkdown } from '../../lib/markdown';
import { fmt, QUICK, rows, type Row } from '../common';

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
  await writeMarkdown(join(dir, 'benchmarks.md'), lines.join('\n'));
  writeFileSync(
    join(dir, 'benchmarks.json'),
    JSON.stringify({ date: new Date().toISOString(), quick: QUICK, rows }, null, 2) + '\n',
  );
  console.log(`\n${lines.slice(4).join('\n')}\n\nWrote ${dir}/benchmarks.md and benchmarks.json`);
}
