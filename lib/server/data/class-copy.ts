import 'server-only';
import { randomUUID } from 'node:crypto';
import { outsideAssignmentWindow, shiftByDays } from '../../validation/local-time';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import type { AssignmentTable } from '../db/schema';
import { takeSeq } from '../db/sequence';
import { type Failure, fail, ok, type Result } from '../result';
import { isFailure, ownedClass } from './access';
import { createClass } from './classes';
import { ownExerciseId, ownLessonSlug } from './own-article-source';

export type CopyClassInput = {
  name: string;
  /** Calendar days the assignments' dates move, on the wall clock of `timeZone`. */
  shiftDays: number;
  timeZone: string;
};

/**
 * Copies one of the instructor's classes (archived ones too: last year's class is the usual
 * source) for another year: a new class of the given name with a new join code, and each
 * assignment with its dates moved by `shiftDays` (09:00 stays 09:00 across a change of
 * clocks), its key release policy and resubmission rule, its dismissed extras, and the
 * class's keys (each at its newest version). No students, and so no drafts, submissions, comments or exceptions; the
 * key is not released and the record of changes starts empty. Refused (`invalid`, naming the
 * assignment) when a moved date would leave the assignment window; nothing is made then.
 */
export async function copyClass(
  actor: Actor,
  classId: string,
  input: CopyClassInput,
  db: Db = getDb(),
): Promise<Result<{ classId: string; joinCode: string; assignments: number }>> {
  const source = await ownedClass(db, actor, classId);
  if (isFailure(source)) return source;
  if (!Number.isInteger(input.shiftDays)) return fail('invalid', 'Shift the dates by a whole number of days.');
  const assignments = await db
    .selectFrom('assignment')
    .selectAll()
    .where('class_id', '=', source.id)
    .orderBy('seq')
    .execute();
  const now = new Date();
  const moved: { row: AssignmentTable; opensAt: string | null; dueAt: string | null }[] = [];
  for (const row of assignments) {
    const shift = (iso: string | null): string | null | Failure => {
      if (iso === null) return null;
      const to = shiftByDays(iso, input.shiftDays, input.timeZone);
      if (!to) return fail('invalid', 'A date could not be moved in this time zone.');
      const problem = outsideAssignmentWindow(to, now);
      return problem
        ? fail('invalid', `${row.lesson_slug}: moved, a date falls outside the window. ${problem}`)
        : to.toISOString();
    };
    const opensAt = shift(row.opens_at);
    if (isFailure(opensAt)) return opensAt;
    const dueAt = shift(row.due_at);
    if (isFailure(dueAt)) return dueAt;
    moved.push({ row, opensAt, dueAt });
  }
  // All or nothing: the class, its assignments, keys and dismissals are written in one
  // transaction, so a failure half-way (a crash, a lost database connection) leaves no
  // half-made class in the instructor's list.
  return db.transaction().execute(async (trx) => {
    const created = await createClass(actor, { name: input.name }, trx);
    if (!created.ok) return created;
    const copy = created.value;
    const createdAt = now.toISOString();
    const firstSeq = moved.length > 0 ? await takeSeq(trx, 'assignment', moved.length) : 0;
    const ids = new Map<string, string>();
    const rows: AssignmentTable[] = moved.map(({ row, opensAt, dueAt }, i) => {
      const id = randomUUID();
      ids.set(row.id, id);
      // Every column is carried over (a setting added later comes along), then the copy's own.
      return {
        ...row,
        id,
        class_id: copy.id,
        // An own article's assignment names itself in its slug (lib/server/data/own-article-source.ts).
        lesson_slug: row.own_article_id ? ownLessonSlug(id) : row.lesson_slug,
        opens_at: opensAt,
        due_at: dueAt,
        released_at: null,
        created_at: createdAt,
        seq: firstSeq + i,
      };
    });
    if (rows.length > 0) await trx.insertInto('assignment').values(rows).execute();
    await copyClassKeys(
      trx,
      source.id,
      copy.id,
      actor.kind === 'instructor' ? actor.userId : source.instructor_id,
      createdAt,
      ids,
    );
    await copyDismissals(trx, ids, createdAt);
    return ok({ classId: copy.id, joinCode: copy.joinCode, assignments: rows.length });
  });
}

/**
 * The class's keys, each at its newest version, onto the copy as its version 1: the copy
 * starts from the same key, without the history of how it got there.
 */
async function copyClassKeys(
  db: Db,
  from: string,
  to: string,
  userId: string,
  createdAt: string,
  ids: Map<string, string>,
) {
  const rows = await db
    .selectFrom('class_key_version')
    .selectAll()
    .where('class_id', '=', from)
    .orderBy('exercise_id')
    .orderBy('version', 'desc')
    .execute();
  const newest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!newest.has(row.exercise_id)) newest.set(row.exercise_id, row);
  if (newest.size === 0) return;
  await db
    .insertInto('class_key_version')
    .values(
      [...newest.values()].map((row) => ({
        ...row,
        class_id: to,
        // An own article's exercise is its assignment's: the copy's assignment has a new id.
        exercise_id: ownExerciseOfCopy(row.exercise_id, ids),
        version: 1,
        note: `Copied from version ${row.version} of the earlier class's key.`,
        created_by: userId,
        created_at: createdAt,
      })),
    )
    .execute();
}

/** The exercise id on the copy: an own article's follows its assignment's new id; a lesson's stays. */
function ownExerciseOfCopy(exerciseId: string, ids: Map<string, string>): string {
  const prefix = ownExerciseId('');
  const copied = exerciseId.startsWith(prefix) ? ids.get(exerciseId.slice(prefix.length)) : undefined;
  return copied ? ownExerciseId(copied) : exerciseId;
}

/** The dismissed extras of each source assignment, onto its copy, in their order. */
async function copyDismissals(db: Db, ids: Map<string, string>, createdAt: string) {
  if (ids.size === 0) return;
  const sources = [...ids.keys()];
  const dismissals = await db
    .selectFrom('extra_dismissal')
    .selectAll()
    .where('assignment_id', 'in', sources)
    .orderBy('seq')
    .execute();
  if (dismissals.length > 0) {
    const first = await takeSeq(db, 'extra_dismissal', dismissals.length);
    await db
      .insertInto('extra_dismissal')
      .values(
        dismissals.map((d, i) => ({
          ...d,
          id: randomUUID(),
          assignment_id: ids.get(d.assignment_id) as string,
          created_at: createdAt,
          seq: first + i,
        })),
      )
      .execute();
  }
}
