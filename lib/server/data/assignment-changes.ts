import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import type { AssignmentChangeKind, AssignmentChangeTable, ReleasePolicy } from '../db/schema';
import { takeSeq } from '../db/sequence';
import { ok, type Result } from '../result';
import { instructorId, isFailure, visibleAssignment } from './access';
import { type AssignmentView, toView } from './assignments';
import { effectiveDue } from './student-exceptions';

/** How many submissions (every attempt) an assignment holds, and by how many students. */
export async function countSubmissions(db: Db, assignmentId: string): Promise<number> {
  const row = await db
    .selectFrom('submission')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('assignment_id', '=', assignmentId)
    .executeTakeFirst();
  // PostgreSQL returns count() as a string (bigint).
  return Number(row?.n ?? 0);
}

/** A change to record: what, about whom (or null for the whole assignment), from and to. */
export type ChangeInput = Pick<
  AssignmentChangeTable,
  'kind' | 'student_id' | 'student_name' | 'from_value' | 'to_value'
>;

/** Records changes to an assignment, in the order given, after every earlier one. Pass the transaction. */
export async function recordChanges(db: Db, assignmentId: string, userId: string, changes: ChangeInput[]) {
  if (changes.length === 0) return;
  const first = await takeSeq(db, 'assignment_change', changes.length);
  const at = new Date().toISOString();
  await db
    .insertInto('assignment_change')
    .values(
      changes.map((c, i) => ({
        ...c,
        id: randomUUID(),
        assignment_id: assignmentId,
        created_by: userId,
        created_at: at,
        seq: first + i,
      })),
    )
    .execute();
}

/** One recorded change, as the assignment page words it: instants stay ISO for the viewer's zone. */
export type AssignmentChange = { id: string } & (
  | {
      kind: 'opens' | 'due' | 'extension';
      at: string;
      studentName: string | null;
      from: string | null;
      to: string | null;
    }
  | { kind: 'release-policy'; at: string; studentName: null; from: ReleasePolicy; to: ReleasePolicy }
  | { kind: 'resubmit'; at: string; studentName: null; from: boolean; to: boolean }
  | { kind: 'reopened'; at: string; studentName: string | null; from: null; to: null }
);

/** One student as the assignment page lists them: their own due time (null: the assignment's) and reopenings. */
export type StudentControl = { id: string; displayName: string; ownDueAt: string | null; extraAttempts: number };

export type AssignmentControlView = AssignmentView & {
  className: string;
  archived: boolean;
  submissionCount: number;
  students: StudentControl[];
  changes: AssignmentChange[];
};

/** The assignment with its students' exceptions and its changes in the order made, for its instructor. */
export async function getAssignmentControl(
  actor: Actor,
  assignmentId: string,
  db: Db = getDb(),
): Promise<Result<AssignmentControlView>> {
  const userId = instructorId(actor);
  if (isFailure(userId)) return userId;
  const row = await visibleAssignment(db, actor, assignmentId);
  if (isFailure(row)) return row;
  const [klass, students, changes, submissionCount] = await Promise.all([
    db.selectFrom('class').select('name').where('id', '=', row.class_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('student')
      .leftJoin('assignment_exception as x', (join) =>
        join.onRef('x.student_id', '=', 'student.id').on('x.assignment_id', '=', row.id),
      )
      .select(['student.id', 'student.display_name', 'x.due_at', 'x.extra_attempts'])
      .where('student.class_id', '=', row.class_id)
      .orderBy('student.seq')
      .execute(),
    db.selectFrom('assignment_change').selectAll().where('assignment_id', '=', row.id).orderBy('seq').execute(),
    countSubmissions(db, row.id),
  ]);
  return ok({
    ...toView(row),
    className: klass.name,
    archived: row.archived_at !== null,
    submissionCount,
    students: students.map((s) => {
      const own = effectiveDue(row.due_at, s.due_at ?? null);
      return {
        id: s.id,
        displayName: s.display_name,
        ownDueAt: own !== row.due_at ? own : null,
        extraAttempts: Number(s.extra_attempts ?? 0),
      };
    }),
    changes: changes.map(toChange),
  });
}

function toChange(c: AssignmentChangeTable): AssignmentChange {
  const at = c.created_at;
  const id = c.id;
  const kind: AssignmentChangeKind = c.kind;
  switch (kind) {
    case 'release-policy':
      return { id, kind, at, studentName: null, from: c.from_value as ReleasePolicy, to: c.to_value as ReleasePolicy };
    case 'resubmit':
      return { id, kind, at, studentName: null, from: c.from_value === '1', to: c.to_value === '1' };
    case 'reopened':
      return { id, kind, at, studentName: c.student_name, from: null, to: null };
    default:
      return { id, kind, at, studentName: c.student_name, from: c.from_value, to: c.to_value };
  }
}
