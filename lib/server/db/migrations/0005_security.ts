import 'server-only';
import type { Kysely, Migration } from 'kysely';
import { displayNameKey } from '../../../validation/display-name';

/**
 * - `student.name_key`: the form of a display name that two students of one class may not
 *   share (lib/validation/display-name.ts), unique per class so that two joins racing with
 *   the same name cannot both succeed. Rows from before get their key; where a class
 *   already had two students of one name, the later ones keep a key made distinct by
 *   their id, so the index can be made and nobody is renamed behind the teacher's back.
 * - `class.joins_lifted_until`: until when the instructor lifted the class's ceiling on
 *   joins per hour (null: the ceiling holds).
 */
export const security: Migration = {
  // `any`: migrations run against the schema as it was then.
  async up(db: Kysely<any>) {
    await db.schema.alterTable('student').addColumn('name_key', 'text').execute();
    await db.schema.alterTable('class').addColumn('joins_lifted_until', 'text').execute();
    const students: { id: string; class_id: string; display_name: string }[] = await db
      .selectFrom('student')
      .select(['id', 'class_id', 'display_name'])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const taken = new Set<string>();
    for (const student of students) {
      let key = displayNameKey(student.display_name);
      if (taken.has(`${student.class_id}\n${key}`)) key = `${key}#${student.id}`;
      taken.add(`${student.class_id}\n${key}`);
      await db.updateTable('student').set({ name_key: key }).where('id', '=', student.id).execute();
    }
    await db.schema
      .createIndex('student_class_name_key_idx')
      .unique()
      .on('student')
      .columns(['class_id', 'name_key'])
      .execute();
  },
};
