import 'server-only';
import { getLesson, type Lesson } from '../../content/lessons';
import { type AnswerSpan, type PreparedKey, prepareKey, type ScoreResult, score } from '../../scoring';
import { LABELS, type Label } from '../../validation/labels';
import type { Exercise } from '../../validation/lesson';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import type { ClassKeyItem } from '../keys/overlay';
import { type KeyResolver, keyResolver } from '../keys/resolve';
import type { ResolvedExercise } from '../keys/sources';
import { type Failure, fail } from '../result';
import { type AssignmentRow, instructorId, isFailure, visibleAssignment } from './access';

/** Where a student stands on one exercise; `late` is a submission made after the due time. */
export type WorkStatus = 'not-started' | 'in-progress' | 'submitted' | 'late';

/** One student's latest work on one exercise, scored against the class key. */
export type StudentWork = {
  studentId: string;
  name: string;
  status: WorkStatus;
  submissionId: string | null;
  attempt: number | null;
  submittedAt: string | null;
  /** The latest submission's spans as stored (attributes and notes included), or null. */
  answers: StoredSpan[] | null;
  result: ScoreResult | null;
};

/** A stored span: what the student sent, validated on the way in. */
export type StoredSpan = AnswerSpan & { attribute?: string; why?: string };

/**
 * An assignment under review, with its lesson (null for an exercise not in the shipped
 * lessons), its exercises as the key resolver has them, and the request's resolver.
 */
export type ReviewContext = {
  assignment: AssignmentRow;
  lesson: Lesson | null;
  className: string;
  exercises: ResolvedExercise[];
  keys: KeyResolver;
};

/**
 * The assignment, if the actor is the instructor of its class: `forbidden` for anonymous
 * callers and students, `not-found` for another instructor or no such assignment.
 */
export async function reviewedAssignment(db: Db, actor: Actor, assignmentId: string): Promise<ReviewContext | Failure> {
  const userId = instructorId(actor);
  if (isFailure(userId)) return userId;
  const assignment = await visibleAssignment(db, actor, assignmentId);
  if (isFailure(assignment)) return assignment;
  const klass = await db.selectFrom('class').select('name').where('id', '=', assignment.class_id).executeTakeFirst();
  const keys = keyResolver(db);
  return {
    assignment,
    lesson: getLesson(assignment.lesson_slug),
    className: klass?.name ?? '',
    exercises: await keys.exercisesOf(assignment.lesson_slug),
    keys,
  };
}

/** The assignment and one exercise of its lesson, for its instructor; `not-found` for an exercise of another lesson. */
export async function reviewedExercise(
  db: Db,
  actor: Actor,
  assignmentId: string,
  exerciseId: string,
): Promise<(ReviewContext & { exercise: Exercise; resolved: ResolvedExercise }) | Failure> {
  const context = await reviewedAssignment(db, actor, assignmentId);
  if (isFailure(context)) return context;
  const resolved = context.exercises.find((e) => e.exercise.id === exerciseId);
  return resolved
    ? { ...context, exercise: resolved.exercise, resolved }
    : fail('not-found', 'This assignment has no such exercise.');
}

/** The article text and the part of it an exercise is about. */
export function exerciseText(resolved: ResolvedExercise): { text: string; start: number; end: number } {
  return { text: resolved.article.text, ...resolved.range };
}

const isLabel = (value: unknown): value is Label => LABELS.includes(value as Label);

/** Stored answers, read defensively: rows that are not spans are dropped, never thrown on. */
export function parseAnswers(json: string): StoredSpan[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((a): StoredSpan[] => {
    if (typeof a !== 'object' || a === null) return [];
    const { label, start, end, attribute, why } = a as Record<string, unknown>;
    if (!isLabel(label) || !Number.isInteger(start) || !Number.isInteger(end)) return [];
    const span: StoredSpan = { label, start: start as number, end: end as number };
    if (typeof attribute === 'string') span.attribute = attribute;
    if (typeof why === 'string') span.why = why;
    return [span];
  });
}

/** Only the scoring engine's fields of stored spans. */
export function scoringAnswers(spans: readonly StoredSpan[]): AnswerSpan[] {
  return spans.map(({ label, start, end }) => ({ label, start, end }));
}

/** The class key and what it takes to score against it. */
export type LoadedKey = { items: ClassKeyItem[]; prepared: PreparedKey; version: number };

/** The newest class key of an assignment's exercise, prepared for scoring (empty when the exercise is gone). */
export async function loadClassKey(
  keys: KeyResolver,
  assignment: Pick<AssignmentRow, 'class_id'>,
  exerciseId: string,
): Promise<LoadedKey> {
  return (await keys.classKey(assignment.class_id, exerciseId)) ?? { items: [], prepared: prepareKey([]), version: 0 };
}

/**
 * Every student of the class with their latest work on one exercise. A stored score is
 * used as it is when it was computed against this version of the class key; otherwise the
 * submission is rescored here (not stored: "Rescore the class" stores), so the review
 * always shows figures against the key it shows.
 */
export async function loadExerciseWork(
  db: Db,
  assignment: AssignmentRow,
  exerciseId: string,
  key: LoadedKey,
  studentId?: string,
): Promise<StudentWork[]> {
  let students = db
    .selectFrom('student')
    .select(['id', 'display_name'])
    .where('class_id', '=', assignment.class_id)
    .orderBy('display_name')
    .orderBy('id');
  let submissions = db
    .selectFrom('submission')
    .select(['id', 'student_id', 'attempt', 'answers_json', 'score_json', 'key_version', 'late', 'submitted_at'])
    .where('assignment_id', '=', assignment.id)
    .where('exercise_id', '=', exerciseId);
  let drafts = db
    .selectFrom('draft')
    .select('student_id')
    .where('assignment_id', '=', assignment.id)
    .where('exercise_id', '=', exerciseId);
  if (studentId !== undefined) {
    students = students.where('id', '=', studentId);
    submissions = submissions.where('student_id', '=', studentId);
    drafts = drafts.where('student_id', '=', studentId);
  }
  const [roster, rows, draftRows] = await Promise.all([students.execute(), submissions.execute(), drafts.execute()]);
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const seen = latest.get(row.student_id);
    if (!seen || row.attempt > seen.attempt) latest.set(row.student_id, row);
  }
  const drafted = new Set(draftRows.map((d) => d.student_id));
  return roster.map((student): StudentWork => {
    const row = latest.get(student.id);
    if (!row) {
      return {
        studentId: student.id,
        name: student.display_name,
        status: drafted.has(student.id) ? 'in-progress' : 'not-started',
        submissionId: null,
        attempt: null,
        submittedAt: null,
        answers: null,
        result: null,
      };
    }
    const answers = parseAnswers(row.answers_json);
    return {
      studentId: student.id,
      name: student.display_name,
      status: Number(row.late) === 1 ? 'late' : 'submitted',
      submissionId: row.id,
      attempt: row.attempt,
      submittedAt: row.submitted_at,
      answers,
      result:
        Number(row.key_version) === key.version
          ? storedResult(row.score_json, key, answers)
          : score(key.prepared, scoringAnswers(answers)),
    };
  });
}

/** A stored score, or a fresh one when it cannot be read. */
function storedResult(json: string, key: LoadedKey, answers: StoredSpan[]): ScoreResult {
  try {
    const value = JSON.parse(json) as ScoreResult;
    if (value && typeof value === 'object' && value.overall && value.perLabel && Array.isArray(value.items))
      return value;
  } catch {
    // fall through to rescoring
  }
  return score(key.prepared, scoringAnswers(answers));
}
