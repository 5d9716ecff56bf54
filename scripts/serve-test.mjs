// Serves the production build for the browser tests on the given port, with a fresh
// database of its own so that test runs never touch a real one.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const port = process.argv[2] ?? '3100';
// E2E_DATA_DIR (set by playwright.config.ts) lets the tests reach the same database, e.g.
// to create an instructor with `npm run create-instructor`.
const dataDir = process.env.E2E_DATA_DIR || mkdtempSync(path.join(tmpdir(), 'close-read-e2e-'));
console.log(`serve-test: DATA_DIR=${dataDir}`);
const env = { ...process.env, PORT: port, DATA_DIR: dataDir, NODE_ENV: 'production' };
const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build', '--hostname', '127.0.0.1'], {
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
