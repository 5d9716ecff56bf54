import 'server-only';
import type { Figures, LabelScore } from '../../scoring';
import { LABELS } from '../../validation/labels';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import { ok, type Result } from '../result';
import { isFailure } from './access';
import type { ExerciseDashboard } from './review';
import { parseAnswers, reviewedAssignment } from './review-load';

/** Figures in the CSV keep four decimals: finer than any grade needs, short enough to read. */
const DECIMALS = 4;

const round = (value: number) => Number(value.toFixed(DECIMALS));

/** A CSV cell: numbers as numbers, a blank where there is no figure. */
type Cell = string | number;

function figureCells(
  prefix: string,
  figures: (Figures & Partial<LabelScore>) | undefined | null,
): Record<string, Cell> {
  return {
    [`${prefix} precision`]: figures ? round(figures.precision) : '',
    [`${prefix} recall`]: figures ? round(figures.recall) : '',
    [`${prefix} f1`]: figures ? round(figures.f1) : '',
    [`${prefix} found`]: figures?.found ?? '',
    [`${prefix} missed`]: figures?.missed ?? '',
    [`${prefix} extra`]: figures?.extra ?? '',
  };
}

/**
 * One row per student of the class for one exercise of the dashboard: name, status, late,
 * per label precision / recall / F1 and counts found / missed / extra, then overall (counts
 * summed over labels). Figures are the dashboard's, rounded to four decimals.
 */
export function scoreRows(exercise: ExerciseDashboard): Record<string, Cell>[] {
  return exercise.rows.map((row) => {
    const cells: Record<string, Cell> = {
      name: row.name,
      status: row.status,
      late: row.status === 'late' ? 'yes' : 'no',
    };
    for (const label of LABELS) Object.assign(cells, figureCells(label, row.perLabel[label]));
    const scored = Object.values(row.perLabel);
    const sum = (field: 'found' | 'missed' | 'extra') => scored.reduce((n, s) => n + (s?.[field] ?? 0), 0);
    Object.assign(
      cells,
      figureCells(
        'overall',
        row.overall && { ...row.overall, found: sum('found'), missed: sum('missed'), extra: sum('extra') },
      ),
    );
    return cells;
  });
}

/** Every span of every submission of an assignment, as the labels.json export holds them. */
export type LabelsExport = {
  assignmentId: string;
  lessonSlug: string;
  exportedAt: string;
  submissions: {
    student: string;
    studentId: string;
    exerciseId: string;
    attempt: number;
    late: boolean;
    submittedAt: string;
    labels: { label: string; start: number; end: number; quote: string; attribute?: string; why?: string }[];
  }[];
};

/** All labels of all submissions (every attempt) of an assignment, for the instructor of its class. */
export async function exportLabels(
  actor: Actor,
  assignmentId: string,
  db: Db = getDb(),
): Promise<Result<LabelsExport>> {
  const context = await reviewedAssignment(db, actor, assignmentId);
  if (isFailure(context)) return context;
  const rows = await db
    .selectFrom('submission')
    .innerJoin('student', 'student.id', 'submission.student_id')
    .select([
      'student.display_name',
      'submission.student_id',
      'submission.exercise_id',
      'submission.attempt',
      'submission.late',
      'submission.submitted_at',
      'submission.answers_json',
    ])
    .where('submission.assignment_id', '=', context.assignment.id)
    .orderBy('student.display_name')
    .orderBy('submission.student_id')
    .orderBy('submission.exercise_id')
    .orderBy('submission.attempt')
    .execute();
  const texts = new Map(context.exercises.map((e) => [e.exercise.id, e.article.text]));
  return ok({
    assignmentId: context.assignment.id,
    lessonSlug: context.assignment.lesson_slug,
    exportedAt: new Date().toISOString(),
    submissions: rows.map((row) => ({
      student: row.display_name,
      studentId: row.student_id,
      exerciseId: row.exercise_id,
      attempt: row.attempt,
      late: Number(row.late) === 1,
      submittedAt: row.submitted_at,
      labels: parseAnswers(row.answers_json).map((span) => ({
        ...span,
        quote: (texts.get(row.exercise_id) ?? '').slice(span.start, span.end),
      })),
    })),
  });
}
