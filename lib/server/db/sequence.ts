import 'server-only';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Tables whose rows carry an insertion number, `seq` (migrations 0004, 0006 and 0009; 0008 dropped key_addition). */
export type OrderedTable =
  | 'comment'
  | 'extra_dismissal'
  | 'student'
  | 'class'
  | 'assignment'
  | 'assignment_change'
  | 'own_article';

/**
 * Takes `count` insertion numbers for `table` and returns the first; the rest follow it.
 * One UPDATE ... RETURNING on the table's counter row: atomic on SQLite (one writer) and on
 * PostgreSQL (the row lock), so two callers never get the same number, and a later call
 * always gets a larger one. Inside a transaction, pass the transaction. Throws if the
 * counter row is missing (the database is not migrated).
 */
export async function takeSeq(db: Kysely<Database>, table: OrderedTable, count = 1): Promise<number> {
  const row = await db
    .updateTable('insertion_counter')
    .set((eb) => ({ value: eb('value', '+', count) }))
    .where('name', '=', table)
    .returning('value')
    .executeTakeFirst();
  if (!row) throw new Error(`close-read: no insertion counter for ${table}; run the migrations`);
  return Number(row.value) - count + 1;
}
