import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../actor';
import { JOIN_CODE_LENGTH, randomCode } from '../codes';
import { type Db, getDb } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { takeSeq } from '../db/sequence';
import { fail, ok, type Result } from '../result';
import { instructorId, isFailure, ownedClass } from './access';

export const MAX_CLASS_NAME_LENGTH = 100;

/** Collisions among 31^8 codes are rare; a few fresh draws settle any that happen. */
const JOIN_CODE_ATTEMPTS = 5;

/** A class as its instructor sees it in a list. */
export type ClassSummary = {
  id: string;
  name: string;
  joinCode: string;
  archived: boolean;
  studentCount: number;
  createdAt: string;
};

/** One student on a class's roster. */
export type RosterEntry = { id: string; displayName: string; joinedAt: string };

/** A trimmed class name, or null when empty or too long. */
function cleanName(name: string): string | null {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  return trimmed.length > 0 && trimmed.length <= MAX_CLASS_NAME_LENGTH ? trimmed : null;
}

const BAD_NAME = fail('invalid', `A class name must be 1 to ${MAX_CLASS_NAME_LENGTH} characters.`);

/** Creates a class owned by the instructor, with a fresh join code. */
export async function createClass(
  actor: Actor,
  input: { name: string },
  db: Db = getDb(),
): Promise<Result<ClassSummary>> {
  const userId = instructorId(actor);
  if (isFailure(userId)) return userId;
  const name = cleanName(input.name);
  if (!name) return BAD_NAME;
  const id = randomUUID();
  const createdAt = new Date().toISOString();
  const seq = await takeSeq(db, 'class');
  for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt++) {
    const joinCode = randomCode(JOIN_CODE_LENGTH);
    // A code another class has is skipped without an error, so that a class made inside a
    // transaction (a class copy) survives a draw that collides: on PostgreSQL a failed
    // statement would end the whole transaction.
    const inserted = await db
      .insertInto('class')
      .values({ id, instructor_id: userId, name, join_code: joinCode, archived_at: null, created_at: createdAt, seq })
      .onConflict((oc) => oc.column('join_code').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
      return ok({ id, name, joinCode, archived: false, studentCount: 0, createdAt });
    }
  }
  throw new Error('close-read: could not draw an unused join code');
}

/** Renames one of the instructor's classes. */
export async function renameClass(
  actor: Actor,
  classId: string,
  newName: string,
  db: Db = getDb(),
): Promise<Result<{ name: string }>> {
  const klass = await ownedClass(db, actor, classId);
  if (isFailure(klass)) return klass;
  const name = cleanName(newName);
  if (!name) return BAD_NAME;
  await db.updateTable('class').set({ name }).where('id', '=', klass.id).execute();
  return ok({ name });
}

/** Archives a class: it keeps its work but no one can join it any more. Idempotent. */
export async function archiveClass(
  actor: Actor,
  classId: string,
  db: Db = getDb(),
): Promise<Result<{ archivedAt: string }>> {
  const klass = await ownedClass(db, actor, classId);
  if (isFailure(klass)) return klass;
  if (klass.archived_at) return ok({ archivedAt: klass.archived_at });
  const archivedAt = new Date().toISOString();
  await db.updateTable('class').set({ archived_at: archivedAt }).where('id', '=', klass.id).execute();
  return ok({ archivedAt });
}

/** The instructor's classes, newest first, with how many students each has. */
export async function listMyClasses(actor: Actor, db: Db = getDb()): Promise<Result<ClassSummary[]>> {
  const userId = instructorId(actor);
  if (isFailure(userId)) return userId;
  const rows = await db
    .selectFrom('class')
    .leftJoin('student', 'student.class_id', 'class.id')
    .select(['class.id', 'class.name', 'class.join_code', 'class.archived_at', 'class.created_at'])
    .select((eb) => eb.fn.count<number | string>('student.id').as('student_count'))
    .where('class.instructor_id', '=', userId)
    .groupBy(['class.id', 'class.name', 'class.join_code', 'class.archived_at', 'class.created_at'])
    .orderBy('class.seq', 'desc')
    .execute();
  return ok(
    rows.map((row) => ({
      id: row.id,
      name: row.name,
      joinCode: row.join_code,
      archived: row.archived_at !== null,
      // PostgreSQL returns count() as a string (bigint).
      studentCount: Number(row.student_count),
      createdAt: row.created_at,
    })),
  );
}

/** One of the instructor's classes with its roster, in joining order. */
export async function getClass(
  actor: Actor,
  classId: string,
  db: Db = getDb(),
): Promise<Result<ClassSummary & { students: RosterEntry[] }>> {
  const klass = await ownedClass(db, actor, classId);
  if (isFailure(klass)) return klass;
  const students = await db
    .selectFrom('student')
    .select(['id', 'display_name as displayName', 'created_at as joinedAt'])
    .where('class_id', '=', klass.id)
    .orderBy('seq')
    .execute();
  return ok({
    id: klass.id,
    name: klass.name,
    joinCode: klass.join_code,
    archived: klass.archived_at !== null,
    studentCount: students.length,
    createdAt: klass.created_at,
    students,
  });
}

/** Gives the class a new join code; the old one stops working at once. */
export async function regenerateJoinCode(
  actor: Actor,
  classId: string,
  db: Db = getDb(),
): Promise<Result<{ joinCode: string }>> {
  const klass = await ownedClass(db, actor, classId);
  if (isFailure(klass)) return klass;
  for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt++) {
    const joinCode = randomCode(JOIN_CODE_LENGTH);
    try {
      await db.updateTable('class').set({ join_code: joinCode }).where('id', '=', klass.id).execute();
      return ok({ joinCode });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error('close-read: could not draw an unused join code');
}
