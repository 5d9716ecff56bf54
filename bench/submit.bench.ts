// Students submit at once over HTTP, through POST /api/submissions as the exercise does,
// against the embedded SQLite database (WAL, synchronous=FULL), with the load made on the same
// machine:
// - `submit.class_*`: the 30 students of one class submit the same assignment at once;
// - `submit.*`: 200 students of another class do the same (a year group, or a lecture hall);
// - `submit.floor_p99_ms`: for scale, the 200 first send at once a submission refused at
//   validation (one read of the body, no scoring, no write): close to what the framework
//   alone costs for 200 simultaneous requests;
// - `*server_cpu_ms`: the server's CPU time per request in those bursts.
import { randomUUID } from 'node:crypto';
import { type BenchStudent, makeClass, submitOverHttp } from './classroom';
import type { Figure } from './run';
import { type RunningServer, startServer } from './server';

const PORT = 3221;
const CLASS = 30;
const STUDENTS = 200;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
const round = (x: number) => Math.round(x * 10) / 10;

type Burst = { times: number[]; seconds: number; failed: number; cpuMsEach: number };

/**
 * Every student submits at the same moment; the times sorted, the wall time, the failures,
 * and the server's CPU time per request.
 */
async function burst(server: RunningServer, students: BenchStudent[], refused = false): Promise<Burst> {
  const cpu0 = server.cpuMs();
  const t0 = performance.now();
  const results = await Promise.all(students.map((s) => submitOverHttp(server.url, s, randomUUID(), { refused })));
  const seconds = (performance.now() - t0) / 1000;
  const cpuMsEach = (server.cpuMs() - cpu0) / students.length;
  const failures = results.filter((r) => (refused ? !r.refused : !r.ok));
  for (const f of failures) process.stderr.write(`submit: a request failed: HTTP ${f.status} ${f.detail}\n`);
  const failed = failures.length;
  return { times: results.map((r) => r.ms).sort((a, b) => a - b), seconds, failed, cpuMsEach };
}

export async function run(): Promise<Record<string, Figure>> {
  const server = await startServer(PORT);
  try {
    const { db, students: klass } = await makeClass(server.dataDir, CLASS);
    const { db: db2, students } = await makeClass(server.dataDir, STUDENTS);
    await db2.destroy();
    const { db: db3, students: warm } = await makeClass(server.dataDir, 1);
    await db3.destroy();
    // Warm the lesson and the route once, with one stored submission of a class of its own, so
    // that the first class does not pay for loading the code and the lessons and keys (which a
    // server that has taken one submission since it started has in memory).
    await fetch(`${server.url}/lessons/who-says-so`);
    const warmed = await submitOverHttp(server.url, warm[0] as BenchStudent, randomUUID());
    if (!warmed.ok) throw new Error(`the warm-up submission failed: HTTP ${warmed.status} ${warmed.detail}`);
    const floor = await burst(server, students, true);
    if (floor.failed > 0) throw new Error('the floor requests were not all refused as invalid');
    const ofClass = await burst(server, klass);
    const all = await burst(server, students);
    const stored = await db
      .selectFrom('submission')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await db.destroy();
    const errors = ofClass.failed + all.failed + Math.abs(1 + CLASS + STUDENTS - Number(stored.n));
    return {
      'submit.class_p50_ms': { value: round(pct(ofClass.times, 50)), unit: 'ms', better: 'lower' },
      'submit.class_p99_ms': { value: round(pct(ofClass.times, 99)), unit: 'ms', target: 300, better: 'lower' },
      'submit.rps': { value: round(STUDENTS / all.seconds), unit: 'req/s', better: 'higher' },
      'submit.p50_ms': { value: round(pct(all.times, 50)), unit: 'ms', better: 'lower' },
      'submit.p99_ms': { value: round(pct(all.times, 99)), unit: 'ms', target: 1000, better: 'lower' },
      'submit.errors': { value: errors, unit: 'count', target: 0, better: 'lower' },
      'submit.floor_p99_ms': { value: round(pct(floor.times, 99)), unit: 'ms', better: 'lower' },
      'submit.floor_rps': { value: round(STUDENTS / floor.seconds), unit: 'req/s', better: 'higher' },
      // The server's own CPU time per submission and per refused request: steadier than the
      // times above when other work shares the machine.
      'submit.server_cpu_ms': { value: round(all.cpuMsEach), unit: 'ms', better: 'lower' },
      'submit.floor_server_cpu_ms': { value: round(floor.cpuMsEach), unit: 'ms', better: 'lower' },
    };
  } finally {
    await server.stop();
  }
}
