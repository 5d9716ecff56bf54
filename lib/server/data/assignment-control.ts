import 'server-only';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import type { AssignmentChangeTable } from '../db/schema';
import { type Failure, fail, ok, type Result } from '../result';
import { type AssignmentRow, instructorId, isFailure, ownedStudent, visibleAssignment } from './access';
import { countSubmissions, recordChanges } from './assignment-changes';
import { type AssignmentSettings, isKeyReleased, settingsProblem } from './assignments';
import { effectiveDue, markLate } from './student-exceptions';

/*
 * The instructor's control over an assignment once made: edit its settings, delete it,
 * reopen it for one student, give one student a later due time. Only the class's
 * instructor may; every change is recorded (assignment-changes.ts).
 */

/** The assignment, if the actor is the instructor of its class and the class takes changes. */
async function ownedLiveAssignment(db: Db, actor: Actor, assignmentId: string): Promise<AssignmentRow | Failure> {
  const userId = instructorId(actor);
  if (isFailure(userId)) return userId;
  const row = await visibleAssignment(db, actor, assignmentId);
  if (isFailure(row)) return row;
  if (row.archived_at) return fail('archived', 'This class is archived.');
  return row;
}

/**
 * Changes an assignment's dates, key release policy and resubmission rule, under the checks
 * of making one. Records each setting that changed; a changed due time re-marks which
 * submissions are late (each student's extension counts). Returns how many settings changed,
 * and whether the change hides again a key the class could already see (a due date moved
 * later after it passed, a policy changed): allowed, since a date set in the past by mistake
 * is worth mending, but students who looked have seen the key, and the instructor is told.
 */
export async function updateAssignment(
  actor: Actor,
  assignmentId: string,
  input: AssignmentSettings,
  db: Db = getDb(),
): Promise<Result<{ changed: number; hidesReleasedKey: boolean }>> {
  const row = await ownedLiveAssignment(db, actor, assignmentId);
  if (isFailure(row)) return row;
  const now = new Date();
  const problem = settingsProblem(input, now);
  if (problem) return fail('invalid', problem);
  const next = {
    opens_at: input.opensAt?.toISOString() ?? null,
    due_at: input.dueAt?.toISOString() ?? null,
    release_policy: input.releasePolicy,
    allow_resubmit: input.allowResubmit ? (1 as const) : (0 as const),
  };
  const changes: Pick<AssignmentChangeTable, 'kind' | 'from_value' | 'to_value'>[] = [];
  if (next.opens_at !== row.opens_at)
    changes.push({ kind: 'opens', from_value: row.opens_at, to_value: next.opens_at });
  if (next.due_at !== row.due_at) changes.push({ kind: 'due', from_value: row.due_at, to_value: next.due_at });
  if (next.release_policy !== row.release_policy)
    changes.push({ kind: 'release-policy', from_value: row.release_policy, to_value: next.release_policy });
  if (next.allow_resubmit !== row.allow_resubmit)
    changes.push({ kind: 'resubmit', from_value: String(row.allow_resubmit), to_value: String(next.allow_resubmit) });
  if (changes.length === 0) return ok({ changed: 0, hidesReleasedKey: false });
  const submitted = (await countSubmissions(db, row.id)) > 0;
  const hidesReleasedKey = isKeyReleased(row, now, submitted) && !isKeyReleased({ ...row, ...next }, now, submitted);
  const userId = actor.kind === 'instructor' ? actor.userId : '';
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('assignment').set(next).where('id', '=', row.id).execute();
    await recordChanges(
      trx,
      row.id,
      userId,
      changes.map((c) => ({ ...c, student_id: null, student_name: null })),
    );
    if (next.due_at !== row.due_at) await markLate(trx, row.id, next.due_at);
  });
  return ok({ changed: changes.length, hidesReleasedKey });
}

/**
 * Deletes an assignment with everything of it: drafts, submissions and the comments on
 * them, class key additions, dismissed extras, exceptions and its record of changes (the
 * foreign keys cascade). Returns how many submissions went with it.
 */
export async function deleteAssignment(
  actor: Actor,
  assignmentId: string,
  db: Db = getDb(),
): Promise<Result<{ submissions: number }>> {
  const row = await ownedLiveAssignment(db, actor, assignmentId);
  if (isFailure(row)) return row;
  const count = await countSubmissions(db, row.id);
  await db.deleteFrom('assignment').where('id', '=', row.id).execute();
  return ok({ submissions: count });
}

/** A student of the assignment's class, for the class's instructor. */
async function classStudent(db: Db, actor: Actor, assignment: AssignmentRow, studentId: string) {
  const student = await ownedStudent(db, actor, studentId);
  if (isFailure(student)) return student;
  if (student.classId !== assignment.class_id) return fail('not-found', 'No such student.');
  return student;
}

/**
 * Lets one student submit each exercise of the assignment once more, even when the rule is
 * one submission each. Refused (`conflict`) when the rule already allows resubmission.
 */
export async function reopenForStudent(
  actor: Actor,
  assignmentId: string,
  studentId: string,
  db: Db = getDb(),
): Promise<Result<{ extraAttempts: number }>> {
  const row = await ownedLiveAssignment(db, actor, assignmentId);
  if (isFailure(row)) return row;
  const student = await classStudent(db, actor, row, studentId);
  if (isFailure(student)) return student;
  if (row.allow_resubmit === 1)
    return fail('conflict', `Students may already submit again, ${student.displayName} included.`);
  const now = new Date().toISOString();
  const userId = actor.kind === 'instructor' ? actor.userId : '';
  const extra = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('assignment_exception')
      .values({ assignment_id: row.id, student_id: student.id, due_at: null, extra_attempts: 1, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['assignment_id', 'student_id']).doUpdateSet((eb) => ({
          extra_attempts: eb('assignment_exception.extra_attempts', '+', 1),
          updated_at: now,
        })),
      )
      .execute();
    const stored = await trx
      .selectFrom('assignment_exception')
      .select('extra_attempts')
      .where('assignment_id', '=', row.id)
      .where('student_id', '=', student.id)
      .executeTakeFirstOrThrow();
    await recordChanges(trx, row.id, userId, [
      {
        kind: 'reopened',
        student_id: student.id,
        student_name: student.displayName,
        from_value: null,
        to_value: String(stored.extra_attempts),
      },
    ]);
    return Number(stored.extra_attempts);
  });
  return ok({ extraAttempts: extra });
}

/**
 * Gives one student a later due time than the assignment's: their submissions before it are
 * not late, and a key released after the due time opens to them at theirs. Replaces an
 * extension given before (it may be shortened, never to the assignment's own due time or
 * earlier). Refused (`invalid`) when the assignment has no due time or the new one is not
 * after it.
 */
export async function extendForStudent(
  actor: Actor,
  assignmentId: string,
  studentId: string,
  dueAt: Date,
  db: Db = getDb(),
): Promise<Result<{ dueAt: string }>> {
  const row = await ownedLiveAssignment(db, actor, assignmentId);
  if (isFailure(row)) return row;
  const student = await classStudent(db, actor, row, studentId);
  if (isFailure(student)) return student;
  if (row.due_at === null) return fail('invalid', 'This assignment has no due date, so no one is late.');
  if (Number.isNaN(dueAt.getTime())) return fail('invalid', 'The new due date is not valid.');
  const problem = settingsProblem(
    { opensAt: null, dueAt, releasePolicy: row.release_policy, allowResubmit: false },
    new Date(),
  );
  if (problem) return fail('invalid', problem);
  if (dueAt.getTime() <= Date.parse(row.due_at))
    return fail('invalid', 'The new due date must come after the assignment’s own due date.');
  const before = await db
    .selectFrom('assignment_exception')
    .select('due_at')
    .where('assignment_id', '=', row.id)
    .where('student_id', '=', student.id)
    .executeTakeFirst();
  const iso = dueAt.toISOString();
  const now = new Date().toISOString();
  const userId = actor.kind === 'instructor' ? actor.userId : '';
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('assignment_exception')
      .values({ assignment_id: row.id, student_id: student.id, due_at: iso, extra_attempts: 0, updated_at: now })
      .onConflict((oc) => oc.columns(['assignment_id', 'student_id']).doUpdateSet({ due_at: iso, updated_at: now }))
      .execute();
    await recordChanges(trx, row.id, userId, [
      {
        kind: 'extension',
        student_id: student.id,
        student_name: student.displayName,
        from_value: effectiveDue(row.due_at, before?.due_at ?? null),
        to_value: iso,
      },
    ]);
    await markLate(trx, row.id, row.due_at);
  });
  return ok({ dueAt: iso });
}
