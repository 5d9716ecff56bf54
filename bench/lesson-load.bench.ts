// A class (or a year group) opening the first lesson at the same moment: 200 connections,
// each loading the lesson's HTML again as soon as its last load came back, for DURATION_S
// seconds, against `npm start` (one process, the embedded SQLite database). Every request is
// a first visit: no cookie, no cache. autocannon makes the load from the same two-core
// machine, so the server has about one core of its own. Figures: pages a second, and the
// 99th percentile of the time to the whole page.
import { spawnSync } from 'node:child_process';
import type { Figure } from './run';
import { startServer } from './server';

const PORT = 3531;
const CONNECTIONS = 200;
const DURATION_S = 10;
const PAGE = '/lessons/who-says-so';

type Result = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
};

function autocannon(url: string, seconds: number): Result {
  const result = spawnSync(
    process.execPath,
    ['node_modules/autocannon/autocannon.js', '--json', '-c', String(CONNECTIONS), '-d', String(seconds), url],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`autocannon failed: ${result.stderr.slice(-500)}`);
  return JSON.parse(result.stdout) as Result;
}

export async function run(): Promise<Record<string, Figure>> {
  const server = await startServer(PORT);
  try {
    const url = server.url + PAGE;
    const page = await fetch(url);
    if (!page.ok) throw new Error(`${PAGE} answered ${page.status}`);
    // A short warm-up: the first loads fill the server's caches, not what a class waits for.
    autocannon(url, 2);
    const r = autocannon(url, DURATION_S);
    // A load that failed or took longer than autocannon's 10 s timeout is counted, not hidden.
    const failed = r.errors + r.timeouts + r.non2xx;
    return {
      'lesson.load_errors': { value: failed, unit: 'count', target: 0, better: 'lower' },
      'lesson.rps': { value: Math.round(r.requests.average), unit: 'req/s', better: 'higher' },
      'lesson.p50_ms': { value: r.latency.p50, unit: 'ms', better: 'lower' },
      'lesson.p99_ms': { value: r.latency.p99, unit: 'ms', target: 1000, better: 'lower' },
    };
  } finally {
    await server.stop();
  }
}
