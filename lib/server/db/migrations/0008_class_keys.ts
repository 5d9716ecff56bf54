import 'server-only';
import type { Kysely, Migration } from 'kysely';

/**
 * Class keys as an overlay on the shipped keys (decision 16):
 * - `class_key_version`: one row per saved version of a class's key for one exercise. A
 *   version holds the whole overlay (`changes_json`: the items the class added, edited or
 *   deleted, one change per item) so any version can be read alone; the primary key
 *   (class, exercise, version) makes two saves of the same next version collide, which is
 *   the optimistic check behind "the key changed, reload". Version 0 is the shipped key
 *   with no changes and has no row.
 * - `submission.key_version`: the version a submission was last scored against.
 * The spans instructors accepted into a class key (`key_addition`, per assignment) become
 * `add` changes of version 1 of their class's key, in their old order; the table goes.
 */
export const classKeys: Migration = {
  // `any`: migrations run against the schema as it was then.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('class_key_version')
      .ifNotExists()
      .addColumn('class_id', 'text', (c) => c.notNull().references('class.id').onDelete('cascade'))
      .addColumn('exercise_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('changes_json', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('class_key_version_pk', ['class_id', 'exercise_id', 'version'])
      .execute();
    await db.schema
      .alterTable('submission')
      .addColumn('key_version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    const rows = await db
      .selectFrom('key_addition')
      .innerJoin('assignment', 'assignment.id', 'key_addition.assignment_id')
      .select([
        'assignment.class_id',
        'key_addition.id',
        'key_addition.exercise_id',
        'key_addition.label',
        'key_addition.start',
        'key_addition.end',
        'key_addition.optional',
        'key_addition.explanation',
        'key_addition.created_by',
        'key_addition.created_at',
      ])
      .orderBy('key_addition.seq')
      .execute();
    const keys = new Map<string, { classId: string; exerciseId: string; by: string; at: string; changes: object[] }>();
    for (const row of rows) {
      const at = `${row.class_id}\n${row.exercise_id}`;
      const key: { classId: string; exerciseId: string; by: string; at: string; changes: object[] } = keys.get(at) ?? {
        classId: row.class_id,
        exerciseId: row.exercise_id,
        by: row.created_by,
        at: row.created_at,
        changes: [],
      };
      key.by = row.created_by;
      key.at = row.created_at;
      key.changes.push({
        kind: 'add',
        item: {
          id: `class-${row.id}`,
          label: row.label,
          start: Number(row.start),
          end: Number(row.end),
          attribute: null,
          explanation: row.explanation,
          check: null,
          record: null,
          optional: Number(row.optional) === 1,
          accept: [],
        },
      });
      keys.set(at, key);
    }
    for (const key of keys.values()) {
      await db
        .insertInto('class_key_version')
        .values({
          class_id: key.classId,
          exercise_id: key.exerciseId,
          version: 1,
          changes_json: JSON.stringify(key.changes),
          note: 'Spans accepted into the class key from the review.',
          created_by: key.by,
          created_at: key.at,
        })
        .execute();
      await db
        .updateTable('submission')
        .set({ key_version: 1 })
        .where('exercise_id', '=', key.exerciseId)
        .where('assignment_id', 'in', db.selectFrom('assignment').select('id').where('class_id', '=', key.classId))
        .execute();
    }
    await db.schema.dropTable('key_addition').ifExists().execute();
    await db.deleteFrom('insertion_counter').where('name', '=', 'key_addition').execute();
  },
};
