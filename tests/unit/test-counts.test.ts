/** `npm test`'s count of a Vitest report: nothing meant to run can hide. */
import { describe, expect, it } from 'vitest';
import { countReport, type VitestReport } from '../../scripts/lib/test-counts';

// The shape Vitest 4's JSON reporter writes for: a suite whose beforeAll threw (its
// tests "skipped"), an it.skip, an it.todo, a passing and a failing test, and a file
// whose import failed (no tests seen).
const REPORT: VitestReport = {
  testResults: [
    {
      name: '/repo/tests/e2e/journeys.e2e.ts',
      status: 'failed',
      assertionResults: [
        { fullName: 'in Firefox recognition one', status: 'skipped' },
        { fullName: 'in Firefox recognition two', status: 'skipped' },
        { fullName: 'in Chromium recognition one', status: 'passed' },
        { fullName: 'in Chromium recognition two', status: 'failed' },
      ],
    },
    {
      name: '/repo/tests/unit/a.test.ts',
      status: 'passed',
      assertionResults: [
        { fullName: 'later', status: 'todo' },
        { fullName: 'not now', status: 'pending' },
      ],
    },
    {
      name: '/repo/tests/unit/b.test.ts',
      status: 'failed',
      message: "Cannot find module './gone' imported from /repo/tests/unit/b.test.ts\n    at stack",
      assertionResults: [],
    },
  ],
};

const byBrowser = (name: string) => (name.startsWith('in Firefox') ? 'Firefox' : 'Chromium');

describe('countReport', () => {
  const counted = countReport(REPORT, '/repo', byBrowser);

  it('counts each test of a suite that failed to start as failed, in its own suite', () => {
    const firefox = counted.filter((t) => t.suite === 'Firefox');
    expect(firefox).toHaveLength(2);
    expect(firefox.every((t) => t.problem?.endsWith('did not run (skipped)'))).toBe(true);
  });

  it('counts skipped and todo tests as failed, and names them', () => {
    expect(counted.map((t) => t.problem)).toContain('tests/unit/a.test.ts > later: did not run (todo)');
    expect(counted.map((t) => t.problem)).toContain('tests/unit/a.test.ts > not now: did not run (pending)');
  });

  it('passes only what passed', () => {
    expect(counted.filter((t) => !t.problem).map((t) => t.suite)).toEqual(['Chromium']);
    expect(counted.filter((t) => t.problem)).toHaveLength(6);
  });

  it('names a file that did not load, as one failure', () => {
    const unloaded = counted.filter((t) => t.suite === undefined);
    expect(unloaded).toEqual([
      {
        suite: undefined,
        problem:
          "tests/unit/b.test.ts: did not load (Cannot find module './gone' imported from /repo/tests/unit/b.test.ts)",
      },
    ]);
  });
});
