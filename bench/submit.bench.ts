// 200 students of one class submit the same assignment at once, over HTTP through the real
// server action, against the embedded SQLite database (WAL, synchronous=FULL). For scale, the
// same 200 students first send at once a submission the action refuses at validation (one
// session lookup, no scoring, no write): close to what the framework alone costs for 200
// simultaneous calls (`submit.floor_p99_ms`).
import { randomUUID } from 'node:crypto';
import { makeClass, submitActionId, submitOverHttp } from './classroom';
import type { Figure } from './run';
import { startServer } from './server';

const PORT = 3221;
const STUDENTS = 200;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
const round = (x: number) => Math.round(x * 10) / 10;

export async function run(): Promise<Record<string, Figure>> {
  const server = await startServer(PORT);
  try {
    const { db, students } = await makeClass(server.dataDir, STUDENTS);
    const actionId = submitActionId();
    // Warm the route once so the first student does not pay for module loading.
    await fetch(`${server.url}/lessons/who-says-so`);
    const floor = await Promise.all(
      students.map((s) => submitOverHttp(server.url, actionId, s, randomUUID(), { refused: true })),
    );
    if (floor.some((r) => !r.refused)) throw new Error('the floor requests were not all refused as invalid');
    const t0 = performance.now();
    const results = await Promise.all(students.map((s) => submitOverHttp(server.url, actionId, s, randomUUID())));
    const seconds = (performance.now() - t0) / 1000;
    const stored = await db
      .selectFrom('submission')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await db.destroy();
    const errors = results.filter((r) => !r.ok).length + Math.abs(STUDENTS - Number(stored.n));
    const times = results.map((r) => r.ms).sort((a, b) => a - b);
    const floorTimes = floor.map((r) => r.ms).sort((a, b) => a - b);
    return {
      'submit.rps': { value: round(STUDENTS / seconds), unit: 'req/s', better: 'higher' },
      'submit.p50_ms': { value: round(pct(times, 50)), unit: 'ms', better: 'lower' },
      'submit.p99_ms': { value: round(pct(times, 99)), unit: 'ms', target: 300, better: 'lower' },
      'submit.errors': { value: errors, unit: 'count', target: 0, better: 'lower' },
      'submit.floor_p99_ms': { value: round(pct(floorTimes, 99)), unit: 'ms', better: 'lower' },
    };
  } finally {
    await server.stop();
  }
}
