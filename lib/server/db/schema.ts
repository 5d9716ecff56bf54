import 'server-only';
import type { ColumnType } from 'kysely';

/*
 * Portable conventions for our own tables (SQLite and PostgreSQL read the same rows):
 * text ids from crypto.randomUUID, timestamps as ISO-8601 UTC text (`toISOString()`, so
 * text order is time order), booleans as integer 0/1, JSON as text.
 * better-auth's tables follow better-auth's own types instead (see migrations/0001).
 */

/** An ISO-8601 UTC timestamp such as 2026-01-31T12:00:00.000Z. */
export type IsoTime = string;
/** 0 or 1. */
export type Flag = 0 | 1;

/** better-auth: one row per account holder (instructors). */
export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: ColumnType<boolean | number, boolean | number, boolean | number>;
  image: string | null;
  createdAt: ColumnType<Date | string, Date | string, Date | string>;
  updatedAt: ColumnType<Date | string, Date | string, Date | string>;
}

/** better-auth: one row per signed-in browser; `token` is what the cookie carries. */
export interface SessionTable {
  id: string;
  expiresAt: ColumnType<Date | string, Date | string, Date | string>;
  token: string;
  createdAt: ColumnType<Date | string, Date | string, Date | string>;
  updatedAt: ColumnType<Date | string, Date | string, Date | string>;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
}

/** better-auth: credentials; `password` holds the scrypt hash for email+password accounts. */
export interface AccountTable {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  accessToken: string | null;
  refreshToken: string | null;
  idToken: string | null;
  accessTokenExpiresAt: ColumnType<Date | string | null, Date | string | null, Date | string | null>;
  refreshTokenExpiresAt: ColumnType<Date | string | null, Date | string | null, Date | string | null>;
  scope: string | null;
  password: string | null;
  createdAt: ColumnType<Date | string, Date | string, Date | string>;
  updatedAt: ColumnType<Date | string, Date | string, Date | string>;
}

export interface VerificationTable {
  id: string;
  identifier: string;
  value: string;
  expiresAt: ColumnType<Date | string, Date | string, Date | string>;
  createdAt: ColumnType<Date | string, Date | string, Date | string>;
  updatedAt: ColumnType<Date | string, Date | string, Date | string>;
}

/** better-auth's rate-limit rows (storage: "database"); `lastRequest` is epoch milliseconds. */
export interface BetterAuthRateLimitTable {
  id: string;
  key: string;
  count: number;
  lastRequest: ColumnType<number | string, number, number>;
}

export interface ClassTable {
  id: string;
  instructor_id: string;
  name: string;
  join_code: string;
  archived_at: IsoTime | null;
  created_at: IsoTime;
  /** Until when the instructor lifted the ceiling on joins per hour; null: it holds. */
  joins_lifted_until: IsoTime | null;
  /** Insertion order (migration 0004): lists made in order sort by it, never by time and a random id. */
  seq: number;
}

export interface StudentTable {
  id: string;
  class_id: string;
  display_name: string;
  /** displayNameKey(display_name): unique within the class. */
  name_key: string | null;
  resume_code_hash: string;
  created_at: IsoTime;
  /** Insertion order (migration 0004): lists made in order sort by it, never by time and a random id. */
  seq: number;
}

export interface StudentSessionTable {
  id: string;
  /** SHA-256 of the cookie's token, hex; the token itself is never stored. */
  token_hash: string;
  student_id: string;
  expires_at: IsoTime;
  created_at: IsoTime;
}

export type ReleasePolicy = 'on-submit' | 'after-due' | 'manual';

export interface AssignmentTable {
  id: string;
  class_id: string;
  lesson_slug: string;
  opens_at: IsoTime | null;
  due_at: IsoTime | null;
  release_policy: ReleasePolicy;
  released_at: IsoTime | null;
  allow_resubmit: Flag;
  created_at: IsoTime;
  /** Insertion order (migration 0004): lists made in order sort by it, never by time and a random id. */
  seq: number;
  /** The grading rule: points from the lesson's exercises (0: no rule picked yet). */
  label_points: number;
  /** The grading rule: points per written answer marked complete. */
  answer_points: number;
  /** The instructor's own article this assignment sets (migration 0009); null: a lesson's. */
  own_article_id: string | null;
  /** An own article's exercise: its instructions and the labels that count (JSON array); else null. */
  own_instructions: string | null;
  own_labels: string | null;
}

/** A class student's latest written answer to one question of an assignment, and its review. */
export interface QuestionAnswerTable {
  id: string;
  student_id: string;
  assignment_id: string;
  question_id: string;
  client_id: string;
  answer: string;
  submitted_at: IsoTime;
  review_status: 'complete' | 'revise' | null;
  teacher_comment: string | null;
  reviewed_at: IsoTime | null;
}

/** One student's grade on an assignment, set by hand, with the teacher's note. */
export interface GradeOverrideTable {
  assignment_id: string;
  student_id: string;
  points: number;
  note: string;
  created_at: IsoTime;
}

export interface DraftTable {
  student_id: string;
  assignment_id: string;
  exercise_id: string;
  answers_json: string;
  updated_at: IsoTime;
}

export interface SubmissionTable {
  id: string;
  /** Chosen by the client per attempt, so that a retried request finds its first result. */
  client_id: string;
  student_id: string;
  assignment_id: string;
  exercise_id: string;
  /** 1 for the first submission of an exercise; unique per student and exercise. */
  attempt: number;
  answers_json: string;
  article_sha256: string;
  score_json: string;
  /** The class key version this submission was last scored against (migration 0008). */
  key_version: number;
  late: Flag;
  submitted_at: IsoTime;
}

/** Our own fixed-window counters for student join/resume attempts (see rate-limit.ts). */
export interface RateLimitTable {
  key: string;
  window_start: IsoTime;
  count: number;
}

/** One saved version of a class's key for one exercise (migration 0008, decision 16). */
export interface ClassKeyVersionTable {
  class_id: string;
  exercise_id: string;
  /** 1, 2, …; version 0 is the shipped key with no changes and has no row. */
  version: number;
  /** The whole overlay at this version: lib/server/keys/changes.ts KeyChange[] as JSON. */
  changes_json: string;
  /** What changed, in words, for the class's history. */
  note: string;
  created_by: string;
  created_at: IsoTime;
}

export interface ExtraDismissalTable {
  id: string;
  assignment_id: string;
  exercise_id: string;
  label: string;
  start: number;
  end: number;
  comment: string;
  created_at: IsoTime;
  /** Insertion order (migration 0004): lists made in order sort by it, never by time and a random id. */
  seq: number;
}

export interface CommentTable {
  id: string;
  submission_id: string;
  start: number | null;
  end: number | null;
  body: string;
  created_by: string;
  created_at: IsoTime;
  /** Insertion order (migration 0004): lists made in order sort by it, never by time and a random id. */
  seq: number;
}

/** What one student has of their own on one assignment (migration 0006). */
export interface AssignmentExceptionTable {
  assignment_id: string;
  student_id: string;
  /** Their own due time, later than the assignment's; null: the assignment's. */
  due_at: IsoTime | null;
  /** Submissions of each exercise allowed beyond the assignment's rule (reopenings). */
  extra_attempts: number;
  updated_at: IsoTime;
}

/** What a change to an assignment was about. */
export type AssignmentChangeKind = 'opens' | 'due' | 'release-policy' | 'resubmit' | 'reopened' | 'extension';

/** One recorded change to an assignment (migration 0006); values as stored (instants, policies, 0/1). */
export interface AssignmentChangeTable {
  id: string;
  assignment_id: string;
  kind: AssignmentChangeKind;
  student_id: string | null;
  /** The student's name when the change was made, for changes about one student. */
  student_name: string | null;
  from_value: string | null;
  to_value: string | null;
  created_by: string;
  created_at: IsoTime;
  seq: number;
}

/** An article an instructor brought (migration 0009): theirs alone, text fixed once used. */
export interface OwnArticleTable {
  id: string;
  instructor_id: string;
  title: string;
  outlet: string;
  author: string | null;
  /** The date published as the instructor wrote it (free text, like the registry's `date`). */
  published: string;
  source_url: string;
  provenance: string;
  /** The normalized text (lib/validation/own-article.ts); offsets of key items point into it. */
  text: string;
  sha256: string;
  /** Moved on by every change to the key. */
  key_version: number;
  /** The article this one was copied from, or null. */
  copied_from: string | null;
  created_at: IsoTime;
  seq: number;
}

/** One item of an own article's key: a file key item's content, anchored to offsets. */
export interface OwnKeyItemTable {
  id: string;
  article_id: string;
  /** Place in text order (start, then end, then label), from 0. */
  position: number;
  label: string;
  /** The label's attribute: `kind` of sourcing, `voice` of loaded language, `basis` of a claim. */
  attribute: string;
  start: number;
  end: number;
  explanation: string;
  check_text: string | null;
  record: string | null;
  optional: Flag;
  /** The other acceptable labels, a JSON array. */
  accept_json: string;
}

/** One row per ordered table: the last insertion number handed out (see sequence.ts). */
export interface InsertionCounterTable {
  name: string;
  value: number;
}

/** Every table the app reads or writes, named as in the database. */
export interface Database {
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
  verification: VerificationTable;
  rateLimit: BetterAuthRateLimitTable;
  class: ClassTable;
  student: StudentTable;
  student_session: StudentSessionTable;
  assignment: AssignmentTable;
  question_answer: QuestionAnswerTable;
  grade_override: GradeOverrideTable;
  draft: DraftTable;
  submission: SubmissionTable;
  rate_limit: RateLimitTable;
  class_key_version: ClassKeyVersionTable;
  extra_dismissal: ExtraDismissalTable;
  comment: CommentTable;
  insertion_counter: InsertionCounterTable;
  assignment_exception: AssignmentExceptionTable;
  assignment_change: AssignmentChangeTable;
  own_article: OwnArticleTable;
  own_key_item: OwnKeyItemTable;
}
