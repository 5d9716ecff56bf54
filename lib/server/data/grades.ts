import 'server-only';
import { describeRule, type GradingRule, gradeOf } from '../../scoring';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import { fail, ok, type Result } from '../result';
import { isFailure } from './access';
import { getDashboard } from './review';
import { reviewedAssignment } from './review-load';

/** One student's line of an assignment's gradebook. */
export type GradebookRow = {
  studentId: string;
  name: string;
  /** Overall F1 per exercise of the lesson, in order; null where not submitted. */
  exerciseF1: (number | null)[];
  /** The mean over the lesson's exercises, a missing one counting as 0; null without exercises. */
  lessonF1: number | null;
  completeAnswers: number;
  /** The grade by the rule. */
  computed: number;
  /** The teacher's grade for this student, if set by hand, and their note. */
  override: { points: number; note: string } | null;
  /** The grade that counts: the override, else the computed one. */
  grade: number;
  possible: number;
  /** Some submission of this assignment came after the due time. */
  late: boolean;
};

export type Gradebook = {
  assignmentId: string;
  lessonTitle: string;
  className: string;
  rule: GradingRule;
  /** The rule in plain words. */
  ruleText: string;
  exerciseIds: string[];
  questions: number;
  /** The lesson's written questions, in order, with their model answers (for the teacher). */
  questionList: { id: string; prompt: string; model: string }[];
  rows: GradebookRow[];
};

/** The grades of an assignment's students by its rule and the teacher's overrides; its instructor only. */
export async function getGradebook(actor: Actor, assignmentId: string, db: Db = getDb()): Promise<Result<Gradebook>> {
  const context = await reviewedAssignment(db, actor, assignmentId);
  if (isFailure(context)) return context;
  const dashboard = await getDashboard(actor, assignmentId, undefined, db);
  if (!dashboard.ok) return dashboard;
  const { assignment } = context;
  const rule = { labelPoints: assignment.label_points, answerPoints: assignment.answer_points };
  const questions = context.lesson?.questions.length ?? 0;
  const exercises = dashboard.value.exercises;
  const [students, complete, overrides] = await Promise.all([
    db
      .selectFrom('student')
      .select(['id', 'display_name'])
      .where('class_id', '=', assignment.class_id)
      .orderBy('display_name')
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('question_answer')
      .select(['student_id', 'question_id'])
      .where('assignment_id', '=', assignment.id)
      .where('review_status', '=', 'complete')
      .execute(),
    db.selectFrom('grade_override').selectAll().where('assignment_id', '=', assignment.id).execute(),
  ]);
  const known = new Set(context.lesson?.questions.map((q) => q.id) ?? []);
  const rows = students.map((student): GradebookRow => {
    const byExercise = exercises.map((e) => e.rows.find((r) => r.studentId === student.id));
    const exerciseF1 = byExercise.map((r) => r?.overall?.f1 ?? null);
    const completeAnswers = complete.filter((c) => c.student_id === student.id && known.has(c.question_id)).length;
    const grade = gradeOf(rule, { exerciseF1, completeAnswers }, questions);
    const override = overrides.find((o) => o.student_id === student.id);
    return {
      studentId: student.id,
      name: student.display_name,
      exerciseF1,
      lessonF1: grade.lessonF1,
      completeAnswers,
      computed: grade.points,
      override: override ? { points: Number(override.points), note: override.note } : null,
      grade: override ? Number(override.points) : grade.points,
      possible: grade.possible,
      late: byExercise.some((r) => r?.status === 'late'),
    };
  });
  return ok({
    assignmentId: assignment.id,
    lessonTitle: context.lesson?.title ?? assignment.lesson_slug,
    className: context.className,
    rule,
    ruleText: describeRule(rule, exercises.length, questions),
    exerciseIds: exercises.map((e) => e.exerciseId),
    questions,
    questionList: (context.lesson?.questions ?? []).map((q) => ({ id: q.id, prompt: q.prompt, model: q.model })),
    rows,
  });
}

/** Sets an assignment's grading rule; its instructor only. */
export async function setGradingRule(
  actor: Actor,
  assignmentId: string,
  rule: GradingRule,
  db: Db = getDb(),
): Promise<Result<GradingRule>> {
  const context = await reviewedAssignment(db, actor, assignmentId);
  if (isFailure(context)) return context;
  await db
    .updateTable('assignment')
    .set({ label_points: rule.labelPoints, answer_points: rule.answerPoints })
    .where('id', '=', context.assignment.id)
    .execute();
  return ok(rule);
}

/**
 * Sets one student's grade by hand, with a note (points null: back to the rule's grade);
 * the class's instructor only, for a student of the class.
 */
export async function setGradeOverride(
  actor: Actor,
  input: { assignmentId: string; studentId: string; points: number | null; note: string },
  db: Db = getDb(),
): Promise<Result<{ points: number | null }>> {
  const context = await reviewedAssignment(db, actor, input.assignmentId);
  if (isFailure(context)) return context;
  const student = await db
    .selectFrom('student')
    .select('id')
    .where('id', '=', input.studentId)
    .where('class_id', '=', context.assignment.class_id)
    .executeTakeFirst();
  if (!student) return fail('not-found', 'No such student in this class.');
  const key = { assignment_id: context.assignment.id, student_id: student.id };
  if (input.points === null) {
    await db
      .deleteFrom('grade_override')
      .where('assignment_id', '=', key.assignment_id)
      .where('student_id', '=', key.student_id)
      .execute();
    return ok({ points: null });
  }
  const values = { points: input.points, note: input.note.trim(), created_at: new Date().toISOString() };
  await db
    .insertInto('grade_override')
    .values({ ...key, ...values })
    .onConflict((oc) => oc.columns(['assignment_id', 'student_id']).doUpdateSet(values))
    .execute();
  return ok({ points: input.points });
}

/** `x` rounded to `digits` decimal places, as a number (no float noise such as 0.8333333333333335). */
function rounded(x: number, digits: number): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}

/**
 * The gradebook as CSV rows, named so that a spreadsheet or an LMS gradebook import takes
 * them as they are: a stable pseudonymous student id (the student's id in Close Read), the
 * display name, each exercise's overall F1 and the lesson's (0 to 1, four decimals, as the
 * scores export), how many exercises were submitted (a lesson F1 of 0 with none submitted is
 * work not started), answers marked complete, the grade (two decimals; blank while there is
 * no grading rule and no grade set by hand), points possible (blank with no rule), whether it
 * was set by hand and why, and late.
 */
export function gradebookRows(book: Gradebook): Record<string, string | number>[] {
  return book.rows.map((r) => ({
    'Student ID': r.studentId,
    'Display name': r.name,
    ...Object.fromEntries(
      book.exerciseIds.map((id, i) => {
        const f1 = r.exerciseF1[i];
        return [`Exercise ${i + 1} F1 (${id})`, f1 === null || f1 === undefined ? '' : rounded(f1, 4)];
      }),
    ),
    'Lesson F1': r.lessonF1 === null ? '' : rounded(r.lessonF1, 4),
    'Exercises submitted': r.exerciseF1.filter((f) => f !== null).length,
    'Written answers complete': r.completeAnswers,
    Grade: r.override || r.possible > 0 ? rounded(r.grade, 2) : '',
    'Points possible': r.possible > 0 ? r.possible : '',
    'Set by hand': r.override ? 'yes' : 'no',
    'Grade note': r.override?.note ?? '',
    Late: r.late ? 'yes' : 'no',
  }));
}
