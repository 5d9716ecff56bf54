// Starts the production build for a benchmark (building it first when there is none) and
// stops it afterwards. Each server gets a data directory of its own (or the one given), and
// runs in its own process group so that a crash test can kill it outright.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
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
  /**
   * CPU time (user + system, ms) the server's processes have used so far, from /proc (Linux;
   * NaN elsewhere). Differences over a burst say what the server itself spent on it, which
   * moves far less than wall-clock times when other work shares the machine.
   */
  cpuMs: () => number;
};

/** Linux's clock ticks per second for /proc times (USER_HZ, 100 on every common build). */
const CLOCK_TICKS = 100;

/** User + system CPU time of every process in a process group, in ms. */
function groupCpuMs(pgid: number): number {
  if (!existsSync('/proc/self/stat')) return Number.NaN;
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // After the command name (in parentheses, which may hold spaces): state, ppid, pgrp, ...,
    // utime and stime are the 12th and 13th fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== pgid) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / CLOCK_TICKS;
}

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
  return {
    url,
    dataDir: dir,
    process: child,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    cpuMs: () => groupCpuMs(child.pid as number),
  };
}
