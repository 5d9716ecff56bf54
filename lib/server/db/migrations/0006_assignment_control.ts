import 'server-only';
import type { Kysely, Migration } from 'kysely';

/**
 * The instructor's control over an assignment after it is made:
 * - `assignment_exception`: one row per student given something of their own on one
 *   assignment: a later due time (`due_at`, null for none) and attempts beyond the
 *   assignment's rule (`extra_attempts`, each one more submission of every exercise).
 * - `assignment_change`: the record of every change (dates, key release policy,
 *   resubmission rule, a student's extension or reopening), shown on the assignment in the
 *   order made (`seq`, see ../sequence.ts). `student_name` keeps the name as it was, so the
 *   record still reads after the student is removed (`student_id` then becomes null).
 * Deleting an assignment deletes both with it; deleting a student deletes their exceptions.
 */
export const assignmentControl: Migration = {
  // `any`: migrations run against the schema as it was then.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('assignment_exception')
      .ifNotExists()
      .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignment.id').onDelete('cascade'))
      .addColumn('student_id', 'text', (c) => c.notNull().references('student.id').onDelete('cascade'))
      .addColumn('due_at', 'text')
      .addColumn('extra_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('assignment_exception_pk', ['assignment_id', 'student_id'])
      .execute();
    await db.schema
      .createIndex('assignment_exception_student_idx')
      .ifNotExists()
      .on('assignment_exception')
      .column('student_id')
      .execute();

    await db.schema
      .createTable('assignment_change')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignment.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('student_id', 'text', (c) => c.references('student.id').onDelete('set null'))
      .addColumn('student_name', 'text')
      .addColumn('from_value', 'text')
      .addColumn('to_value', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('assignment_change_assignment_idx')
      .ifNotExists()
      .on('assignment_change')
      .columns(['assignment_id', 'seq'])
      .execute();
    await db.insertInto('insertion_counter').values({ name: 'assignment_change', value: 0 }).execute();
  },
};
