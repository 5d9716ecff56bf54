import 'server-only';
import { randomUUID } from 'node:crypto';
import { CommentSchema } from '../../validation/review';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import { takeSeq } from '../db/sequence';
import { keyResolver } from '../keys/resolve';
import { fail, ok, type Result } from '../result';
import { instructorId, isFailure, studentActor } from './access';
import { isKeyReleased } from './assignments';
import { withStudentDue } from './student-exceptions';

/** An instructor's comment as its reader sees it: on a span (with its quote) or the whole submission. */
export type CommentView = {
  id: string;
  start: number | null;
  end: number | null;
  /** The commented text, or null for a comment on the whole submission. */
  quote: string | null;
  body: string;
  createdAt: string;
};

/** What a student may see of the comments on their submission. */
export type StudentComments = { released: boolean; comments: CommentView[] };

const NO_SUBMISSION = fail('not-found', 'No such submission.');

/** The text an exercise's offsets point into, from any exercise source (an own article too). */
async function articleTextOf(db: Db, exerciseId: string): Promise<string> {
  return (await keyResolver(db).exercise(exerciseId))?.article.text ?? '';
}

/** A submission of one of the instructor's classes, or a refusal. */
async function ownedSubmission(db: Db, actor: Actor, submissionId: string) {
  const userId = instructorId(actor);
  if (isFailure(userId)) return userId;
  const row = await db
    .selectFrom('submission')
    .innerJoin('assignment', 'assignment.id', 'submission.assignment_id')
    .innerJoin('class', 'class.id', 'assignment.class_id')
    .select(['submission.id', 'submission.exercise_id'])
    .where('submission.id', '=', submissionId)
    .where('class.instructor_id', '=', userId)
    .executeTakeFirst();
  return row ?? NO_SUBMISSION;
}

/** Comments on a submission, oldest first, with their quotes; no authorization (callers check). */
export async function commentsOf(db: Db, submissionId: string, exerciseId: string): Promise<CommentView[]> {
  const rows = await db
    .selectFrom('comment')
    .select(['id', 'start', 'end', 'body', 'created_at'])
    .where('submission_id', '=', submissionId)
    .orderBy('seq')
    .execute();
  const text = await articleTextOf(db, exerciseId);
  return rows.map((row) => ({
    id: row.id,
    start: row.start,
    end: row.end,
    quote: row.start !== null && row.end !== null ? text.slice(row.start, row.end) : null,
    body: row.body,
    createdAt: row.created_at,
  }));
}

/**
 * Comments on a submission, on a span of the article (start and end) or on the whole of it.
 * Only the instructor of the submission's class may; others are refused (forbidden /
 * not-found), and a span outside the article is `invalid`.
 */
export async function addComment(
  actor: Actor,
  submissionId: string,
  input: unknown,
  db: Db = getDb(),
): Promise<Result<CommentView>> {
  const submission = await ownedSubmission(db, actor, submissionId);
  if (isFailure(submission)) return submission;
  const parsed = CommentSchema.safeParse(input);
  if (!parsed.success) return fail('invalid', parsed.error.issues.map((i) => i.message).join(' '));
  const { start = null, end = null, body } = parsed.data;
  const text = await articleTextOf(db, submission.exercise_id);
  if (end !== null && end > text.length) return fail('invalid', 'The span lies outside the article.');
  const row = {
    id: randomUUID(),
    submission_id: submission.id,
    start,
    end,
    body,
    created_by: (actor as Extract<Actor, { kind: 'instructor' }>).userId,
    created_at: new Date().toISOString(),
    seq: await takeSeq(db, 'comment'),
  };
  await db.insertInto('comment').values(row).execute();
  return ok({
    id: row.id,
    start,
    end,
    quote: start !== null && end !== null ? text.slice(start, end) : null,
    body,
    createdAt: row.created_at,
  });
}

/** Every comment on a submission, oldest first, for the instructor of its class. */
export async function listComments(
  actor: Actor,
  submissionId: string,
  db: Db = getDb(),
): Promise<Result<CommentView[]>> {
  const submission = await ownedSubmission(db, actor, submissionId);
  if (isFailure(submission)) return submission;
  return ok(await commentsOf(db, submission.id, submission.exercise_id));
}

/**
 * The comments on the student's own submission, but only once the assignment's answer
 * key is released to them (isKeyReleased; they have submitted, so 'on-submit' opens at
 * once): before that `released` is false and the list is empty. Another student's
 * submission is `not-found`; anyone but a student is refused.
 */
export async function listCommentsForStudent(
  actor: Actor,
  submissionId: string,
  db: Db = getDb(),
): Promise<Result<StudentComments>> {
  const student = studentActor(actor);
  if (isFailure(student)) return student;
  const row = await db
    .selectFrom('submission')
    .innerJoin('assignment', 'assignment.id', 'submission.assignment_id')
    .select([
      'submission.id',
      'submission.exercise_id',
      'submission.assignment_id',
      'assignment.release_policy',
      'assignment.due_at',
      'assignment.released_at',
    ])
    .where('submission.id', '=', submissionId)
    .where('submission.student_id', '=', student.studentId)
    .where('assignment.class_id', '=', student.classId)
    .executeTakeFirst();
  if (!row) return NO_SUBMISSION;
  const [own = row] = await withStudentDue(db, student.studentId, [row], (r) => r.assignment_id);
  if (!isKeyReleased(own, new Date(), true)) return ok({ released: false, comments: [] });
  return ok({ released: true, comments: await commentsOf(db, row.id, row.exercise_id) });
}

/** The comments on the student's latest submission of an exercise; none when they have not submitted. */
export async function listMyComments(
  actor: Actor,
  input: { assignmentId: string; exerciseId: string },
  db: Db = getDb(),
): Promise<Result<StudentComments>> {
  const student = studentActor(actor);
  if (isFailure(student)) return student;
  const latest = await db
    .selectFrom('submission')
    .select('id')
    .where('student_id', '=', student.studentId)
    .where('assignment_id', '=', input.assignmentId)
    .where('exercise_id', '=', input.exerciseId)
    .orderBy('attempt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return latest ? listCommentsForStudent(student, latest.id, db) : ok({ released: false, comments: [] });
}
