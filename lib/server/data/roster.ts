import 'server-only';
import { displayNameKey } from '../../validation/display-name';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { fail, ok, type Result } from '../result';
import { checkDisplayName, issueResumeCode, nameTaken } from '../students';
import { isFailure, ownedStudent, SIGN_IN_FIRST, studentWithClass } from './access';
import { readAnswers, readDraft, readScore } from './answers-json';
import { isKeyReleased } from './assignments';
import { withStudentDue } from './student-exceptions';

/*
 * The instructor's operations on one student of their class (split from classes.ts to keep
 * files small): reset the resume code, remove the student, export their data.
 */

/**
 * Gives the student a new resume code, returned once for the instructor to pass on, and
 * signs the student out everywhere.
 */
export async function resetStudentResumeCode(
  actor: Actor,
  studentId: string,
  db: Db = getDb(),
): Promise<Result<{ resumeCode: string }>> {
  const student = await ownedStudent(db, actor, studentId);
  if (isFailure(student)) return student;
  return ok({ resumeCode: await issueResumeCode(db, student.id, student.classId) });
}

/**
 * Renames a student of the instructor's class: the same rules as joining (visible, at most
 * 60 characters, not used by another student of the class, ignoring case and spacing).
 */
export async function renameStudent(
  actor: Actor,
  studentId: string,
  name: string,
  db: Db = getDb(),
): Promise<Result<{ displayName: string }>> {
  const student = await ownedStudent(db, actor, studentId);
  if (isFailure(student)) return student;
  const displayName = checkDisplayName(name);
  if (typeof displayName !== 'string') return displayName;
  try {
    await db
      .updateTable('student')
      .set({ display_name: displayName, name_key: displayNameKey(displayName) })
      .where('id', '=', student.id)
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) return nameTaken(displayName);
    throw error;
  }
  return ok({ displayName });
}

/**
 * Removes the student and everything of theirs: comments on their submissions, the
 * submissions, drafts and sessions. The foreign keys cascade too; the explicit deletes
 * make the intent plain and do not rely on it.
 */
export async function removeStudent(
  actor: Actor,
  studentId: string,
  db: Db = getDb(),
): Promise<Result<{ removed: true }>> {
  const student = await ownedStudent(db, actor, studentId);
  if (isFailure(student)) return student;
  await db.transaction().execute(async (tx) => {
    const theirs = tx.selectFrom('submission').select('id').where('student_id', '=', student.id);
    await tx.deleteFrom('comment').where('submission_id', 'in', theirs).execute();
    await tx.deleteFrom('submission').where('student_id', '=', student.id).execute();
    await tx.deleteFrom('draft').where('student_id', '=', student.id).execute();
    await tx.deleteFrom('student_session').where('student_id', '=', student.id).execute();
    await tx.deleteFrom('student').where('id', '=', student.id).execute();
  });
  return ok({ removed: true });
}

/** Everything stored about one student, in a form fit to hand over as a JSON file. */
export type StudentExport = {
  exportedAt: string;
  student: { id: string; displayName: string; classId: string; className: string; joinedAt: string };
  drafts: { assignmentId: string; lessonSlug: string; exerciseId: string; answers: unknown; updatedAt: string }[];
  submissions: {
    id: string;
    assignmentId: string;
    lessonSlug: string;
    exerciseId: string;
    attempt: number;
    answers: unknown;
    /** Whether the key (and so the score) of this work is open to the student now. */
    keyReleased: boolean;
    /** The score with the key's items; null in a student's own export until the key is released. */
    score: unknown;
    late: boolean;
    submittedAt: string;
  }[];
  comments: { submissionId: string; start: number | null; end: number | null; body: string; createdAt: string }[];
  /** Written answers to lesson questions; the teacher's review of each only once released (for the student). */
  writtenAnswers: {
    assignmentId: string;
    questionId: string;
    answer: string;
    submittedAt: string;
    reviewStatus: string | null;
    teacherComment: string | null;
  }[];
};

/**
 * Exports one student's data: for the class's instructor, everything; for the student
 * themself, exactly what they may see now: their drafts and answers always, but a score
 * (which lists the key's items) and the teacher's comments only once the key of that
 * assignment is released to them (isKeyReleased, as the lesson page and /feedback decide).
 * Secrets (the resume-code hash, session tokens) are left out.
 */
export async function exportStudentData(
  actor: Actor,
  studentId: string,
  db: Db = getDb(),
): Promise<Result<StudentExport>> {
  if (actor.kind === 'anonymous') return SIGN_IN_FIRST;
  let student: Awaited<ReturnType<typeof ownedStudent>>;
  if (actor.kind === 'student') {
    if (actor.studentId !== studentId) return fail('forbidden', 'Students can export only their own work.');
    student = await studentWithClass(db, studentId, null);
  } else {
    student = await ownedStudent(db, actor, studentId);
  }
  if (isFailure(student)) return student;

  const drafts = await db
    .selectFrom('draft')
    .innerJoin('assignment', 'assignment.id', 'draft.assignment_id')
    .select([
      'draft.assignment_id',
      'assignment.lesson_slug',
      'draft.exercise_id',
      'draft.answers_json',
      'draft.updated_at',
    ])
    .where('draft.student_id', '=', student.id)
    .orderBy('draft.updated_at')
    .orderBy('draft.assignment_id')
    .orderBy('draft.exercise_id')
    .execute();
  // Released as it is to this student: their own due time (an extension) counts.
  const submissions = await withStudentDue(
    db,
    student.id,
    await db
      .selectFrom('submission')
      .innerJoin('assignment', 'assignment.id', 'submission.assignment_id')
      .selectAll('submission')
      .select(['assignment.lesson_slug', 'assignment.release_policy', 'assignment.due_at', 'assignment.released_at'])
      .where('submission.student_id', '=', student.id)
      .orderBy('submission.submitted_at')
      .orderBy('submission.assignment_id')
      .orderBy('submission.exercise_id')
      .orderBy('submission.attempt')
      .execute(),
    (s) => s.assignment_id,
  );
  const comments = await db
    .selectFrom('comment')
    .innerJoin('submission', 'submission.id', 'comment.submission_id')
    .select(['comment.submission_id', 'comment.start', 'comment.end', 'comment.body', 'comment.created_at'])
    .where('submission.student_id', '=', student.id)
    .orderBy('comment.seq')
    .execute();
  // The student's own due time (an extension) decides an after-due release for them, as for submissions.
  const written = await withStudentDue(
    db,
    student.id,
    await db
      .selectFrom('question_answer')
      .innerJoin('assignment', 'assignment.id', 'question_answer.assignment_id')
      .selectAll('question_answer')
      .select(['assignment.release_policy', 'assignment.due_at', 'assignment.released_at'])
      .where('question_answer.student_id', '=', student.id)
      .orderBy('question_answer.submitted_at')
      .orderBy('question_answer.question_id')
      .execute(),
    (w) => w.assignment_id,
  );
  const now = new Date();
  const released = new Set(submissions.filter((s) => isKeyReleased(s, now, true)).map((s) => s.id));
  const mayShow = (submissionId: string) => actor.kind === 'instructor' || released.has(submissionId);

  return ok({
    exportedAt: new Date().toISOString(),
    student: {
      id: student.id,
      displayName: student.displayName,
      classId: student.classId,
      className: student.className,
      joinedAt: student.createdAt,
    },
    drafts: drafts.map((d) => ({
      assignmentId: d.assignment_id,
      lessonSlug: d.lesson_slug,
      exerciseId: d.exercise_id,
      answers: draftAnswers(d.answers_json),
      updatedAt: d.updated_at,
    })),
    submissions: submissions.map((s) => ({
      id: s.id,
      assignmentId: s.assignment_id,
      lessonSlug: s.lesson_slug,
      exerciseId: s.exercise_id,
      attempt: s.attempt,
      answers: readAnswers(s.answers_json),
      keyReleased: released.has(s.id),
      score: mayShow(s.id) ? readScore(s.score_json) : null,
      late: s.late === 1,
      submittedAt: s.submitted_at,
    })),
    comments: comments
      .filter((c) => mayShow(c.submission_id))
      .map((c) => ({
        submissionId: c.submission_id,
        start: c.start,
        end: c.end,
        body: c.body,
        createdAt: c.created_at,
      })),
    writtenAnswers: written.map((w) => {
      const shown = actor.kind === 'instructor' || isKeyReleased(w, now, true);
      return {
        assignmentId: w.assignment_id,
        questionId: w.question_id,
        answer: w.answer,
        submittedAt: w.submitted_at,
        reviewStatus: shown ? w.review_status : null,
        teacherComment: shown ? w.teacher_comment : null,
      };
    }),
  });
}

/** A draft as the export shows it: an exercise's spans, a written answer's `{ answer }`, or null. */
function draftAnswers(json: string) {
  const draft = readDraft(json);
  if (draft === null) return null;
  return draft.kind === 'spans' ? draft.spans : { answer: draft.answer };
}
