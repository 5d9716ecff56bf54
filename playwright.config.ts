import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/find-chromium.cjs';

const PORT = Number(process.env.E2E_PORT ?? 3100);
// Point the tests at a server already running (for example `next dev`) instead of a fresh build.
const external = process.env.E2E_BASE_URL;
const executablePath = findChromium() ?? undefined;
// The test server's database folder, shared with the tests (workers inherit the variable),
// which create instructor accounts in it with `npm run create-instructor`.
if (!external) process.env.E2E_DATA_DIR ||= mkdtempSync(path.join(tmpdir(), 'close-read-e2e-'));

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 120_000,
  // Server actions on a busy two-core machine can take seconds; people wait too.
  expect: { timeout: 15_000 },
  reporter: process.env.PW_JSON_REPORT ? [['list'], ['json', { outputFile: process.env.PW_JSON_REPORT }]] : [['list']],
  use: {
    baseURL: external ?? `http://127.0.0.1:${PORT}`,
    // Recording a trace of every test (DOM snapshots at each step) costs a quarter of the run's
    // time on a two-core machine (lessons and classroom specs: 4.2 min with, 3.2 without), for
    // the few that fail. A failure keeps its screenshot and page snapshot; for its trace, run the
    // test again with E2E_TRACE=1.
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: external
    ? undefined
    : {
        command: `node scripts/serve-test.mjs ${PORT}`,
        url: `http://127.0.0.1:${PORT}/`,
        reuseExistingServer: false,
        timeout: 120_000,
        stdout: 'pipe',
      },
});
