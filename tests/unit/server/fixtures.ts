// Actors and classroom objects for the data-layer tests, created through the real code paths
// (instructors as plain user rows: their sign-in is tested in auth.test.ts).
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { score } from '@/lib/scoring';
import type { ScoreResult } from '@/lib/scoring/types';
import type { Actor } from '@/lib/server/actor';
import { createAssignments } from '@/lib/server/data/assignments';
import { createClass } from '@/lib/server/data/classes';
import type { Db } from '@/lib/server/db/client';
import { dialectOf } from '@/lib/server/db/dialect';
import type { Result } from '@/lib/server/result';
import { joinClass, studentFromSessionToken } from '@/lib/server/students';
import type { SubmittedSpan } from '@/lib/validation/submission';

export const ANONYMOUS: Actor = { kind: 'anonymous' };
export const SHA = 'a'.repeat(64);
/** A one-span answer, and its real score against a one-item key: what a stored submission holds. */
export const ANSWER: SubmittedSpan[] = [{ label: 'sourcing', start: 0, end: 3 }];
export const SCORE: ScoreResult = score([{ id: 'k1', label: 'sourcing', start: 0, end: 3 }], ANSWER);
/** A draft of one span as the exercise keeps it (with its local id). */
export const DRAFT_SPAN = { id: 'd1', label: 'sourcing' as const, start: 4, end: 9 };

/** The value of a successful result; fails the test with the message otherwise. */
export function must<T>(result: Result<T>): T {
  if (!result.ok) expect.fail(`expected ok, got ${result.error}: ${result.message}`);
  return result.value;
}

/** A user row (better-auth's table) acting as an instructor. */
export async function makeInstructor(db: Db, name = 'Instructor'): Promise<Extract<Actor, { kind: 'instructor' }>> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto('user')
    .values({
      id,
      name,
      email: `${id}@example.test`,
      emailVerified: dialectOf(db) === 'postgres' ? false : 0,
      image: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return { kind: 'instructor', userId: id, name };
}

/** Joins a class by its code and returns the student actor and their credentials. */
export async function makeStudent(db: Db, joinCode: string, displayName = 'Student', ip = '203.0.113.1') {
  const grant = must(await joinClass({ joinCode, displayName, ip }, db));
  const identity = await studentFromSessionToken(grant.sessionToken, db);
  if (!identity) throw new Error('fresh session not found');
  const actor: Actor = { kind: 'student', ...identity };
  return { actor, grant };
}

/**
 * An instructor, a class and one assignment of a lesson, made through the data layer: the
 * set-up most classroom tests start from.
 */
export async function makeClassAssignment(
  db: Db,
  {
    lesson = 'who-says-so',
    releasePolicy = 'manual' as 'manual' | 'on-submit' | 'after-due',
    className = 'Period 1',
  } = {},
) {
  const teacher = await makeInstructor(db);
  const klass = must(await createClass(teacher, { name: className }, db));
  const [assignment] = must(
    await createAssignments(
      teacher,
      { classId: klass.id, lessonSlugs: [lesson], opensAt: null, dueAt: null, releasePolicy, allowResubmit: false },
      db,
    ),
  );
  if (!assignment) throw new Error('no assignment');
  return { teacher, klass, assignment };
}
