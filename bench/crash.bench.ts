// Crash test: students submit in a steady stream; the server is killed with SIGKILL in the
// middle; it is started again and every client retries what was not acknowledged, as the
// exercise does. Every acknowledged submission must be stored exactly once.
import { randomUUID } from 'node:crypto';
import { type BenchStudent, EXERCISE, makeClass, submitOverHttp } from './classroom';
import type { Figure } from './run';
import { startServer } from './server';

const PORT = 3222;
const STUDENTS = 120;
const CONCURRENCY = 8;
const KILL_AFTER_ACKS = 40;

type Attempt = { student: BenchStudent; clientId: string; acked: boolean };

export async function run(): Promise<Record<string, Figure>> {
  let server = await startServer(PORT);
  const dataDir = server.dataDir;
  const { db, students } = await makeClass(dataDir, STUDENTS);
  await fetch(`${server.url}/lessons/who-says-so`);
  const attempts: Attempt[] = students.map((student) => ({ student, clientId: randomUUID(), acked: false }));
  let acks = 0;
  let killed: Promise<void> | null = null;
  let next = 0;
  const worker = async () => {
    while (next < attempts.length) {
      const attempt = attempts[next++] as Attempt;
      const result = await submitOverHttp(server.url, attempt.student, attempt.clientId);
      attempt.acked = result.ok;
      if (result.ok) acks++;
      if (acks >= KILL_AFTER_ACKS && !killed) killed = server.kill();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await killed;
  const ackedBeforeCrash = attempts.filter((a) => a.acked).map((a) => a.clientId);
  if (ackedBeforeCrash.length === attempts.length) throw new Error('the server was not killed during the stream');

  server = await startServer(PORT, dataDir);
  try {
    // Clients retry every submission they have no acknowledgement for, with the same clientId;
    // a few acknowledged ones are sent again too, as a double-clicked retry would.
    const retries = attempts.filter((a) => !a.acked).concat(attempts.filter((a) => a.acked).slice(0, 10));
    for (const a of retries) {
      const result = await submitOverHttp(server.url, a.student, a.clientId);
      if (result.ok) a.acked = true;
    }
    const rows = await db
      .selectFrom('submission')
      .select(['client_id', 'student_id'])
      .where('exercise_id', '=', EXERCISE)
      .execute();
    await db.destroy();
    const byClient = new Map<string, number>();
    for (const r of rows) byClient.set(r.client_id, (byClient.get(r.client_id) ?? 0) + 1);
    const perStudent = new Map<string, number>();
    for (const r of rows) perStudent.set(r.student_id, (perStudent.get(r.student_id) ?? 0) + 1);
    const lost = ackedBeforeCrash.filter((id) => (byClient.get(id) ?? 0) === 0).length;
    const duplicates =
      [...byClient.values()].filter((n) => n > 1).length + [...perStudent.values()].filter((n) => n > 1).length;
    process.stderr.write(
      `crash: ${ackedBeforeCrash.length} acknowledged before the kill, ${rows.length} stored after retries\n`,
    );
    return {
      'crash.acknowledged_before_kill': { value: ackedBeforeCrash.length, unit: 'count', better: 'higher' },
      'crash.lost': { value: lost, unit: 'count', target: 0, better: 'lower' },
      'crash.duplicates': { value: duplicates, unit: 'count', target: 0, better: 'lower' },
    };
  } finally {
    await server.stop();
  }
}
