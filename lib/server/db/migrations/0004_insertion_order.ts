import 'server-only';
import type { Kysely, Migration } from 'kysely';

/**
 * Lists that show rows in the order they were made (comments, class key additions, extra
 * dismissals, students, classes, assignments) were ordered by `created_at` and then by a
 * random UUID, so two rows made in the same millisecond came back in either order. Each of
 * these tables gets a `seq` column drawn from a per-table counter row in
 * `insertion_counter` (see ../sequence.ts): an UPDATE ... RETURNING, atomic on both engines,
 * so the same code serves SQLite and PostgreSQL. Existing rows are numbered in their old order.
 */
export const ORDERED_TABLES = ['comment', 'key_addition', 'extra_dismissal', 'student', 'class', 'assignment'] as const;

export const insertionOrder: Migration = {
  // `any`: migrations run against the schema as it was then.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('insertion_counter')
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();
    for (const table of ORDERED_TABLES) {
      await db.schema
        .alterTable(table)
        .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      const rows = await db.selectFrom(table).select('id').orderBy('created_at').orderBy('id').execute();
      for (const [i, row] of rows.entries()) {
        await db
          .updateTable(table)
          .set({ seq: i + 1 })
          .where('id', '=', row.id)
          .execute();
      }
      await db.schema.createIndex(`${table}_seq_idx`).ifNotExists().on(table).column('seq').execute();
      await db.insertInto('insertion_counter').values({ name: table, value: rows.length }).execute();
    }
  },
};
