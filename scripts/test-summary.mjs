// Sums passed and failed tests over the vitest and Playwright JSON reports, and prints
// one line `N passed, N failed`. Usage: node scripts/test-summary.mjs [reports dir]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

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
  return { passed, failed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { passed, failed } = summarize(process.argv[2]);
  console.log(`${passed} passed, ${failed} failed`);
}
