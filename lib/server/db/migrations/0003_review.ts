import 'server-only';
import type { Kysely, Migration } from 'kysely';

/**
 * For the instructor's review of an assignment: spans added to the key, extra student
 * spans dismissed as acceptable, and comments on one submission (optionally on a span).
 */
export const review: Migration = {
  // `any`: migrations run against the schema as it was then.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('key_addition')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignment.id').onDelete('cascade'))
      .addColumn('exercise_id', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('start', 'integer', (c) => c.notNull())
      .addColumn('end', 'integer', (c) => c.notNull())
      .addColumn('optional', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('explanation', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('key_addition_assignment_idx')
      .ifNotExists()
      .on('key_addition')
      .column('assignment_id')
      .execute();

    await db.schema
      .createTable('extra_dismissal')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignment.id').onDelete('cascade'))
      .addColumn('exercise_id', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('start', 'integer', (c) => c.notNull())
      .addColumn('end', 'integer', (c) => c.notNull())
      .addColumn('comment', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('extra_dismissal_assignment_idx')
      .ifNotExists()
      .on('extra_dismissal')
      .column('assignment_id')
      .execute();

    await db.schema
      .createTable('comment')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('submission_id', 'text', (c) => c.notNull().references('submission.id').onDelete('cascade'))
      .addColumn('start', 'integer')
      .addColumn('end', 'integer')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('comment_submission_idx').ifNotExists().on('comment').column('submission_id').execute();
  },
};
