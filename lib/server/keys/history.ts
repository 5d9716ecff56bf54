import 'server-only';
import type { Db } from '../db/client';
import { parseChanges } from './overlay';
import type { ClassKey } from './resolve';

/** Whether some version up to this key's was saved after `since` (an ISO time): the key changed after then. */
export async function keyChangedSince(db: Db, key: ClassKey, since: string): Promise<boolean> {
  if (key.version === 0) return false;
  const row = await db
    .selectFrom('class_key_version')
    .select('version')
    .where('class_id', '=', key.classId)
    .where('exercise_id', '=', key.exerciseId)
    .where('version', '<=', key.version)
    .where('created_at', '>', since)
    .executeTakeFirst();
  return row !== undefined;
}

/** One saved version of a class key, for the editor's history. */
export type KeyVersionSummary = { version: number; note: string; createdAt: string; changes: number };

/** Every saved version of a class's key of one exercise, newest first. No authorization. */
export async function listKeyVersions(db: Db, classId: string, exerciseId: string): Promise<KeyVersionSummary[]> {
  const rows = await db
    .selectFrom('class_key_version')
    .select(['version', 'note', 'created_at', 'changes_json'])
    .where('class_id', '=', classId)
    .where('exercise_id', '=', exerciseId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => ({
    version: Number(row.version),
    note: row.note,
    createdAt: row.created_at,
    changes: parseChanges(row.changes_json).length,
  }));
}
