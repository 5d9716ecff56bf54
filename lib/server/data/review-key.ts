import 'server-only';
import { randomUUID } from 'node:crypto';
import type { ClassKeyItemInput } from '../../validation/class-key';
import type { Label } from '../../validation/labels';
import { AcceptExtraSchema, DismissExtraSchema } from '../../validation/review';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import { takeSeq } from '../db/sequence';
import { CLASS_ITEM_PREFIX } from '../keys/overlay';
import { keyResolver } from '../keys/resolve';
import { rescoreClass, writeKeyVersion } from '../keys/store';
import { fail, ok, type Result } from '../result';
import { isFailure } from './access';
import { exerciseText, reviewedExercise } from './review-load';

/** Checks a span against the exercise: one of its labels, inside its part of the article. */
function spanProblem(
  exercise: { labels: Label[] },
  range: { start: number; end: number },
  span: { label: Label; start: number; end: number },
) {
  if (!exercise.labels.includes(span.label)) return `This exercise does not use the label "${span.label}".`;
  if (span.start < range.start || span.end > range.end) return 'The span lies outside the part of the article in play.';
  return null;
}

/**
 * Accepts a span into this class's key for one exercise (core, counting in recall, or
 * optional): a new version of the class key with the span added (decision 16), and every
 * submission of the class on that exercise rescored against it, in one transaction.
 * Returns the new item's id and how many submissions were rescored. Refuses anyone but the
 * class's instructor, invalid input, and (`conflict`) a key changed meanwhile.
 */
export async function acceptExtra(
  actor: Actor,
  assignmentId: string,
  exerciseId: string,
  input: unknown,
  db: Db = getDb(),
): Promise<Result<{ itemId: string; rescored: number }>> {
  const context = await reviewedExercise(db, actor, assignmentId, exerciseId);
  if (isFailure(context)) return context;
  const parsed = AcceptExtraSchema.safeParse(input);
  if (!parsed.success) return fail('invalid', parsed.error.issues.map((i) => i.message).join(' '));
  const span = parsed.data;
  const problem = spanProblem(context.exercise, exerciseText(context.resolved), span);
  if (problem) return fail('invalid', problem);
  if (actor.kind !== 'instructor') return fail('forbidden', 'Only the class instructor can do this.');
  const classId = context.assignment.class_id;
  const current = await context.keys.classKey(classId, exerciseId);
  if (!current) return fail('not-found', 'This exercise has no key.');
  const item: ClassKeyItemInput = {
    id: `${CLASS_ITEM_PREFIX}${randomUUID()}`,
    label: span.label,
    start: span.start,
    end: span.end,
    attribute: null,
    explanation: span.explanation,
    check: null,
    record: null,
    optional: span.optional,
    accept: [],
  };
  return db.transaction().execute(async (trx) => {
    const written = await writeKeyVersion(trx, {
      classId,
      exerciseId,
      baseVersion: current.version,
      changes: [...current.changes, { kind: 'add', item }],
      note: 'A span accepted from the review.',
      userId: actor.userId,
    });
    if (!written.ok) return written;
    const rescored = await rescoreClass(trx, classId, exerciseId, keyResolver(trx));
    return rescored.ok ? ok({ itemId: item.id, rescored: rescored.value.submissions }) : rescored;
  });
}

/**
 * Dismisses a common extra (a span of a label overlapping nothing in the key) with a
 * comment kept for the record; the heatmap then lists it as dismissed. Scores do not
 * change. Refuses anyone but the class's instructor, and invalid input.
 */
export async function dismissExtra(
  actor: Actor,
  assignmentId: string,
  exerciseId: string,
  input: unknown,
  db: Db = getDb(),
): Promise<Result<{ id: string }>> {
  const context = await reviewedExercise(db, actor, assignmentId, exerciseId);
  if (isFailure(context)) return context;
  const parsed = DismissExtraSchema.safeParse(input);
  if (!parsed.success) return fail('invalid', parsed.error.issues.map((i) => i.message).join(' '));
  const problem = spanProblem(context.exercise, exerciseText(context.resolved), parsed.data);
  if (problem) return fail('invalid', problem);
  const id = randomUUID();
  await db
    .insertInto('extra_dismissal')
    .values({
      id,
      assignment_id: context.assignment.id,
      exercise_id: exerciseId,
      label: parsed.data.label,
      start: parsed.data.start,
      end: parsed.data.end,
      comment: parsed.data.comment,
      seq: await takeSeq(db, 'extra_dismissal'),
      created_at: new Date().toISOString(),
    })
    .execute();
  return ok({ id });
}
