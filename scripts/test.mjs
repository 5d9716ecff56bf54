// `npm test`: type check, lint, unit tests, then browser tests against a production build
// in a real Chromium. Every step runs even when an earlier one fails, so one run shows all.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { findChromium } from './find-chromium.cjs';
import { BROWSER_TESTS, summarize, UNIT_TESTS } from './test-summary.mjs';

const REPORTS = '.test-reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });
const failures = [];
/** Each step's wall time, shown at the end: where a slow run spent its minutes. */
const times = [];

function step(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  times.push(`${name} ${Math.round((Date.now() - started) / 1000)} s`);
  if (result.status !== 0) failures.push(name);
  return result.status === 0;
}

const bin = (name) => `node_modules/.bin/${name}`;

step('type check', bin('tsc'), ['--noEmit']);
step('lint', bin('biome'), ['check', '.']);
step(UNIT_TESTS, bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${REPORTS}/vitest.json`,
]);

let chromium = findChromium();
if (!chromium) {
  console.log('\nNo Chromium found; installing Playwright’s own.');
  spawnSync(bin('playwright'), ['install', 'chromium'], { stdio: 'inherit' });
  chromium = findChromium();
}
if (!chromium) {
  console.error(
    '\nThe browser tests need Chromium and none could be found or downloaded.\n' +
      'Install one, then run `npm test` again:\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      '  macOS:         brew install --cask chromium\n' +
      '  or point CHROMIUM_PATH at any Chromium or Chrome executable.',
  );
  failures.push('find a browser');
} else if (step('production build', 'npm', ['run', '--silent', 'build'])) {
  step(BROWSER_TESTS, bin('playwright'), ['test'], { PW_JSON_REPORT: `${REPORTS}/playwright.json` });
}

// The steps that failed, for the summary line: a failed lint is a failure even with every test passed.
writeFileSync(`${REPORTS}/steps.json`, JSON.stringify({ failed: failures }));
const { passed, failed } = summarize(REPORTS);
console.log(`\nTimes: ${times.join(', ')}.`);
console.log(`\n${failures.length === 0 ? 'All steps passed.' : `Failed: ${failures.join(', ')}.`}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length === 0 ? 0 : 1);
