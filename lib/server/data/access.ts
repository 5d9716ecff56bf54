import 'server-only';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import type { AssignmentTable, ClassTable } from '../db/schema';
import { isAhead } from '../instants';
import { type Failure, fail } from '../result';
import { withStudentDue } from './student-exceptions';

/*
 * Who may touch what. Anonymous callers and the wrong kind of actor get `forbidden`; an
 * instructor asking about another instructor's class, or a student about another class,
 * gets `not-found`, so ids cannot be probed for existence.
 */

export const SIGN_IN_FIRST = fail('forbidden', 'Sign in first.');
const INSTRUCTORS_ONLY = fail('forbidden', 'Only the class instructor can do this.');
const STUDENTS_ONLY = fail('forbidden', 'Only students of the class can do this.');

/** The instructor's user id, or a refusal for anyone else. */
export function instructorId(actor: Actor): string | Failure {
  if (actor.kind === 'instructor') return actor.userId;
  return actor.kind === 'anonymous' ? SIGN_IN_FIRST : INSTRUCTORS_ONLY;
}

/** The student actor, or a refusal for anyone else. */
export function studentActor(actor: Actor): Extract<Actor, { kind: 'student' }> | Failure {
  if (actor.kind === 'student') return actor;
  return actor.kind === 'anonymous' ? SIGN_IN_FIRST : STUDENTS_ONLY;
}

/** Whether a lookup returned a refusal rather than a value. */
export function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && 'ok' in value && (value as Failure).ok === false;
}

/** The class, if the actor is the instructor who owns it. */
export async function ownedClass(db: Db, actor: Actor, classId: string): Promise<ClassTable | Failure> {
  const userId = instructorId(actor);
  if (isFailure(userId)) return userId;
  const row = await db
    .selectFrom('class')
    .selectAll()
    .where('id', '=', classId)
    .where('instructor_id', '=', userId)
    .executeTakeFirst();
  return row ?? fail('not-found', 'No such class.');
}

export type StudentWithClass = {
  id: string;
  classId: string;
  displayName: string;
  createdAt: string;
  className: string;
};

/**
 * A student with its class's name, or `not-found`. With `instructorId`, only a student of
 * that instructor's classes. No other check: callers decide who may ask.
 */
export async function studentWithClass(
  db: Db,
  studentId: string,
  instructorId: string | null,
): Promise<StudentWithClass | Failure> {
  let query = db
    .selectFrom('student')
    .innerJoin('class', 'class.id', 'student.class_id')
    .select([
      'student.id as id',
      'student.class_id as classId',
      'student.display_name as displayName',
      'student.created_at as createdAt',
      'class.name as className',
    ])
    .where('student.id', '=', studentId);
  if (instructorId !== null) query = query.where('class.instructor_id', '=', instructorId);
  return (await query.executeTakeFirst()) ?? fail('not-found', 'No such student.');
}

/** A student of one of the actor's classes, with its class id. */
export async function ownedStudent(db: Db, actor: Actor, studentId: string): Promise<StudentWithClass | Failure> {
  const userId = instructorId(actor);
  if (isFailure(userId)) return userId;
  return studentWithClass(db, studentId, userId);
}

/** An assignment with its class's archive state, as stored. */
export type AssignmentRow = AssignmentTable & { archived_at: string | null };

/**
 * The assignment, if the actor owns its class (instructor) or belongs to its class
 * (student). Other actors get `forbidden` or `not-found`. For a student, `due_at` is their
 * own due time (an extension given to them counts; see student-exceptions.ts).
 */
export async function visibleAssignment(db: Db, actor: Actor, assignmentId: string): Promise<AssignmentRow | Failure> {
  if (actor.kind === 'anonymous') return SIGN_IN_FIRST;
  let query = db
    .selectFrom('assignment')
    .innerJoin('class', 'class.id', 'assignment.class_id')
    .selectAll('assignment')
    .select('class.archived_at')
    .where('assignment.id', '=', assignmentId);
  query =
    actor.kind === 'instructor'
      ? query.where('class.instructor_id', '=', actor.userId)
      : query.where('class.id', '=', actor.classId);
  const row = await query.executeTakeFirst();
  if (!row) return fail('not-found', 'No such assignment.');
  if (actor.kind === 'instructor') return row;
  const [own] = await withStudentDue(db, actor.studentId, [row], (r) => r.id);
  return own ?? row;
}

const EXERCISE_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** The assignment, if the actor is a student of its class, the class is live and it is open. */
export async function workableAssignment(db: Db, actor: Actor, assignmentId: string, exerciseId: string) {
  const student = studentActor(actor);
  if (isFailure(student)) return student;
  if (!EXERCISE_ID.test(exerciseId)) return fail('invalid', 'Not an exercise id.');
  const assignment = await visibleAssignment(db, student, assignmentId);
  if (isFailure(assignment)) return assignment;
  if (assignment.archived_at) return fail('archived', 'This class is archived.');
  if (isAhead(assignment.opens_at, new Date())) {
    return fail('closed', 'This assignment is not open yet.');
  }
  return { student, assignment };
}
