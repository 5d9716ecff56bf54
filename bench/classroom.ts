// A class for the classroom benchmarks, made through the real data layer on the server's
// database: an instructor, a class, one assignment of lesson 1, and students with sessions.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createAssignments } from '../lib/server/data/assignments';
import { liftJoinLimit } from '../lib/server/data/class-joins';
import { createClass } from '../lib/server/data/classes';
import { createDb, type Db } from '../lib/server/db/client';
import { joinClass } from '../lib/server/students';
import { manifestActions } from '../scripts/action-manifest';

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

/** The id Next.js gave the submitExercise server action in this build. */
export function submitActionId(): string {
  const id = manifestActions().find((a) => a.key === 'app/lessons/actions.ts#submitExercise')?.id;
  if (!id) throw new Error('submitExercise is not in the build’s server action manifest');
  return id;
}

/**
 * Calls the submit action over HTTP as the browser does; resolves to whether it was
 * acknowledged. With `refused`, the input names no exercise, so that the action turns it away
 * at validation: `refused` in the answer then says it did.
 */
export async function submitOverHttp(
  base: string,
  actionId: string,
  student: BenchStudent,
  clientId: string,
  options: { refused?: boolean } = {},
): Promise<{ ok: boolean; refused: boolean; ms: number; status: number }> {
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
    const response = await fetch(`${base}/lessons/${LESSON}`, {
      method: 'POST',
      headers: {
        'Next-Action': actionId,
        'Content-Type': 'text/plain;charset=UTF-8',
        Accept: 'text/x-component',
        Origin: base,
        Cookie: `cr_student=${student.token}`,
      },
      body: JSON.stringify([input]),
    });
    const body = await response.text();
    // The action's result is in the RSC stream; an acknowledged submission says ok:true.
    const ok = response.status === 200 && body.includes('"ok":true');
    const refused = response.status === 200 && body.includes('"ok":false');
    return { ok, refused, ms: performance.now() - t0, status: response.status };
  } catch {
    return { ok: false, refused: false, ms: performance.now() - t0, status: 0 };
  }
}
