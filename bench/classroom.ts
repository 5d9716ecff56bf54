// A class for the classroom benchmarks, made through the real data layer on the server's
// database: an instructor, a class, one assignment of lesson 1, and students with sessions.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createAssignments } from '../lib/server/data/assignments';
import { liftJoinLimit } from '../lib/server/data/class-joins';
import { createClass } from '../lib/server/data/classes';
import { createDb, type Db } from '../lib/server/db/client';
import { joinClass } from '../lib/server/students';

export const LESSON = 'who-says-so';
export const EXERCISE = 'who-says-so-attributions';

export type BenchStudent = { token: string; studentId: string };

export async function makeClass(dataDir: string, students: number): Promise<{ db: Db; students: BenchStudent[] }> {
  const db = createDb(path.join(dataDir, 'close-read.db'));
  const userId = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto('user')
    .values({
      id: userId,
      name: 'Bench',
      email: `${userId}@bench.test`,
      emailVerified: 0,
      image: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  const instructor = { kind: 'instructor' as const, userId, name: 'Bench' };
  const klass = await createClass(instructor, { name: 'Bench class' }, db);
  if (!klass.ok) throw new Error(klass.message);
  const assigned = await createAssignments(
    instructor,
    {
      classId: klass.value.id,
      lessonSlugs: [LESSON],
      opensAt: null,
      dueAt: null,
      releasePolicy: 'on-submit',
      allowResubmit: false,
    },
    db,
  );
  if (!assigned.ok) throw new Error(assigned.message);
  // A class this large joins past the hourly ceiling: its instructor lifts it first, as a
  // teacher of a lecture hall would.
  const lifted = await liftJoinLimit(instructor, klass.value.id, db);
  if (!lifted.ok) throw new Error(lifted.message);
  const made: BenchStudent[] = [];
  for (let i = 0; i < students; i++) {
    const joined = await joinClass(
      { joinCode: klass.value.joinCode, displayName: `Student ${i + 1}`, ip: `10.1.${i >> 8}.${i & 255}` },
      db,
    );
    if (!joined.ok) throw new Error(joined.message);
    made.push({ token: joined.value.sessionToken, studentId: joined.value.studentId });
  }
  return { db, students: made };
}

/**
 * Sends a submission over HTTP as the exercise does (POST /api/submissions, JSON); resolves
 * to whether it was acknowledged. With `refused`, the input names no exercise, so that it is
 * turned away at validation: `refused` then says it was.
 */
export async function submitOverHttp(
  base: string,
  student: BenchStudent,
  clientId: string,
  options: { refused?: boolean } = {},
): Promise<{ ok: boolean; refused: boolean; ms: number; status: number; detail: string }> {
  const input = {
    exerciseId: options.refused ? '' : EXERCISE,
    clientId,
    answers: [
      { label: 'sourcing', start: 412, end: 437, attribute: 'named-person' },
      { label: 'sourcing', start: 809, end: 848, attribute: 'named-organization' },
    ],
  };
  const t0 = performance.now();
  try {
    const response = await fetch(`${base}/api/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: base, Cookie: `cr_student=${student.token}` },
      body: JSON.stringify(input),
    });
    const text = await response.text();
    let body: { ok?: unknown; message?: unknown } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // not JSON: a failure, with its text as the detail
    }
    return {
      ok: response.status === 200 && body.ok === true,
      refused: body.ok === false,
      ms: performance.now() - t0,
      status: response.status,
      detail: typeof body.message === 'string' ? body.message : text.slice(0, 200),
    };
  } catch (error) {
    return { ok: false, refused: false, ms: performance.now() - t0, status: 0, detail: String(error) };
  }
}
