/**
 * `npm run bench:check`: fails (exit 1) when the last `npm run bench` missed a
 * budget, naming each one. Timing lives here, never in the unit tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Row } from './bench/common';

const file = join(import.meta.dirname, '..', 'docs', 'benchmarks.json');
if (!existsSync(file)) {
  console.error('No docs/benchmarks.json: run "npm run bench" first.');
  process.exit(2);
}
const { rows, date } = JSON.parse(readFileSync(file, 'utf8')) as { rows: Row[]; date: string };
const checked = rows.filter((r) => r.budget);
const missed = checked.filter((r) => r.value > r.budget!.max);
for (const r of checked) {
  const ok = r.value <= r.budget!.max;
  console.log(
    `${ok ? 'ok    ' : 'MISSED'} ${r.section}: ${r.measure} = ${r.value.toFixed(2)} ${r.unit} (budget ≤ ${r.budget!.max})`,
  );
}
console.log(`\n${checked.length - missed.length} passed, ${missed.length} failed (benchmarks of ${date})`);
process.exitCode = missed.length === 0 ? 0 : 1;
