import 'server-only';
import { getExercise, getLesson } from '../content/lessons';
import { score } from '../scoring';
import { type ActionFailure, actionFailure, fieldErrorsOf } from '../validation/action-result';
import { SaveDraftSchema } from '../validation/classroom-exercise';
import type {
  ClassroomExercise,
  GradedExercise,
  SaveDraftOutcome,
  SubmitOutcome,
  SubmittedView,
} from '../validation/exercise-contract';
import type { Exercise } from '../validation/lesson';
import type { Actor } from './actor';
import { assignmentForExercise, lockedKeyItems, releaseWhen, revealsLockedItem } from './classroom-keys';
import type { StudentActor } from './classroom-types';
import { type ClassKeyItem, classKeyItems, toClassScoringKey } from './data/class-key';
import { getDraft, saveDraft } from './data/drafts';
import { attemptsAllowed } from './data/student-exceptions';
import { getMySubmission, type MySubmission, submitExercise } from './data/submissions';
import { type Db, getDb } from './db/client';
import type { AssignmentTable } from './db/schema';
import { gradeSubmission, spanProblems } from './grading';
import { isAhead } from './instants';

const LOCKED_MESSAGE =
  'Your class is working on this article, and your teacher has not released its key yet. ' +
  'Practise on another article for now; this one opens when the key is released.';

/**
 * Grades a submission for whoever asks. A student whose class has the exercise's lesson as an
 * assignment submits to that assignment (stored once per clientId, flagged late, refused when
 * resubmission is off) and sees the key only if it is released to them. Anyone else grades
 * self-guided, except that a student never gets a key holding an item that one of their
 * assignments still holds back: that grading is refused.
 */
export async function gradeForActor(actor: Actor, input: unknown, db: Db = getDb()): Promise<SubmitOutcome> {
  const outcome = gradeSubmission(input);
  if (!outcome.ok) return outcome;
  if (actor.kind !== 'student') return { ok: true, graded: outcome.value };
  const assignment = await assignmentForExercise(db, actor, outcome.value.exerciseId);
  if (!assignment) {
    const lock = await lockedKeyItems(db, actor);
    if (revealsLockedItem(outcome.exercise, lock)) return actionFailure(LOCKED_MESSAGE);
    return { ok: true, graded: outcome.value };
  }
  // Scored against this class's key: the file key plus what the instructor accepted into it.
  const classKey = await classKeyItems(db, assignment.id, outcome.value.exerciseId);
  const classScore = score(
    toClassScoringKey(classKey),
    outcome.value.answers.map(({ label, start, end }) => ({ label, start, end })),
  );
  const stored = await submitExercise(
    actor,
    {
      clientId: outcome.clientId,
      assignmentId: assignment.id,
      exerciseId: outcome.value.exerciseId,
      answers: outcome.value.answers,
      articleSha256: outcome.articleSha256,
      score: classScore,
    },
    db,
  );
  if (!stored.ok) return actionFailure(stored.message);
  const view = await submittedView(db, actor, assignment, outcome.exercise, stored.value, classKey);
  // Whether the student may submit this exercise again (a reopening may just have been used).
  const retryAllowed = stored.value.attempt < (await attemptsAllowed(db, assignment, actor.studentId));
  return view.graded
    ? { ok: true, graded: view.graded, notice: view.notice, retryAllowed }
    : { ok: true, graded: null, notice: view.notice, retryAllowed };
}

/** A stored submission as its student may see it now: the comparison only after release. */
async function submittedView(
  db: Db,
  student: StudentActor,
  assignment: AssignmentTable,
  exercise: Exercise,
  mine: MySubmission,
  /** The class key when the caller has just read it. */
  classKey?: ClassKeyItem[],
): Promise<SubmittedView> {
  const late = mine.late ? ' It came after the due time, so it is marked late.' : '';
  const base = { late: mine.late, submittedAt: mine.submittedAt };
  if (!mine.keyReleased) {
    return {
      ...base,
      graded: null,
      notice: `Submitted.${late} Your teacher will release the key after ${releaseWhen(assignment)}.`,
    };
  }
  if (revealsLockedItem(exercise, await lockedKeyItems(db, student))) {
    return {
      ...base,
      graded: null,
      notice: `Submitted.${late} Your teacher will release the key after another assignment on this article is done.`,
    };
  }
  // The stored answers and score, not the request's: a retry returns the first submission.
  // A stored score that cannot be read is scored again against the class key.
  const key = classKey ?? (await classKeyItems(db, assignment.id, exercise.id));
  const graded: GradedExercise = {
    exerciseId: mine.exerciseId,
    result:
      mine.score ??
      score(
        toClassScoringKey(key),
        mine.answers.map(({ label, start, end }) => ({ label, start, end })),
      ),
    key,
    answers: mine.answers,
  };
  return { ...base, graded, notice: `Submitted.${late}` };
}

/**
 * The classroom state of an exercise for the student asking, or null when the asker is not a
 * student or the exercise is not part of one of their assignments (then it is self-guided).
 */
export async function openClassroomExercise(
  actor: Actor,
  exerciseId: string,
  db: Db = getDb(),
): Promise<ClassroomExercise | null> {
  if (actor.kind !== 'student') return null;
  const found = getExercise(exerciseId);
  const assignment = await assignmentForExercise(db, actor, exerciseId);
  if (!found || !assignment) return null;
  const key = { assignmentId: assignment.id, exerciseId };
  const [draft, submission] = await Promise.all([getDraft(actor, key, db), getMySubmission(actor, key, db)]);
  const mine = submission.ok ? submission.value : null;
  const notOpen = assignment.opens_at !== null && isAhead(assignment.opens_at, new Date());
  return {
    assignmentId: assignment.id,
    lessonTitle: getLesson(assignment.lesson_slug)?.title ?? assignment.lesson_slug,
    dueAt: assignment.due_at,
    opensAt: notOpen ? assignment.opens_at : null,
    // A reopening for this student allows one more submission even when the rule is one each.
    allowResubmit:
      assignment.allow_resubmit === 1 ||
      (mine !== null && mine.attempt < (await attemptsAllowed(db, assignment, actor.studentId))),
    blocked: notOpen ? 'This assignment is not open yet.' : null,
    draft: draft.ok && draft.value?.content.kind === 'spans' ? draft.value.content.spans : null,
    submitted: mine ? await submittedView(db, actor, assignment, found.exercise, mine) : null,
  };
}

/**
 * Saves a classroom draft on the server (the browser keeps its own copy too). Refused with a
 * message when the input is malformed, the asker is not a student, or the exercise is not
 * part of an open assignment of theirs.
 */
export async function saveClassroomDraft(actor: Actor, input: unknown, db: Db = getDb()): Promise<SaveDraftOutcome> {
  const parsed = SaveDraftSchema.safeParse(input);
  if (!parsed.success) return actionFailure('The draft could not be read.', fieldErrorsOf(parsed.error));
  if (actor.kind !== 'student') return actionFailure('Only students of a class save drafts to it.');
  const found = getExercise(parsed.data.exerciseId);
  const assignment = found ? await assignmentForExercise(db, actor, parsed.data.exerciseId) : null;
  if (!found || !assignment) return actionFailure('This exercise is not part of your class’s assignments.');
  const problems = spanProblems(found.exercise, parsed.data.answers);
  if (problems === null) return actionFailure('This exercise is misconfigured.');
  if (Object.keys(problems).length > 0) {
    return actionFailure('Some labels do not fit this exercise. The draft was not saved.', problems);
  }
  const saved = await saveDraft(
    actor,
    { assignmentId: assignment.id, exerciseId: parsed.data.exerciseId, answers: parsed.data.answers },
    db,
  );
  return saved.ok ? { ok: true, savedAt: saved.value.updatedAt } : actionFailure(saved.message);
}
