/**
 * What every section of `npm run bench` shares: the run's size (BENCH_QUICK=1
 * for a shorter run), the rows measured so far, and the few statistics.
 */

export const QUICK = process.env['BENCH_QUICK'] === '1';
export const LOADS = QUICK ? 8 : 25;
/**
 * Light-page loads of ours and of the floor: their difference is the page-load budget, and
 * one pair's difference scatters by ±10 ms on this machine (a median of 25 moved from −2.8
 * to +3.2 ms over five runs), so many more pairs than the other loads.
 */
export const PAIRED_LOADS = QUICK ? 10 : 150;
/** Heavy-page loads of ours and of the page without any extension, in pairs (about 1.2 s each). */
export const HEAVY_PAIRS = QUICK ? 6 : 40;
export const WARM = QUICK ? 8 : 20;
/** Cold starts: enough that the 95th percentile is not simply the slowest one (of 10 it was). */
export const COLD = QUICK ? 4 : 20;
export const PLAY_SECONDS = QUICK ? 15 : 60;
export const NAVIGATIONS = 200;
/** Toolbar popup opens: more than 20, so the 95th percentile is not simply the slowest one. */
export const POPUP_OPENS = QUICK ? 25 : 40;

export interface Row {
  section: string;
  measure: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number };
  budget?: { max: number; label: string };
}
export const rows: Row[] = [];
export const record = (row: Row) => {
  rows.push(row);
  const base = row.baseline ? `  (${row.baseline.label}: ${fmt(row.baseline.value)})` : '';
  const budget = row.budget ? `  budget ≤ ${fmt(row.budget.max)} ${row.budget.label}` : '';
  console.log(`  ${row.measure}: ${fmt(row.value)} ${row.unit}${base}${budget}`);
};
export const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
export const median = (samples: number[]) => percentile(samples, 50);

/** The watch page every browser section loads (a fixture answers it). */
export const WATCH_URL = 'https://www.netflix.com/watch/80049015';
