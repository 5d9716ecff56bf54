import 'server-only';
import type { Db } from '../db/client';

/*
 * What one student has of their own on an assignment (an extension, reopenings), applied
 * where the student's work is judged: the late flag, the key's release after the due time,
 * the model answers, the teacher's comments, the student's own export. Every such check reads
 * the assignment row through `withStudentDue`, so a student's release never comes before
 * their own due time, and never later for anyone else.
 */

/**
 * A student's own due instant: their extension when the assignment has a due time and the
 * extension lies after it; otherwise the assignment's. An assignment without a due time has
 * none for anyone, and an extension never brings a due time forward (an assignment moved
 * past it governs again).
 */
export function effectiveDue(assignmentDue: string | null, extensionDue: string | null): string | null {
  if (assignmentDue === null || extensionDue === null) return assignmentDue;
  return Date.parse(extensionDue) > Date.parse(assignmentDue) ? extensionDue : assignmentDue;
}

/** The student's exceptions, by assignment id. */
export async function exceptionsOf(
  db: Db,
  studentId: string,
): Promise<Map<string, { dueAt: string | null; extraAttempts: number }>> {
  const rows = await db
    .selectFrom('assignment_exception')
    .select(['assignment_id', 'due_at', 'extra_attempts'])
    .where('student_id', '=', studentId)
    .execute();
  return new Map(rows.map((r) => [r.assignment_id, { dueAt: r.due_at, extraAttempts: Number(r.extra_attempts) }]));
}

/**
 * The rows with `due_at` replaced by this student's own due instant. `assignmentOf` names
 * the row's assignment id (rows joined from submissions carry it under another name).
 */
export async function withStudentDue<T extends { due_at: string | null }>(
  db: Db,
  studentId: string,
  rows: T[],
  assignmentOf: (row: T) => string,
): Promise<T[]> {
  if (rows.length === 0) return rows;
  const mine = await exceptionsOf(db, studentId);
  if (mine.size === 0) return rows;
  return rows.map((row) => {
    const own = mine.get(assignmentOf(row));
    return own ? { ...row, due_at: effectiveDue(row.due_at, own.dueAt) } : row;
  });
}

/** How many submissions of each exercise the student may make: one, plus reopenings; unbounded when resubmission is on. */
export async function attemptsAllowed(
  db: Db,
  assignment: { id: string; allow_resubmit: number },
  studentId: string,
): Promise<number> {
  if (assignment.allow_resubmit === 1) return Number.POSITIVE_INFINITY;
  const row = await db
    .selectFrom('assignment_exception')
    .select('extra_attempts')
    .where('assignment_id', '=', assignment.id)
    .where('student_id', '=', studentId)
    .executeTakeFirst();
  return 1 + Number(row?.extra_attempts ?? 0);
}

/**
 * Re-marks an assignment's submissions as late or not against each student's own due time
 * (the assignment's `dueAt`, or their extension), changing only rows whose flag differs.
 * Run inside the transaction that changed the due time.
 */
export async function markLate(db: Db, assignmentId: string, dueAt: string | null): Promise<void> {
  const [submissions, exceptions] = await Promise.all([
    db
      .selectFrom('submission')
      .select(['id', 'student_id', 'submitted_at', 'late'])
      .where('assignment_id', '=', assignmentId)
      .execute(),
    db
      .selectFrom('assignment_exception')
      .select(['student_id', 'due_at'])
      .where('assignment_id', '=', assignmentId)
      .execute(),
  ]);
  const own = new Map(exceptions.map((e) => [e.student_id, e.due_at]));
  for (const s of submissions) {
    const due = effectiveDue(dueAt, own.get(s.student_id) ?? null);
    const late = due !== null && Date.parse(due) <= Date.parse(s.submitted_at) ? 1 : 0;
    if (late !== Number(s.late)) await db.updateTable('submission').set({ late }).where('id', '=', s.id).execute();
  }
}
