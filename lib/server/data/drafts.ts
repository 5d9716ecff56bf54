import 'server-only';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import { ok, type Result } from '../result';
import { isFailure, studentActor, visibleAssignment, workableAssignment } from './access';
import { readDraft, type StoredDraft, toJson } from './answers-json';

/** Saves the student's work in progress on one exercise, replacing the previous draft. */
export async function saveDraft(
  actor: Actor,
  input: { assignmentId: string; exerciseId: string; answers: unknown },
  db: Db = getDb(),
): Promise<Result<{ updatedAt: string }>> {
  const context = await workableAssignment(db, actor, input.assignmentId, input.exerciseId);
  if (isFailure(context)) return context;
  const answersJson = toJson(input.answers, 'answers');
  if (isFailure(answersJson)) return answersJson;
  const updatedAt = new Date().toISOString();
  await db
    .insertInto('draft')
    .values({
      student_id: context.student.studentId,
      assignment_id: context.assignment.id,
      exercise_id: input.exerciseId,
      answers_json: answersJson,
      updated_at: updatedAt,
    })
    .onConflict((oc) =>
      oc
        .columns(['student_id', 'assignment_id', 'exercise_id'])
        .doUpdateSet({ answers_json: answersJson, updated_at: updatedAt }),
    )
    .execute();
  return ok({ updatedAt });
}

/** The student's draft of one exercise (or written answer), or null when there is none or it cannot be read. */
export async function getDraft(
  actor: Actor,
  input: { assignmentId: string; exerciseId: string },
  db: Db = getDb(),
): Promise<Result<{ content: StoredDraft; updatedAt: string } | null>> {
  const student = studentActor(actor);
  if (isFailure(student)) return student;
  const assignment = await visibleAssignment(db, student, input.assignmentId);
  if (isFailure(assignment)) return assignment;
  const row = await db
    .selectFrom('draft')
    .select(['answers_json', 'updated_at'])
    .where('student_id', '=', student.studentId)
    .where('assignment_id', '=', assignment.id)
    .where('exercise_id', '=', input.exerciseId)
    .executeTakeFirst();
  const content = row ? readDraft(row.answers_json) : null;
  return ok(row && content ? { content, updatedAt: row.updated_at } : null);
}
