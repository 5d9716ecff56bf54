import 'server-only';
import { ClassAggregator, type ClassSummary, type Figures, type LabelScore } from '../../scoring';
import { LABELS, type Label } from '../../validation/labels';
import { DISTRIBUTION_BINS, parseRosterSort, type RosterSort } from '../../validation/review';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import type { ReleasePolicy } from '../db/schema';
import { ok, type Result } from '../result';
import { isFailure } from './access';
import { CLASS_ITEM_PREFIX } from './class-key';
import { loadClassKey, loadExerciseWork, reviewedAssignment, type WorkStatus } from './review-load';

export { type ClassKeyItem, classKeyItems } from './class-key';
export { addComment, type CommentView, listComments, listCommentsForStudent, listMyComments } from './review-comments';
export { type DisputedItem, type Disputes, getDisputes } from './review-disputes';
export { getHeatmap, type Heatmap } from './review-heatmap';
export { acceptExtra, dismissExtra } from './review-key';
export type { WorkStatus } from './review-load';

/** One student's row of the roster for one exercise; figures are null until they submit. */
export type RosterRow = {
  studentId: string;
  name: string;
  status: WorkStatus;
  submissionId: string | null;
  submittedAt: string | null;
  perLabel: Partial<Record<Label, LabelScore>>;
  overall: Figures | null;
};

/** Per label (and overall), how many students' F1 falls into each tenth: bin i holds [i/10, (i+1)/10), the last one 1 too. */
export type Distribution = Partial<Record<Label | 'overall', number[]>>;

export type ExerciseDashboard = {
  exerciseId: string;
  instructions: string;
  labels: Label[];
  rows: RosterRow[];
  counts: Record<WorkStatus, number>;
  /** Mean figures over submitted students (each counts once) and per key item tallies. */
  averages: ClassSummary;
  distribution: Distribution;
  /** Items this class added to the key. */
  classItems: number;
};

export type Dashboard = {
  assignmentId: string;
  classId: string;
  className: string;
  lessonSlug: string;
  lessonTitle: string;
  /** Whether the assignment is a lesson's, with a teacher's guide (an own article's is not). */
  guide: boolean;
  dueAt: string | null;
  releasePolicy: ReleasePolicy;
  releasedAt: string | null;
  sort: RosterSort;
  exercises: ExerciseDashboard[];
};

const STATUS_ORDER: Record<WorkStatus, number> = { 'not-started': 0, 'in-progress': 1, submitted: 2, late: 3 };

/** The bin of a figure in [0, 1]. */
export function binOf(value: number): number {
  return Math.min(DISTRIBUTION_BINS - 1, Math.max(0, Math.floor(value * DISTRIBUTION_BINS)));
}

function figureOf(row: RosterRow, column: string): number | null {
  const [label, figure] = column.split('.') as [string, keyof Figures];
  const figures = label === 'overall' ? row.overall : row.perLabel[label as Label];
  return figures ? figures[figure] : null;
}

/** Sorts rows by a column; students without a figure come last either way, ties go by name. */
export function sortRows(rows: RosterRow[], sort: RosterSort): RosterRow[] {
  const byName = (a: RosterRow, b: RosterRow) => a.name.localeCompare(b.name) || a.studentId.localeCompare(b.studentId);
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (sort.column === 'name') return sign * byName(a, b);
    if (sort.column === 'status') return sign * (STATUS_ORDER[a.status] - STATUS_ORDER[b.status]) || byName(a, b);
    const x = figureOf(a, sort.column);
    const y = figureOf(b, sort.column);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/**
 * The review dashboard of an assignment, for the instructor of its class: per exercise of
 * its lesson, the roster with each student's status and figures (scored against the class
 * key: file key plus this class's additions), class means, and F1 distributions. `sort` is
 * the page's `?sort=` value. Refuses (forbidden / not-found) anyone else.
 */
export async function getDashboard(
  actor: Actor,
  assignmentId: string,
  sort?: string,
  db: Db = getDb(),
): Promise<Result<Dashboard>> {
  const context = await reviewedAssignment(db, actor, assignmentId);
  if (isFailure(context)) return context;
  const { assignment } = context;
  const order = parseRosterSort(sort);
  const exercises: ExerciseDashboard[] = [];
  for (const { exercise } of context.exercises) {
    const key = await loadClassKey(context.keys, assignment, exercise.id);
    const work = await loadExerciseWork(db, assignment, exercise.id, key);
    const aggregator = new ClassAggregator();
    const distribution: Distribution = {};
    const counts: Record<WorkStatus, number> = { 'not-started': 0, 'in-progress': 0, submitted: 0, late: 0 };
    const rows = work.map((w): RosterRow => {
      counts[w.status] += 1;
      if (w.result) {
        aggregator.add(w.result);
        for (const label of [...LABELS, 'overall'] as const) {
          const figures = label === 'overall' ? w.result.overall : w.result.perLabel[label];
          if (!figures) continue;
          const bins = (distribution[label] ??= new Array(DISTRIBUTION_BINS).fill(0));
          bins[binOf(figures.f1)] += 1;
        }
      }
      return {
        studentId: w.studentId,
        name: w.name,
        status: w.status,
        submissionId: w.submissionId,
        submittedAt: w.submittedAt,
        perLabel: w.result?.perLabel ?? {},
        overall: w.result?.overall ?? null,
      };
    });
    exercises.push({
      exerciseId: exercise.id,
      instructions: exercise.instructions,
      labels: exercise.labels,
      rows: sortRows(rows, order),
      counts,
      averages: aggregator.summary(),
      distribution,
      classItems: key.items.filter((i) => i.id.startsWith(CLASS_ITEM_PREFIX)).length,
    });
  }
  return ok({
    assignmentId: assignment.id,
    classId: assignment.class_id,
    className: context.className,
    lessonSlug: assignment.lesson_slug,
    // An own article's assignment has no lesson: its article's title names it.
    lessonTitle: context.lesson?.title ?? context.exercises[0]?.article.title ?? assignment.lesson_slug,
    guide: context.lesson !== null,
    dueAt: assignment.due_at,
    releasePolicy: assignment.release_policy,
    releasedAt: assignment.released_at,
    sort: order,
    exercises,
  });
}
