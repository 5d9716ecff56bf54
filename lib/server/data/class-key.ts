import 'server-only';
import type { Db } from '../db/client';
import { keyResolver } from '../keys/resolve';

export { CLASS_ITEM_PREFIX, type ClassKeyItem } from '../keys/overlay';
export { toClassScoringKey } from '../keys/resolve';

/**
 * The newest class key of an assignment's exercise (lib/server/keys/resolve.ts): the base
 * key's items with the class's changes. Empty when the assignment or the exercise does not
 * exist. No authorization: callers check who is asking.
 */
export async function classKeyItems(db: Db, assignmentId: string, exerciseId: string) {
  const assignment = await db
    .selectFrom('assignment')
    .select('class_id')
    .where('id', '=', assignmentId)
    .executeTakeFirst();
  if (!assignment) return [];
  return (await keyResolver(db).classKey(assignment.class_id, exerciseId))?.items ?? [];
}
