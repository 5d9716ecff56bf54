import 'server-only';
import type { ScoreResult } from '../../scoring';
import type { Label } from '../../validation/labels';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import { fail, ok, type Result } from '../result';
import { isFailure } from './access';
import type { ClassKeyItem } from './class-key';
import { type CommentView, commentsOf } from './review-comments';
import {
  exerciseText,
  loadClassKey,
  loadExerciseWork,
  reviewedAssignment,
  type StoredSpan,
  type WorkStatus,
} from './review-load';

/** One exercise of one student's work beside the class key. */
export type StudentExerciseReview = {
  exerciseId: string;
  instructions: string;
  labels: Label[];
  status: WorkStatus;
  submissionId: string | null;
  submittedAt: string | null;
  attempt: number | null;
  answers: StoredSpan[];
  result: ScoreResult | null;
  key: ClassKeyItem[];
  text: string;
  start: number;
  end: number;
  comments: CommentView[];
};

export type StudentReview = {
  assignmentId: string;
  lessonSlug: string;
  lessonTitle: string;
  className: string;
  student: { id: string; name: string };
  exercises: StudentExerciseReview[];
};

/**
 * One student's work on an assignment, exercise by exercise, scored against the class key,
 * with the instructor's comments: for the instructor of the class only (forbidden /
 * not-found otherwise, and not-found for a student of another class).
 */
export async function getStudentReview(
  actor: Actor,
  assignmentId: string,
  studentId: string,
  db: Db = getDb(),
): Promise<Result<StudentReview>> {
  const context = await reviewedAssignment(db, actor, assignmentId);
  if (isFailure(context)) return context;
  const student = await db
    .selectFrom('student')
    .select(['id', 'display_name'])
    .where('id', '=', studentId)
    .where('class_id', '=', context.assignment.class_id)
    .executeTakeFirst();
  if (!student) return fail('not-found', 'No such student in this class.');
  const exercises: StudentExerciseReview[] = [];
  for (const resolved of context.exercises) {
    const { exercise } = resolved;
    const key = await loadClassKey(context.keys, context.assignment, exercise.id);
    const [work] = await loadExerciseWork(db, context.assignment, exercise.id, key, student.id);
    exercises.push({
      exerciseId: exercise.id,
      instructions: exercise.instructions,
      labels: exercise.labels,
      status: work?.status ?? 'not-started',
      submissionId: work?.submissionId ?? null,
      submittedAt: work?.submittedAt ?? null,
      attempt: work?.attempt ?? null,
      answers: work?.answers ?? [],
      result: work?.result ?? null,
      key: key.items,
      ...exerciseText(resolved),
      comments: work?.submissionId ? await commentsOf(db, work.submissionId, exercise.id) : [],
    });
  }
  return ok({
    assignmentId: context.assignment.id,
    lessonSlug: context.assignment.lesson_slug,
    lessonTitle: context.lesson?.title ?? context.exercises[0]?.article.title ?? context.assignment.lesson_slug,
    className: context.className,
    student: { id: student.id, name: student.display_name },
    exercises,
  });
}
