import 'server-only';
import { getArticle } from '../../content/articles';
import { getExercise } from '../../content/lessons';
import { type PreparedKey, prepareKey, type ScoringKeyItem } from '../../scoring';
import type { KeyItemView } from '../../validation/key';
import type { Label } from '../../validation/labels';
import type { Db } from '../db/client';
import { keyView } from '../grading';

/** Ids of items a class added to its key carry this prefix, so they never clash with a file key's. */
export const CLASS_ITEM_PREFIX = 'class-';

/** A key item of one class's key: from the key file, or added by the class's instructor. */
export type ClassKeyItem = KeyItemView & { source: 'file' | 'class' };

/**
 * The key an assignment's exercise is scored against: the file key's items for the
 * exercise (lib/server/grading.ts exerciseKey) followed by the spans its instructor
 * accepted into this class's key (key_addition), oldest first. Empty when the exercise
 * does not exist. No authorization: callers check who is asking.
 */
export async function classKeyItems(db: Db, assignmentId: string, exerciseId: string): Promise<ClassKeyItem[]> {
  const found = getExercise(exerciseId);
  if (!found) return [];
  const text = getArticle(found.exercise.article)?.text ?? '';
  const rows = await db
    .selectFrom('key_addition')
    .select(['id', 'label', 'start', 'end', 'optional', 'explanation'])
    .where('assignment_id', '=', assignmentId)
    .where('exercise_id', '=', exerciseId)
    .orderBy('seq')
    .execute();
  const file: ClassKeyItem[] = keyView(found.exercise).map((item) => ({ ...item, source: 'file' }));
  const added: ClassKeyItem[] = rows.map((row) => ({
    id: `${CLASS_ITEM_PREFIX}${row.id}`,
    label: row.label as Label,
    start: row.start,
    end: row.end,
    quote: text.slice(row.start, row.end),
    attribute: null,
    explanation: row.explanation,
    check: null,
    record: null,
    optional: Number(row.optional) === 1,
    accept: [],
    source: 'class',
  }));
  return [...file, ...added];
}

/** The scoring engine's view of a class key: offsets and rules, no prose. */
export function toClassScoringKey(items: readonly ClassKeyItem[]): ScoringKeyItem[] {
  return items.map(({ id, label, start, end, optional, accept }) => ({ id, label, start, end, optional, accept }));
}

/** A class key prepared once for scoring a whole class. */
export function prepareClassKey(items: readonly ClassKeyItem[]): PreparedKey {
  return prepareKey(toClassScoringKey(items));
}
