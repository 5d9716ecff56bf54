import 'server-only';
import { score } from '../../scoring';
import type { KeyChange } from '../../validation/class-key';
import { readAnswers } from '../data/answers-json';
import { scoringAnswers } from '../data/review-load';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { fail, ok, type Result } from '../result';
import { type KeyResolver, keyResolver } from './resolve';

/** What the editor shows when another save came first (two tabs, two instructors). */
export const KEY_CHANGED =
  'The key changed since you opened it: reload to see the new version. Nothing was saved; your edits stay on this page.';

/**
 * Stores version `baseVersion + 1` of a class's key of one exercise, holding this whole
 * overlay. Refused with `conflict` (KEY_CHANGED) when the newest version is no longer
 * `baseVersion`: the check and the primary key (class, exercise, version) together make
 * the second of two concurrent saves fail on both engines. No authorization.
 */
export async function writeKeyVersion(
  db: Db,
  input: {
    classId: string;
    exerciseId: string;
    baseVersion: number;
    changes: KeyChange[];
    note: string;
    userId: string;
  },
): Promise<Result<{ version: number }>> {
  const newest = await keyResolver(db).currentVersion(input.classId, input.exerciseId);
  if (newest !== input.baseVersion) return fail('conflict', KEY_CHANGED);
  const version = input.baseVersion + 1;
  try {
    await db
      .insertInto('class_key_version')
      .values({
        class_id: input.classId,
        exercise_id: input.exerciseId,
        version,
        changes_json: JSON.stringify(input.changes),
        note: input.note,
        created_by: input.userId,
        created_at: new Date().toISOString(),
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) return fail('conflict', KEY_CHANGED);
    throw error;
  }
  return ok({ version });
}

/** How a rescoring went: submissions rescored, and students any of whose figures changed. */
export type Rescored = {
  version: number;
  submissions: number;
  studentsChanged: number;
  /** The students whose figures changed (for a caller that adds up several rescorings). */
  changedStudents: string[];
};

/** The figures a student sees, in a fixed form, to tell whether a rescoring changed them. */
function figuresOf(json: string): string {
  try {
    const value = JSON.parse(json) as { overall?: unknown; perLabel?: unknown };
    return JSON.stringify([value.overall ?? null, value.perLabel ?? null]);
  } catch {
    return '';
  }
}

/**
 * Rescores every submission (all attempts, every assignment of the class) of one exercise
 * against the newest version of the class key, stores each score with that version, and
 * counts the students whose figures changed. One transaction per call is the caller's
 * choice (pass a transaction). No authorization.
 */
export async function rescoreClass(
  db: Db,
  classId: string,
  exerciseId: string,
  resolver: KeyResolver = keyResolver(db),
): Promise<Result<Rescored>> {
  const key = await resolver.classKey(classId, exerciseId);
  if (!key) return fail('not-found', 'This exercise has no key.');
  const rows = await db
    .selectFrom('submission')
    .innerJoin('assignment', 'assignment.id', 'submission.assignment_id')
    .select(['submission.id', 'submission.student_id', 'submission.answers_json', 'submission.score_json'])
    .where('assignment.class_id', '=', classId)
    .where('submission.exercise_id', '=', exerciseId)
    .execute();
  const changed = new Set<string>();
  for (const row of rows) {
    const json = JSON.stringify(score(key.prepared, scoringAnswers(readAnswers(row.answers_json))));
    if (figuresOf(json) !== figuresOf(row.score_json)) changed.add(row.student_id);
    await db
      .updateTable('submission')
      .set({ score_json: json, key_version: key.version })
      .where('id', '=', row.id)
      .execute();
  }
  return ok({
    version: key.version,
    submissions: rows.length,
    studentsChanged: changed.size,
    changedStudents: [...changed],
  });
}
