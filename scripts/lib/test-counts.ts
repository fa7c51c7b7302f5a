/**
 * How `npm test` counts a Vitest JSON report, so that nothing meant to run can hide: a
 * passed test passes; a failed, skipped or todo test fails (a suite whose set-up failed
 * reports its tests as skipped); a file that did not load, whose tests Vitest never saw,
 * is one failure named after the file.
 */
import { relative } from 'node:path';

export interface VitestReport {
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string }[];
  }[];
}

export interface CountedTest {
  /** The suite the test counts in (from `suiteOf`); undefined for a file that did not load. */
  suite: string | undefined;
  /** Why it counts as failed; undefined when it passed. */
  problem: string | undefined;
}

export function countReport(
  report: VitestReport,
  root: string,
  suiteOf: (fullName: string) => string | undefined,
): CountedTest[] {
  const counted: CountedTest[] = [];
  for (const file of report.testResults) {
    const path = relative(root, file.name);
    if (file.assertionResults.length === 0) {
      const why = (file.message || file.status).split('\n')[0];
      counted.push({ suite: undefined, problem: `${path}: did not load (${why})` });
      continue;
    }
    for (const test of file.assertionResults) {
      const problem =
        test.status === 'passed'
          ? undefined
          : `${path} > ${test.fullName}: ${test.status === 'failed' ? 'failed' : `did not run (${test.status})`}`;
      counted.push({ suite: suiteOf(test.fullName), problem });
    }
  }
  return counted;
}
