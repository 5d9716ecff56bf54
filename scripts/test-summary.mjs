// Sums passed and failed tests over the vitest and Playwright JSON reports, and prints
// one line `N passed, N failed`. A step of `npm test` that is not a test run (the type check,
// the lint, the build), failed, counts as one failure: `npm test` lists those in steps.json.
// Usage: node scripts/test-summary.mjs [reports dir]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The names of `npm test`'s two test steps, whose tests the reports count. */
export const UNIT_TESTS = 'unit tests';
export const BROWSER_TESTS = 'browser tests';
/** Any other step of `npm test` that failed counts once. */
const TEST_STEPS = new Set([UNIT_TESTS, BROWSER_TESTS]);

export function summarize(dir = '.test-reports') {
  let passed = 0;
  let failed = 0;
  const vitest = path.join(dir, 'vitest.json');
  if (existsSync(vitest)) {
    const report = JSON.parse(readFileSync(vitest, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    // A file that fails to load has no test results; count it as one failure.
    for (const file of report.testResults ?? []) {
      if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
    }
  }
  const playwright = path.join(dir, 'playwright.json');
  if (existsSync(playwright)) {
    const stats = JSON.parse(readFileSync(playwright, 'utf8')).stats ?? {};
    passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    failed += stats.unexpected ?? 0;
    if ((stats.expected ?? 0) + (stats.unexpected ?? 0) === 0 && (stats.skipped ?? 0) === 0) failed += 1;
  }
  const steps = path.join(dir, 'steps.json');
  if (existsSync(steps)) {
    const { failed: failedSteps = [] } = JSON.parse(readFileSync(steps, 'utf8'));
    failed += failedSteps.filter((name) => !TEST_STEPS.has(name)).length;
  }
  return { passed, failed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { passed, failed } = summarize(process.argv[2]);
  console.log(`${passed} passed, ${failed} failed`);
}
