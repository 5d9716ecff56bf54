import 'server-only';
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
import type { Actor } from './actor';
import { assignmentForExercise, lockedKeyItems, releaseWhen, revealsLockedItem } from './classroom-keys';
import type { StudentActor } from './classroom-types';
import { getDraft, saveDraft } from './data/drafts';
import { attemptsAllowed } from './data/student-exceptions';
import { getMySubmission, type MySubmission, submitExercise } from './data/submissions';
import { type Db, getDb } from './db/client';
import type { AssignmentTable } from './db/schema';
import { type GradeOutcome, gradeAgainst, gradeSubmission, parseSubmission, spanProblems } from './grading';
import { isAhead } from './instants';
import { keyChangedSince } from './keys/history';
import { type KeyResolver, keyResolver } from './keys/resolve';

const LOCKED_MESSAGE =
  'Your class is working on this article, and your teacher has not released its key yet. ' +
  'Practise on another article for now; this one opens when the key is released.';

/**
 * Grades a submission for whoever asks. A student whose class has the exercise as an
 * assignment submits to that assignment (stored once per clientId, flagged late, refused when
 * resubmission is off), scored against the class's key at its newest version (the version is
 * stored with the submission), and sees the key only if it is released to them. Anyone else
 * grades self-guided against the shipped key, except that a student never gets a key holding
 * an item that one of their assignments still holds back: that grading is refused.
 */
export async function gradeForActor(actor: Actor, input: unknown, db: Db = getDb()): Promise<SubmitOutcome> {
  const parsed = parseSubmission(input);
  if (!parsed.ok) return parsed;
  if (actor.kind !== 'student') return selfGuided(gradeSubmission(input));
  // One resolver for the whole request: each exercise and class key is looked up once.
  const keys = keyResolver(db);
  const assignment = await assignmentForExercise(db, actor, parsed.value.exerciseId, keys);
  if (!assignment) {
    const outcome = gradeSubmission(input);
    if (!outcome.ok) return outcome;
    const lock = await lockedKeyItems(db, actor, new Date(), keys);
    if (revealsLockedItem(outcome.exercise.article, outcome.value.key, lock)) return actionFailure(LOCKED_MESSAGE);
    return { ok: true, graded: outcome.value };
  }
  const classKey = await keys.classKey(assignment.class_id, parsed.value.exerciseId);
  if (!classKey) return actionFailure(`There is no exercise "${parsed.value.exerciseId}".`);
  const outcome = gradeAgainst(parsed.value, {
    exercise: classKey.exercise.exercise,
    range: classKey.exercise.range,
    articleSha256: classKey.exercise.article.sha256,
    key: classKey.items,
    prepared: classKey.prepared,
  });
  if (!outcome.ok) return outcome;
  const stored = await submitExercise(
    actor,
    {
      clientId: outcome.clientId,
      assignmentId: assignment.id,
      exerciseId: outcome.value.exerciseId,
      answers: outcome.value.answers,
      articleSha256: outcome.articleSha256,
      score: outcome.value.result,
      keyVersion: classKey.version,
    },
    db,
  );
  if (!stored.ok) return actionFailure(stored.message);
  const view = await submittedView(db, actor, assignment, stored.value, keys);
  // Whether the student may submit this exercise again (a reopening may just have been used).
  const retryAllowed = stored.value.attempt < (await attemptsAllowed(db, assignment, actor.studentId));
  return view.graded
    ? { ok: true, graded: view.graded, notice: view.notice, retryAllowed }
    : { ok: true, graded: null, notice: view.notice, retryAllowed };
}

function selfGuided(outcome: GradeOutcome): SubmitOutcome {
  return outcome.ok ? { ok: true, graded: outcome.value } : outcome;
}

/**
 * A stored submission as its student may see it now: the comparison only after release,
 * with the class key at the version the submission was scored against (a rescoring moves
 * it to the newest), and a line when that version came after the submission.
 */
async function submittedView(
  db: Db,
  student: StudentActor,
  assignment: AssignmentTable,
  mine: MySubmission,
  keys: KeyResolver,
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
  const classKey =
    (await keys.classKey(student.classId, mine.exerciseId, mine.keyVersion)) ??
    (await keys.classKey(student.classId, mine.exerciseId));
  if (!classKey) return { ...base, graded: null, notice: `Submitted.${late}` };
  if (
    revealsLockedItem(
      classKey.exercise.exercise.article,
      classKey.items,
      await lockedKeyItems(db, student, new Date(), keys),
    )
  ) {
    return {
      ...base,
      graded: null,
      notice: `Submitted.${late} Your teacher will release the key after another assignment on this article is done.`,
    };
  }
  // The stored answers and score, not the request's: a retry returns the first submission.
  // A stored score that cannot be read is scored again against the class key.
  const graded: GradedExercise = {
    exerciseId: mine.exerciseId,
    result:
      mine.score ??
      score(
        classKey.prepared,
        mine.answers.map(({ label, start, end }) => ({ label, start, end })),
      ),
    key: classKey.items,
    answers: mine.answers,
  };
  const changed = (await keyChangedSince(db, classKey, mine.submittedAt))
    ? ` Your teacher changed the key after you submitted; this is version ${classKey.version}, and your figures are scored against it.`
    : '';
  return { ...base, graded, notice: `Submitted.${late}${changed}` };
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
  const keys = keyResolver(db);
  const assignment = await assignmentForExercise(db, actor, exerciseId, keys);
  if (!assignment) return null;
  const key = { assignmentId: assignment.id, exerciseId };
  const [draft, submission] = await Promise.all([getDraft(actor, key, db), getMySubmission(actor, key, db)]);
  const mine = submission.ok ? submission.value : null;
  const notOpen = assignment.opens_at !== null && isAhead(assignment.opens_at, new Date());
  return {
    assignmentId: assignment.id,
    // A lesson's title, or the article's for an exercise without a lesson (an own article's).
    lessonTitle: await keys
      .exercise(exerciseId)
      .then((r) => r?.lesson?.title ?? r?.article.title ?? assignment.lesson_slug),
    dueAt: assignment.due_at,
    opensAt: notOpen ? assignment.opens_at : null,
    // A reopening for this student allows one more submission even when the rule is one each.
    allowResubmit:
      assignment.allow_resubmit === 1 ||
      (mine !== null && mine.attempt < (await attemptsAllowed(db, assignment, actor.studentId))),
    blocked: notOpen ? 'This assignment is not open yet.' : null,
    draft: draft.ok && draft.value?.content.kind === 'spans' ? draft.value.content.spans : null,
    submitted: mine ? await submittedView(db, actor, assignment, mine, keys) : null,
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
  const keys = keyResolver(db);
  const found = await keys.exercise(parsed.data.exerciseId);
  const assignment = found ? await assignmentForExercise(db, actor, parsed.data.exerciseId, keys) : null;
  if (!found || !assignment) return actionFailure('This exercise is not part of your class’s assignments.');
  const problems = spanProblems(found.exercise, parsed.data.answers, found.range);
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
