import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script of `npm test`, without type declarations
import { summarize } from '../../../scripts/test-summary.mjs';

/** A reports folder as `npm test` leaves it: vitest's and Playwright's reports, and the failed steps. */
function reports(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'close-read-summary-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), JSON.stringify(content));
  return dir;
}

const vitest = { numPassedTests: 600, numFailedTests: 0, testResults: [] };
const playwright = { stats: { expected: 270, unexpected: 0, flaky: 0, skipped: 0 } };

describe('the CI summary line (scripts/test-summary.mjs)', () => {
  it('sums the tests of both reports', () => {
    expect(
      summarize(reports({ 'vitest.json': vitest, 'playwright.json': playwright, 'steps.json': { failed: [] } })),
    ).toEqual({
      passed: 870,
      failed: 0,
    });
  });

  it('counts a failed lint, type check or build as one failure each, though every test passed', () => {
    const dir = reports({
      'vitest.json': vitest,
      'playwright.json': playwright,
      'steps.json': { failed: ['type check', 'lint'] },
    });
    expect(summarize(dir)).toEqual({ passed: 870, failed: 2 });
  });

  it('does not count a failed test step twice: its failures are the report’s', () => {
    const dir = reports({
      'vitest.json': { ...vitest, numPassedTests: 598, numFailedTests: 2 },
      'playwright.json': playwright,
      'steps.json': { failed: ['unit tests'] },
    });
    expect(summarize(dir)).toEqual({ passed: 868, failed: 2 });
  });
});
