import 'server-only';
import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Classroom mode: classes, students and their sessions, assignments, drafts, submissions,
 * and the counters for student join/resume attempts. Only portable types: text, integer.
 * Deleting a class or a student cascades to everything that belongs to it.
 */
export const classroom: Migration = {
  // `any`: migrations run against the schema as it was then.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('class')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('instructor_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('join_code', 'text', (c) => c.notNull().unique())
      .addColumn('archived_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('class_instructor_idx').ifNotExists().on('class').column('instructor_id').execute();

    await db.schema
      .createTable('student')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('class_id', 'text', (c) => c.notNull().references('class.id').onDelete('cascade'))
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('resume_code_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('student_class_resume_idx')
      .ifNotExists()
      .on('student')
      .columns(['class_id', 'resume_code_hash'])
      .execute();

    await db.schema
      .createTable('student_session')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('student_id', 'text', (c) => c.notNull().references('student.id').onDelete('cascade'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('student_session_student_idx')
      .ifNotExists()
      .on('student_session')
      .column('student_id')
      .execute();

    await db.schema
      .createTable('assignment')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('class_id', 'text', (c) => c.notNull().references('class.id').onDelete('cascade'))
      .addColumn('lesson_slug', 'text', (c) => c.notNull())
      .addColumn('opens_at', 'text')
      .addColumn('due_at', 'text')
      .addColumn('release_policy', 'text', (c) => c.notNull())
      .addColumn('released_at', 'text')
      .addColumn('allow_resubmit', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint(
        'assignment_release_policy_check',
        sql`release_policy in ('on-submit', 'after-due', 'manual')`,
      )
      .execute();
    await db.schema.createIndex('assignment_class_idx').ifNotExists().on('assignment').column('class_id').execute();

    await db.schema
      .createTable('draft')
      .ifNotExists()
      .addColumn('student_id', 'text', (c) => c.notNull().references('student.id').onDelete('cascade'))
      .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignment.id').onDelete('cascade'))
      .addColumn('exercise_id', 'text', (c) => c.notNull())
      .addColumn('answers_json', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('draft_pk', ['student_id', 'assignment_id', 'exercise_id'])
      .execute();

    await db.schema
      .createTable('submission')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull().unique())
      .addColumn('student_id', 'text', (c) => c.notNull().references('student.id').onDelete('cascade'))
      .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignment.id').onDelete('cascade'))
      .addColumn('exercise_id', 'text', (c) => c.notNull())
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('answers_json', 'text', (c) => c.notNull())
      .addColumn('article_sha256', 'text', (c) => c.notNull())
      .addColumn('score_json', 'text', (c) => c.notNull())
      .addColumn('late', 'integer', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      // One row per attempt number: two racing first submissions cannot both be attempt 1.
      .addUniqueConstraint('submission_attempt_unique', ['student_id', 'assignment_id', 'exercise_id', 'attempt'])
      .execute();
    await db.schema
      .createIndex('submission_assignment_idx')
      .ifNotExists()
      .on('submission')
      .column('assignment_id')
      .execute();

    await db.schema
      .createTable('rate_limit')
      .ifNotExists()
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .execute();
  },
};
