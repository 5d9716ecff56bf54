import 'server-only';
import { randomUUID } from 'node:crypto';
import { outsideAssignmentWindow } from '../../validation/local-time';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import type { AssignmentTable, ReleasePolicy } from '../db/schema';
import { takeSeq } from '../db/sequence';
import { hasArrived, isAhead } from '../instants';
import { fail, ok, type Result } from '../result';
import { isFailure, ownedClass, studentActor, visibleAssignment } from './access';
import { withStudentDue } from './student-exceptions';

export const RELEASE_POLICIES: readonly ReleasePolicy[] = ['on-submit', 'after-due', 'manual'];

/** A lesson slug as the content folder names lessons: lower-case words joined by dashes. */
const LESSON_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** More lessons than a course has; bounds one request's work. */
const MAX_LESSONS_PER_REQUEST = 50;

/** An assignment as its instructor sees it. */
export type AssignmentView = {
  id: string;
  classId: string;
  lessonSlug: string;
  opensAt: string | null;
  dueAt: string | null;
  releasePolicy: ReleasePolicy;
  releasedAt: string | null;
  /** The key is open to the whole class now: released by hand, or by an after-due policy whose due time has passed. */
  keyOpenToAll: boolean;
  allowResubmit: boolean;
  createdAt: string;
};

/**
 * An assignment as a student sees it. `keyReleased` says whether the answer key is open
 * to everyone now; under 'on-submit' each exercise's key also opens for a student once
 * they submit it (see getMySubmission).
 */
export type StudentAssignmentView = Omit<AssignmentView, 'releasedAt' | 'createdAt' | 'keyOpenToAll'> & {
  keyReleased: boolean;
  /** The due time has passed. */
  pastDue: boolean;
  submittedExerciseIds: string[];
};

/** The stored fields that decide whether an answer key may be shown. */
export type KeyReleaseFacts = Pick<AssignmentTable, 'release_policy' | 'due_at' | 'released_at'>;

/**
 * Whether a student may see the answer key (and their score) of an exercise. A manual
 * release opens it under every policy; otherwise 'on-submit' opens it once the student has
 * submitted, 'after-due' once the due time has passed (never, without a due time), and
 * 'manual' only by release.
 */
export function isKeyReleased(assignment: KeyReleaseFacts, now: Date, studentHasSubmitted: boolean): boolean {
  if (hasArrived(assignment.released_at, now)) return true;
  switch (assignment.release_policy) {
    case 'on-submit':
      return studentHasSubmitted;
    case 'after-due':
      return hasArrived(assignment.due_at, now);
    case 'manual':
      return false;
  }
}

export type CreateAssignmentsInput = {
  classId: string;
  lessonSlugs: string[];
  opensAt: Date | null;
  dueAt: Date | null;
  releasePolicy: ReleasePolicy;
  allowResubmit: boolean;
};

/** An assignment's dates, release policy and resubmission rule, as stored by create and edit. */
export type AssignmentSettings = Pick<CreateAssignmentsInput, 'opensAt' | 'dueAt' | 'releasePolicy' | 'allowResubmit'>;

/** Why these settings cannot be stored (dates outside the window or out of order, an unknown policy), or null. */
export function settingsProblem(input: AssignmentSettings, now: Date): string | null {
  if (!RELEASE_POLICIES.includes(input.releasePolicy)) return 'Unknown key release policy.';
  for (const date of [input.opensAt, input.dueAt]) {
    if (date === null) continue;
    if (Number.isNaN(date.getTime())) return 'A date is not valid.';
    const problem = outsideAssignmentWindow(date, now);
    if (problem) return problem;
  }
  if (input.opensAt && input.dueAt && input.dueAt <= input.opensAt)
    return 'The due time must come after the opening time.';
  if (input.releasePolicy === 'after-due' && !input.dueAt)
    return 'Releasing the key after the due time needs a due time.';
  return null;
}

/** Assigns lessons to a class, one assignment per lesson, all with the same dates and policy. */
export async function createAssignments(
  actor: Actor,
  input: CreateAssignmentsInput,
  db: Db = getDb(),
): Promise<Result<AssignmentView[]>> {
  const klass = await ownedClass(db, actor, input.classId);
  if (isFailure(klass)) return klass;
  if (klass.archived_at) return fail('archived', 'This class is archived.');
  const slugs = [...new Set(input.lessonSlugs)];
  if (slugs.length === 0 || slugs.length > MAX_LESSONS_PER_REQUEST) {
    return fail('invalid', `Choose 1 to ${MAX_LESSONS_PER_REQUEST} lessons.`);
  }
  const badSlug = slugs.find((slug) => !LESSON_SLUG.test(slug));
  if (badSlug !== undefined) return fail('invalid', `Not a lesson name: ${JSON.stringify(badSlug.slice(0, 80))}.`);
  const problem = settingsProblem(input, new Date());
  if (problem) return fail('invalid', problem);
  const now = new Date();
  const createdAt = now.toISOString();
  const firstSeq = await takeSeq(db, 'assignment', slugs.length);
  const rows: AssignmentTable[] = slugs.map((slug, i) => ({
    id: randomUUID(),
    class_id: klass.id,
    lesson_slug: slug,
    opens_at: input.opensAt?.toISOString() ?? null,
    due_at: input.dueAt?.toISOString() ?? null,
    release_policy: input.releasePolicy,
    released_at: null,
    allow_resubmit: input.allowResubmit ? 1 : 0,
    created_at: createdAt,
    seq: firstSeq + i,
    // No grading rule until the teacher picks one on the review page.
    label_points: 0,
    answer_points: 0,
    own_article_id: null,
    own_instructions: null,
    own_labels: null,
  }));
  // A lesson's assignment leaves the own-article columns (migration 0009) to their null
  // default, so it is written the same on a database of any migration since 0007.
  await db
    .insertInto('assignment')
    .values(rows.map(({ own_article_id: _a, own_instructions: _i, own_labels: _l, ...row }) => row))
    .execute();
  return ok(rows.map((row) => toView(row)));
}

/** The class's assignments, for its instructor, oldest first. */
export async function listAssignments(
  actor: Actor,
  classId: string,
  db: Db = getDb(),
): Promise<Result<AssignmentView[]>> {
  const klass = await ownedClass(db, actor, classId);
  if (isFailure(klass)) return klass;
  const rows = await db.selectFrom('assignment').selectAll().where('class_id', '=', klass.id).orderBy('seq').execute();
  return ok(rows.map((row) => toView(row)));
}

/** The open assignments of the student's class (opening time passed), oldest first. */
export async function listMyAssignments(actor: Actor, db: Db = getDb()): Promise<Result<StudentAssignmentView[]>> {
  const student = studentActor(actor);
  if (isFailure(student)) return student;
  const now = new Date();
  const rows = await withStudentDue(
    db,
    student.studentId,
    await db.selectFrom('assignment').selectAll().where('class_id', '=', student.classId).orderBy('seq').execute(),
    (row) => row.id,
  );
  const submitted = await db
    .selectFrom('submission')
    .select(['assignment_id', 'exercise_id'])
    .distinct()
    .where('student_id', '=', student.studentId)
    .execute();
  return ok(
    rows
      .filter((row) => !isAhead(row.opens_at, now))
      .map((row) => ({
        ...studentView(row, now),
        submittedExerciseIds: submitted.filter((s) => s.assignment_id === row.id).map((s) => s.exercise_id),
      })),
  );
}

/** The name of the signed-in student's class, for their class page. */
export async function getMyClassName(actor: Actor, db: Db = getDb()): Promise<Result<string>> {
  const student = studentActor(actor);
  if (isFailure(student)) return student;
  const row = await db.selectFrom('class').select('name').where('id', '=', student.classId).executeTakeFirst();
  return row ? ok(row.name) : fail('not-found', 'No such class.');
}

/** One open assignment of the student's class, e.g. for its lesson page. */
export async function getMyAssignment(
  actor: Actor,
  assignmentId: string,
  db: Db = getDb(),
): Promise<Result<Omit<StudentAssignmentView, 'submittedExerciseIds'>>> {
  const student = studentActor(actor);
  if (isFailure(student)) return student;
  const row = await visibleAssignment(db, student, assignmentId);
  if (isFailure(row)) return row;
  const now = new Date();
  if (isAhead(row.opens_at, now)) return fail('closed', 'This assignment is not open yet.');
  return ok(studentView(row, now));
}

/** Opens the answer key of an assignment to all its students now. Idempotent. */
export async function releaseKey(
  actor: Actor,
  assignmentId: string,
  db: Db = getDb(),
): Promise<Result<{ releasedAt: string }>> {
  if (actor.kind !== 'instructor') return fail('forbidden', 'Only the class instructor can release the key.');
  const row = await visibleAssignment(db, actor, assignmentId);
  if (isFailure(row)) return row;
  if (row.released_at) return ok({ releasedAt: row.released_at });
  const releasedAt = new Date().toISOString();
  await db.updateTable('assignment').set({ released_at: releasedAt }).where('id', '=', row.id).execute();
  return ok({ releasedAt });
}

export function toView(row: AssignmentTable, now: Date = new Date()): AssignmentView {
  return {
    id: row.id,
    classId: row.class_id,
    lessonSlug: row.lesson_slug,
    opensAt: row.opens_at,
    dueAt: row.due_at,
    releasePolicy: row.release_policy,
    releasedAt: row.released_at,
    keyOpenToAll: isKeyReleased(row, now, false),
    allowResubmit: row.allow_resubmit === 1,
    createdAt: row.created_at,
  };
}

function studentView(row: AssignmentTable, now: Date): Omit<StudentAssignmentView, 'submittedExerciseIds'> {
  const { releasedAt: _r, createdAt: _c, keyOpenToAll: _k, ...view } = toView(row, now);
  return { ...view, keyReleased: isKeyReleased(row, now, false), pastDue: hasArrived(row.due_at, now) };
}
