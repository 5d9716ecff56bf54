import 'server-only';
import { randomUUID } from 'node:crypto';
import { getLesson } from '../../content/lessons';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import type { QuestionAnswerTable } from '../db/schema';
import { fail, ok, type Result } from '../result';
import { instructorId, isFailure, studentActor, visibleAssignment, workableAssignment } from './access';
import { readDraft } from './answers-json';
import { isKeyReleased } from './assignments';
import { reviewedAssignment } from './review-load';

/*
 * A class student's written answers to a lesson's questions: stored when the student checks
 * an answer (one row per student, assignment and question, replaced by a new answer), read
 * by the class's instructor, who marks each complete or to revise and may comment; the
 * student sees that review once the assignment's key is released to them.
 */

export type ReviewStatus = 'complete' | 'revise';

/** One stored answer as the instructor sees it. */
export type AnswerView = {
  id: string;
  studentId: string;
  studentName: string;
  questionId: string;
  answer: string;
  submittedAt: string;
  status: ReviewStatus | null;
  comment: string | null;
};

/**
 * Stores the student's answer to a question of an open assignment of their class. A retry
 * with the same `clientId` changes nothing; a new answer replaces the old one and waits for
 * a new review (the teacher's comment on the old one stays until they write another).
 */
export async function submitAnswer(
  actor: Actor,
  input: { assignmentId: string; questionId: string; clientId: string; answer: string },
  db: Db = getDb(),
): Promise<Result<{ id: string; submittedAt: string }>> {
  const context = await workableAssignment(db, actor, input.assignmentId, input.questionId);
  if (isFailure(context)) return context;
  const where = { student: context.student.studentId, assignment: context.assignment.id };
  const existing = await findAnswer(db, where.student, where.assignment, input.questionId);
  if (existing?.client_id === input.clientId) return ok({ id: existing.id, submittedAt: existing.submitted_at });
  const submittedAt = new Date().toISOString();
  const changed = existing !== undefined && existing.answer !== input.answer;
  await db
    .insertInto('question_answer')
    .values({
      id: randomUUID(),
      student_id: where.student,
      assignment_id: where.assignment,
      question_id: input.questionId,
      client_id: input.clientId,
      answer: input.answer,
      submitted_at: submittedAt,
      review_status: null,
      teacher_comment: null,
      reviewed_at: null,
    })
    .onConflict((oc) =>
      oc.columns(['student_id', 'assignment_id', 'question_id']).doUpdateSet({
        answer: input.answer,
        client_id: input.clientId,
        submitted_at: submittedAt,
        ...(changed ? { review_status: null, reviewed_at: null } : {}),
      }),
    )
    .execute();
  const stored = await findAnswer(db, where.student, where.assignment, input.questionId);
  if (!stored) return fail('conflict', 'The answer could not be stored. Try again.');
  return ok({ id: stored.id, submittedAt: stored.submitted_at });
}

function findAnswer(db: Db, studentId: string, assignmentId: string, questionId: string) {
  return db
    .selectFrom('question_answer')
    .selectAll()
    .where('student_id', '=', studentId)
    .where('assignment_id', '=', assignmentId)
    .where('question_id', '=', questionId)
    .executeTakeFirst();
}

/**
 * Every stored answer of an assignment, for the instructor of its class, by student name
 * (and join order for equal names) within each question. `studentId` narrows it to one student.
 */
export async function listAnswers(
  actor: Actor,
  assignmentId: string,
  db: Db = getDb(),
  studentId?: string,
): Promise<Result<AnswerView[]>> {
  const context = await reviewedAssignment(db, actor, assignmentId);
  if (isFailure(context)) return context;
  let query = db
    .selectFrom('question_answer')
    .innerJoin('student', 'student.id', 'question_answer.student_id')
    .selectAll('question_answer')
    .select('student.display_name')
    .where('question_answer.assignment_id', '=', context.assignment.id)
    .orderBy('question_answer.question_id')
    .orderBy('student.display_name')
    .orderBy('student.seq');
  if (studentId !== undefined) query = query.where('question_answer.student_id', '=', studentId);
  return ok((await query.execute()).map((row) => toView(row, row.display_name)));
}

/** A written answer a student is still writing: kept as a draft, not checked yet. */
export type AnswerDraftView = {
  studentId: string;
  studentName: string;
  questionId: string;
  answer: string;
  savedAt: string;
};

/**
 * The drafts of written answers the class's students have not checked (no answer yet, or
 * changed since the answer they last checked), for the class's instructor: work in progress,
 * shown as such beside the answers. Only drafts of the assignment's lesson's questions.
 */
export async function listAnswerDrafts(
  actor: Actor,
  assignmentId: string,
  db: Db = getDb(),
  studentId?: string,
): Promise<Result<AnswerDraftView[]>> {
  const userId = instructorId(actor);
  if (isFailure(userId)) return userId;
  const assignment = await visibleAssignment(db, actor, assignmentId);
  if (isFailure(assignment)) return assignment;
  const questionIds = getLesson(assignment.lesson_slug)?.questions.map((q) => q.id) ?? [];
  if (questionIds.length === 0) return ok([]);
  // Each draft with the answer its student last checked to the same question, if any.
  let query = db
    .selectFrom('draft')
    .innerJoin('student', 'student.id', 'draft.student_id')
    .leftJoin('question_answer', (join) =>
      join
        .onRef('question_answer.student_id', '=', 'draft.student_id')
        .onRef('question_answer.assignment_id', '=', 'draft.assignment_id')
        .onRef('question_answer.question_id', '=', 'draft.exercise_id'),
    )
    .select([
      'draft.student_id',
      'draft.exercise_id',
      'draft.answers_json',
      'draft.updated_at',
      'student.display_name',
      'question_answer.answer as checked_answer',
      'question_answer.submitted_at as checked_at',
    ])
    .where('draft.assignment_id', '=', assignment.id)
    .where('draft.exercise_id', 'in', questionIds)
    .orderBy('draft.exercise_id')
    .orderBy('student.display_name')
    .orderBy('student.seq');
  if (studentId !== undefined) query = query.where('draft.student_id', '=', studentId);
  return ok(
    (await query.execute()).flatMap((row): AnswerDraftView[] => {
      const content = readDraft(row.answers_json);
      if (content?.kind !== 'answer' || content.answer.trim() === '') return [];
      // A draft the student has checked since (or saved before checking) is the answer itself.
      const { checked_answer: checked, checked_at: checkedAt } = row;
      if (checked !== null && (checked.trim() === content.answer.trim() || (checkedAt ?? '') >= row.updated_at))
        return [];
      return [
        {
          studentId: row.student_id,
          studentName: row.display_name,
          questionId: row.exercise_id,
          answer: content.answer,
          savedAt: row.updated_at,
        },
      ];
    }),
  );
}

function toView(row: QuestionAnswerTable, studentName: string): AnswerView {
  return {
    id: row.id,
    studentId: row.student_id,
    studentName,
    questionId: row.question_id,
    answer: row.answer,
    submittedAt: row.submitted_at,
    status: row.review_status,
    comment: row.teacher_comment,
  };
}

/** Marks an answer complete or to revise, with an optional comment; the class's instructor only. */
export async function reviewAnswer(
  actor: Actor,
  input: { assignmentId: string; answerId: string; status: ReviewStatus; comment: string },
  db: Db = getDb(),
): Promise<Result<{ status: ReviewStatus }>> {
  const context = await reviewedAssignment(db, actor, input.assignmentId);
  if (isFailure(context)) return context;
  const updated = await db
    .updateTable('question_answer')
    .set({
      review_status: input.status,
      teacher_comment: input.comment.trim() === '' ? null : input.comment.trim(),
      reviewed_at: new Date().toISOString(),
    })
    .where('id', '=', input.answerId)
    .where('assignment_id', '=', context.assignment.id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return fail('not-found', 'No such answer.');
  return ok({ status: input.status });
}

/**
 * The student's own answers on an assignment with their teacher's review, which shows only
 * once the assignment's key is released to them (as the teacher's comments on labels do).
 */
export async function listMyAnswers(
  actor: Actor,
  assignmentId: string,
  db: Db = getDb(),
): Promise<Result<{ released: boolean; answers: Omit<AnswerView, 'studentName'>[] }>> {
  const student = studentActor(actor);
  if (isFailure(student)) return student;
  const assignment = await visibleAssignment(db, student, assignmentId);
  if (isFailure(assignment)) return assignment;
  const released = isKeyReleased(assignment, new Date(), true);
  const rows = await db
    .selectFrom('question_answer')
    .selectAll()
    .where('student_id', '=', student.studentId)
    .where('assignment_id', '=', assignment.id)
    .orderBy('question_id')
    .execute();
  return ok({
    released,
    answers: rows.map((row) => {
      const { studentName: _n, ...view } = toView(row, '');
      return released ? view : { ...view, status: null, comment: null };
    }),
  });
}
