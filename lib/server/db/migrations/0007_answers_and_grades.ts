import 'server-only';
import type { Kysely, Migration } from 'kysely';

/**
 * A class student's written answers to a lesson's questions, with the teacher's review of
 * each (complete or revise, and a comment), and the grading of an assignment:
 * - `question_answer`: the latest answer of a student to one question of one assignment
 *   (one row, replaced when they answer again; `client_id` makes a retry harmless);
 * - `assignment.label_points` and `assignment.answer_points`: the grading rule (points out of
 *   `label_points` from the lesson's exercises, plus `answer_points` per answer marked
 *   complete); both 0 until the teacher picks a rule;
 * - `grade_override`: one student's grade set by hand, with the teacher's note.
 */
export const answersAndGrades: Migration = {
  // `any`: migrations run against the schema as it was then.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('question_answer')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('student_id', 'text', (c) => c.notNull().references('student.id').onDelete('cascade'))
      .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignment.id').onDelete('cascade'))
      .addColumn('question_id', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('answer', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('review_status', 'text')
      .addColumn('teacher_comment', 'text')
      .addColumn('reviewed_at', 'text')
      .addUniqueConstraint('question_answer_once', ['student_id', 'assignment_id', 'question_id'])
      .execute();
    await db.schema
      .createIndex('question_answer_assignment_idx')
      .ifNotExists()
      .on('question_answer')
      .column('assignment_id')
      .execute();
    await db.schema
      .alterTable('assignment')
      .addColumn('label_points', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('assignment')
      .addColumn('answer_points', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('grade_override')
      .ifNotExists()
      .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignment.id').onDelete('cascade'))
      .addColumn('student_id', 'text', (c) => c.notNull().references('student.id').onDelete('cascade'))
      .addColumn('points', 'real', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('grade_override_pk', ['assignment_id', 'student_id'])
      .execute();
  },
};
