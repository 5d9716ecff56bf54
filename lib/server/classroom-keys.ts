import 'server-only';
import type { StudentActor } from './classroom-types';
import { isKeyReleased } from './data/assignments';
import { withStudentDue } from './data/student-exceptions';
import type { Db } from './db/client';
import type { AssignmentTable } from './db/schema';
import { type KeyResolver, keyResolver } from './keys/resolve';

/*
 * Which parts of the answer keys a student may not see yet. A key item is locked for a
 * student while some assignment of their class includes an exercise whose key holds that
 * item and whose key is not released to them (see isKeyReleased). Locks are computed per
 * key item, not per article: two exercises on one article with different labels or parts
 * do not lock each other, but free practice (the whole article's key) is locked by any.
 * The items are those of the class's key (lib/server/keys/resolve.ts): an item the class
 * added or edited is locked like a shipped one.
 */

/**
 * The newest assignment of the student's class whose lesson contains this exercise, or null
 * when the exercise is not part of any (free practice never is). Unopened assignments are
 * included: the data layer refuses work on them with a clear message.
 */
export async function assignmentForExercise(
  db: Db,
  student: StudentActor,
  exerciseId: string,
  keys: KeyResolver = keyResolver(db),
): Promise<AssignmentTable | null> {
  const slug = (await keys.exercise(exerciseId))?.assignedAs;
  return slug ? assignmentForLesson(db, student, slug) : null;
}

/**
 * The newest assignment of the student's class for this lesson, opened or not; null when
 * none. `due_at` is the student's own due time (an extension counts).
 */
export async function assignmentForLesson(
  db: Db,
  student: StudentActor,
  lessonSlug: string,
): Promise<AssignmentTable | null> {
  const row = await db
    .selectFrom('assignment')
    .selectAll()
    .where('class_id', '=', student.classId)
    .where('lesson_slug', '=', lessonSlug)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  const [own] = await withStudentDue(db, student.studentId, [row], (r) => r.id);
  return own ?? row;
}

/** The key items a student may not see yet, and the assignments that hold them back. */
export type KeyLock = { itemIds: Set<string>; holders: AssignmentTable[] };

/** Every key item locked for this student now. */
export async function lockedKeyItems(
  db: Db,
  student: StudentActor,
  now: Date = new Date(),
  keys: KeyResolver = keyResolver(db),
): Promise<KeyLock> {
  const assignments = await withStudentDue(
    db,
    student.studentId,
    await db.selectFrom('assignment').selectAll().where('class_id', '=', student.classId).execute(),
    (row) => row.id,
  );
  const submitted = await db
    .selectFrom('submission')
    .select(['assignment_id', 'exercise_id'])
    .distinct()
    .where('student_id', '=', student.studentId)
    .execute();
  const done = new Set(submitted.map((s) => `${s.assignment_id}\n${s.exercise_id}`));
  const lock: KeyLock = { itemIds: new Set(), holders: [] };
  for (const assignment of assignments) {
    let holds = false;
    for (const { exercise } of await keys.exercisesOf(assignment.lesson_slug)) {
      if (isKeyReleased(assignment, now, done.has(`${assignment.id}\n${exercise.id}`))) continue;
      const key = await keys.classKey(student.classId, exercise.id);
      for (const item of key?.items ?? []) {
        lock.itemIds.add(`${exercise.article}:${item.id}`);
        holds = true;
      }
    }
    if (holds) lock.holders.push(assignment);
  }
  return lock;
}

/**
 * Whether showing these key items of an article would show a locked item. Key item ids are
 * unique within an article only, so they are qualified with its id.
 */
export function revealsLockedItem(articleId: string, items: readonly { id: string }[], lock: KeyLock): boolean {
  if (lock.itemIds.size === 0) return false;
  return items.some((item) => lock.itemIds.has(`${articleId}:${item.id}`));
}

/** When the key of an assignment opens, in words for a student ("after …"). */
export function releaseWhen(assignment: Pick<AssignmentTable, 'release_policy' | 'due_at'>): string {
  // The due time itself is on the page, in the student's own time zone.
  if (assignment.release_policy === 'after-due' && assignment.due_at) return 'the due time';
  if (assignment.release_policy === 'on-submit') return 'you submit';
  return 'the class has finished this work';
}
