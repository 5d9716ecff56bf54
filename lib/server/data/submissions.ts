import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import type { SubmissionTable } from '../db/schema';
import { hasArrived } from '../instants';
import { fail, ok, type Result } from '../result';
import { type AssignmentRow, isFailure, studentActor, visibleAssignment, workableAssignment } from './access';
import { toJson } from './answers-json';
import { isKeyReleased } from './assignments';
import { attemptsAllowed } from './student-exceptions';

const CLIENT_ID = /^[A-Za-z0-9_-]{8,100}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Racing resubmissions may take the same attempt number; a fresh read settles it. */
const SUBMIT_ATTEMPTS = 3;

/** A student's own submission. `score` is null until the answer key is released to them. */
export type MySubmission = {
  id: string;
  clientId: string;
  exerciseId: string;
  attempt: number;
  answers: unknown;
  late: boolean;
  submittedAt: string;
  keyReleased: boolean;
  score: unknown;
  /** The class key version the score was computed against (0: the shipped key). */
  keyVersion: number;
};

/** A submission as the instructor's list shows it (answers are fetched when reviewing). */
export type SubmissionListItem = {
  id: string;
  studentId: string;
  displayName: string;
  exerciseId: string;
  attempt: number;
  late: boolean;
  submittedAt: string;
  score: unknown;
};

export type SubmitInput = {
  /** Chosen by the client once per attempt and reused on retries (e.g. crypto.randomUUID()). */
  clientId: string;
  assignmentId: string;
  exerciseId: string;
  answers: unknown;
  /** SHA-256 (hex) of the article text the answers' offsets refer to. */
  articleSha256: string;
  /** The result of lib/scoring's score(), computed by the caller. */
  score: unknown;
  /** The class key version `score` was computed against (lib/server/keys); 0 when absent. */
  keyVersion?: number;
};

/**
 * Submits an exercise. Idempotent by clientId: a retry, even a concurrent one, returns the
 * first submission and never stores a second. A new submission of an exercise already
 * submitted is refused with `conflict` unless the assignment allows resubmission or the
 * instructor reopened it for this student (one more submission per reopening); one made
 * after the student's own due time (an extension counts) is stored and flagged late.
 */
export async function submitExercise(
  actor: Actor,
  input: SubmitInput,
  db: Db = getDb(),
): Promise<Result<MySubmission>> {
  if (!CLIENT_ID.test(input.clientId)) return fail('invalid', 'Not a submission id.');
  if (!SHA256_HEX.test(input.articleSha256)) return fail('invalid', 'Not an article checksum.');
  const context = await workableAssignment(db, actor, input.assignmentId, input.exerciseId);
  if (isFailure(context)) return context;
  const { student, assignment } = context;
  const answersJson = toJson(input.answers, 'answers');
  if (isFailure(answersJson)) return answersJson;
  const scoreJson = toJson(input.score, 'scores');
  if (isFailure(scoreJson)) return scoreJson;

  for (let round = 0; round < SUBMIT_ATTEMPTS; round++) {
    const earlier = await findByClientId(db, input.clientId);
    if (earlier) return sameRequest(earlier, student.studentId, input, assignment);
    const previous = await db
      .selectFrom('submission')
      .select((eb) => eb.fn.max('attempt').as('last'))
      .where('student_id', '=', student.studentId)
      .where('assignment_id', '=', assignment.id)
      .where('exercise_id', '=', input.exerciseId)
      .executeTakeFirst();
    const last = previous?.last == null ? 0 : Number(previous.last);
    if (last >= (await attemptsAllowed(db, assignment, student.studentId))) {
      // The submission found may be this very request, stored by a concurrent retry
      // between the first read and now.
      const retried = await findByClientId(db, input.clientId);
      if (retried) return sameRequest(retried, student.studentId, input, assignment);
      return fail(
        'conflict',
        'You have already submitted this exercise, and this assignment does not take resubmissions.',
      );
    }
    const at = new Date();
    const now = at.toISOString();
    // DO NOTHING on any unique conflict: the same clientId (a retry) or the same attempt
    // number (a racing resubmission); the read below tells the two apart.
    await db
      .insertInto('submission')
      .values({
        id: randomUUID(),
        client_id: input.clientId,
        student_id: student.studentId,
        assignment_id: assignment.id,
        exercise_id: input.exerciseId,
        attempt: last + 1,
        answers_json: answersJson,
        article_sha256: input.articleSha256,
        score_json: scoreJson,
        key_version: input.keyVersion ?? 0,
        late: hasArrived(assignment.due_at, at) ? 1 : 0,
        submitted_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const stored = await findByClientId(db, input.clientId);
    if (stored) return sameRequest(stored, student.studentId, input, assignment);
  }
  return fail('conflict', 'Another submission of this exercise was made at the same moment. Try again.');
}

function findByClientId(db: Db, clientId: string) {
  return db.selectFrom('submission').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

/** The stored submission if it answers this same request; a clientId reused elsewhere is refused. */
function sameRequest(
  row: SubmissionTable,
  studentId: string,
  input: SubmitInput,
  assignment: AssignmentRow,
): Result<MySubmission> {
  if (
    row.student_id !== studentId ||
    row.assignment_id !== input.assignmentId ||
    row.exercise_id !== input.exerciseId
  ) {
    return fail('conflict', 'That submission id was already used for other work.');
  }
  return ok(toMine(row, assignment));
}

function toMine(row: SubmissionTable, assignment: AssignmentRow): MySubmission {
  const keyReleased = isKeyReleased(assignment, new Date(), true);
  return {
    id: row.id,
    clientId: row.client_id,
    exerciseId: row.exercise_id,
    attempt: row.attempt,
    answers: JSON.parse(row.answers_json),
    late: row.late === 1,
    submittedAt: row.submitted_at,
    keyReleased,
    score: keyReleased ? JSON.parse(row.score_json) : null,
    keyVersion: Number(row.key_version ?? 0),
  };
}

/** The student's latest submission of one exercise, or null when they have not submitted it. */
export async function getMySubmission(
  actor: Actor,
  input: { assignmentId: string; exerciseId: string },
  db: Db = getDb(),
): Promise<Result<MySubmission | null>> {
  const student = studentActor(actor);
  if (isFailure(student)) return student;
  const assignment = await visibleAssignment(db, student, input.assignmentId);
  if (isFailure(assignment)) return assignment;
  const row = await db
    .selectFrom('submission')
    .selectAll()
    .where('student_id', '=', student.studentId)
    .where('assignment_id', '=', assignment.id)
    .where('exercise_id', '=', input.exerciseId)
    .orderBy('attempt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return ok(row ? toMine(row, assignment) : null);
}

/** Every submission of an assignment, for the instructor of its class: by student, exercise, attempt. */
export async function listSubmissions(
  actor: Actor,
  assignmentId: string,
  db: Db = getDb(),
): Promise<Result<SubmissionListItem[]>> {
  if (actor.kind !== 'instructor') {
    return fail('forbidden', actor.kind === 'anonymous' ? 'Sign in first.' : 'Only the class instructor can do this.');
  }
  const assignment = await visibleAssignment(db, actor, assignmentId);
  if (isFailure(assignment)) return assignment;
  const rows = await db
    .selectFrom('submission')
    .innerJoin('student', 'student.id', 'submission.student_id')
    .select([
      'submission.id',
      'submission.student_id',
      'student.display_name',
      'submission.exercise_id',
      'submission.attempt',
      'submission.late',
      'submission.submitted_at',
      'submission.score_json',
    ])
    .where('submission.assignment_id', '=', assignment.id)
    .orderBy('student.display_name')
    .orderBy('submission.student_id')
    .orderBy('submission.exercise_id')
    .orderBy('submission.attempt')
    .execute();
  return ok(
    rows.map((row) => ({
      id: row.id,
      studentId: row.student_id,
      displayName: row.display_name,
      exerciseId: row.exercise_id,
      attempt: row.attempt,
      late: row.late === 1,
      submittedAt: row.submitted_at,
      score: JSON.parse(row.score_json),
    })),
  );
}
