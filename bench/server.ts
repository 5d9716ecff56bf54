// Starts the production build for a benchmark (building it first when there is none) and
// stops it afterwards. The server gets a fresh data directory of its own.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export type RunningServer = { url: string; stop: () => Promise<void>; process: ChildProcess };

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

export async function startServer(port: number, env: Record<string, string> = {}): Promise<RunningServer> {
  ensureBuild();
  const child = spawn(process.execPath, ['scripts/serve-test.mjs', String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/`, 60_000);
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
