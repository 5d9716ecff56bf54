import 'server-only';
import { randomUUID } from 'node:crypto';
import { score } from '../../scoring';
import type { Label } from '../../validation/labels';
import { AcceptExtraSchema, DismissExtraSchema } from '../../validation/review';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import { takeSeq } from '../db/sequence';
import { fail, ok, type Result } from '../result';
import { isFailure } from './access';
import { readAnswers } from './answers-json';
import { CLASS_ITEM_PREFIX } from './class-key';
import { exerciseText, loadClassKey, reviewedExercise, scoringAnswers } from './review-load';

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
 * optional) and rescores every submission of that assignment and exercise against the
 * extended key, in one transaction. Returns the new item's id and how many submissions
 * were rescored. Refuses anyone but the class's instructor, and invalid input.
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
  const problem = spanProblem(context.exercise, exerciseText(context.exercise), span);
  if (problem) return fail('invalid', problem);
  if (actor.kind !== 'instructor') return fail('forbidden', 'Only the class instructor can do this.');
  const id = randomUUID();
  const rescored = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('key_addition')
      .values({
        id,
        assignment_id: context.assignment.id,
        exercise_id: exerciseId,
        label: span.label,
        start: span.start,
        end: span.end,
        optional: span.optional ? 1 : 0,
        explanation: span.explanation,
        created_by: actor.userId,
        created_at: new Date().toISOString(),
        seq: await takeSeq(trx, 'key_addition'),
      })
      .execute();
    return rescoreExercise(trx, context.assignment.id, exerciseId);
  });
  return ok({ itemId: `${CLASS_ITEM_PREFIX}${id}`, rescored });
}

/**
 * Rescores every submission (all attempts) of an assignment's exercise against its class
 * key and stores the results; returns how many. For acceptExtra, and for anyone who
 * changes a class key.
 */
export async function rescoreExercise(db: Db, assignmentId: string, exerciseId: string): Promise<number> {
  const key = await loadClassKey(db, assignmentId, exerciseId);
  const rows = await db
    .selectFrom('submission')
    .select(['id', 'answers_json'])
    .where('assignment_id', '=', assignmentId)
    .where('exercise_id', '=', exerciseId)
    .execute();
  for (const row of rows) {
    const result = score(key.prepared, scoringAnswers(readAnswers(row.answers_json)));
    await db
      .updateTable('submission')
      .set({ score_json: JSON.stringify(result) })
      .where('id', '=', row.id)
      .execute();
  }
  return rows.length;
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
  const problem = spanProblem(context.exercise, exerciseText(context.exercise), parsed.data);
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
