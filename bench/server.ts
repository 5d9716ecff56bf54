// Starts the production build for a benchmark (building it first when there is none) and
// stops it afterwards. Each server gets a data directory of its own (or the one given), and
// runs in its own process group so that a crash test can kill it outright.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type RunningServer = {
  url: string;
  dataDir: string;
  process: ChildProcess;
  stop: () => Promise<void>;
  /** SIGKILL to the whole server (npm start's wrapper and the Next.js process). */
  kill: () => Promise<void>;
};

export function ensureBuild(): void {
  if (existsSync('.next/BUILD_ID')) return;
  const result = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the production build failed');
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server at ${url} did not answer within ${timeoutMs} ms`);
}

/** A port free on 127.0.0.1 now, so that two checkouts can run the same bench at once. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startServer(port: number, dataDir?: string): Promise<RunningServer> {
  ensureBuild();
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'close-read-bench-'));
  const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build', '--hostname', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(port), DATA_DIR: dir, NODE_ENV: 'production' },
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/`, 60_000);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), name);
    } catch {
      // already gone
    }
    return exited;
  };
  return { url, dataDir: dir, process: child, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') };
}
