import 'server-only';
import { randomUUID } from 'node:crypto';
import { BLANK_NAME_MESSAGE, cleanDisplayName, displayNameKey, hasVisibleCharacter } from '../validation/display-name';
import {
  formatResumeCode,
  hashResumeCode,
  hashToken,
  JOIN_CODE_LENGTH,
  newSessionToken,
  normalizeCode,
  RESUME_CODE_LENGTH,
  randomCode,
} from './codes';
import { type Db, getDb } from './db/client';
import { takeSeq } from './db/sequence';
import { isAhead } from './instants';
import { consumeRateLimit, type RateRule } from './rate-limit';
import { type Failure, fail, ok, type Result } from './result';

/** A student's session (cookie cr_student) lasts 30 days: a school term's worth of lessons. */
export const STUDENT_SESSION_DAYS = 30;
export const MAX_DISPLAY_NAME_LENGTH = 60;

/**
 * Join and resume attempts per client address: 300 per 10 minutes. A whole class, even a
 * lecture hall, often joins at once from one school address (NAT), so the limit cannot be
 * near a class size; the codes' entropy (40 and 59 random bits) is what defeats guessing,
 * the limit only bounds abuse and the scrypt work an attacker can cause.
 */
export const STUDENT_RATE_RULE: RateRule = { max: 300, windowMs: 10 * 60 * 1000 };

/**
 * Resume attempts per class code from one address: 20 per 10 minutes, more than a class's
 * students mistyping their codes on one school network. There is no limit per class code
 * across addresses: one attacker anywhere could fill it and lock the whole class out, and a
 * 59-bit resume code cannot be guessed at any rate a server answers (decision 4).
 */
export const RESUME_CODE_RATE_RULE: RateRule = { max: 20, windowMs: 10 * 60 * 1000 };

/**
 * New students per class per hour before joining pauses: above any class, below what a
 * script with a leaked class code would add. The instructor sees the count on the class
 * page and can lift the ceiling for JOIN_LIFT_MS (a lecture hall, a merged section).
 */
export const JOINS_PER_CLASS_PER_HOUR = 100;
export const JOIN_WINDOW_MS = 60 * 60 * 1000;
export const JOIN_LIFT_MS = 60 * 60 * 1000;

/** What a student gets on joining or resuming; the token goes into the cr_student cookie. */
export type StudentSessionGrant = {
  studentId: string;
  classId: string;
  displayName: string;
  sessionToken: string;
  expiresAt: Date;
};

/** Whoever holds a valid student session token. */
export type StudentIdentity = { studentId: string; classId: string; displayName: string };

/**
 * Joins the class with this join code as a new student. Returns the session grant and the
 * personal resume code (shown once, stored only as a hash). Fails with `rate-limited`,
 * `invalid` (the display name), or `not-found` (no open class has that code).
 */
export async function joinClass(
  input: { joinCode: string; displayName: string; ip: string },
  db: Db = getDb(),
  now: Date = new Date(),
): Promise<Result<StudentSessionGrant & { className: string; resumeCode: string }>> {
  const code = normalizeCode(input.joinCode);
  const limited = await limitAttempt(db, [[`join:ip:${input.ip.slice(0, 64)}`, STUDENT_RATE_RULE]], now);
  if (limited) return limited;
  const displayName = checkDisplayName(input.displayName);
  if (typeof displayName !== 'string') return displayName;
  const klass = await db
    .selectFrom('class')
    .select(['id', 'name', 'joins_lifted_until'])
    .where('join_code', '=', code)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (code.length !== JOIN_CODE_LENGTH || !klass) {
    return fail('not-found', 'No open class has that code. Check it with your teacher.');
  }
  const lifted = isAhead(klass.joins_lifted_until, now);
  if (!lifted && (await recentJoins(db, klass.id, now)) >= JOINS_PER_CLASS_PER_HOUR) {
    return fail(
      'closed',
      'This class is not taking new students just now: many joined in the last hour. Ask your teacher to let more join.',
    );
  }
  const studentId = randomUUID();
  const resumeCode = randomCode(RESUME_CODE_LENGTH);
  // The unique (class, name key) index settles two joins racing with one name.
  const inserted = await db
    .insertInto('student')
    .values({
      id: studentId,
      class_id: klass.id,
      display_name: displayName,
      name_key: displayNameKey(displayName),
      resume_code_hash: await hashResumeCode(resumeCode, klass.id),
      created_at: now.toISOString(),
      seq: await takeSeq(db, 'student'),
    })
    .onConflict((oc) => oc.columns(['class_id', 'name_key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    const taken = nameTaken(displayName);
    // A student who joined before, on another device, needs their resume code, not a second name.
    return {
      ...taken,
      message: `${taken.message} If that is you, joined before on another device: continue with your resume code instead (the link below the form).`,
    };
  }
  const session = await startSession(db, studentId, now);
  return ok({
    ...session,
    classId: klass.id,
    className: klass.name,
    displayName,
    resumeCode: formatResumeCode(resumeCode),
  });
}

/**
 * A display name as stored (invisible characters removed, spaces collapsed), or why it
 * cannot be one: empty, too long, or nothing a person can see.
 */
export function checkDisplayName(name: string): string | Failure {
  const displayName = cleanDisplayName(name);
  if (displayName.length === 0 || displayName.length > MAX_DISPLAY_NAME_LENGTH) {
    return fail('invalid', `A name must be 1 to ${MAX_DISPLAY_NAME_LENGTH} characters.`);
  }
  if (!hasVisibleCharacter(displayName)) {
    return fail('invalid', BLANK_NAME_MESSAGE);
  }
  return displayName;
}

/** The refusal for a name already used in the class (the unique class-and-name-key index). */
export function nameTaken(displayName: string): Failure {
  return fail('conflict', `Someone in this class already uses the name “${displayName}”. Add an initial or a number.`);
}

/** Students who joined the class in the last JOIN_WINDOW_MS. */
export async function recentJoins(db: Db, classId: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - JOIN_WINDOW_MS).toISOString();
  const row = await db
    .selectFrom('student')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('class_id', '=', classId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Signs a student back in on any device with their class code and resume code. Fails with
 * `rate-limited` or `not-found` (one message for a wrong class code or resume code).
 */
export async function resumeStudent(
  input: { joinCode: string; resumeCode: string; ip: string },
  db: Db = getDb(),
  now: Date = new Date(),
): Promise<Result<StudentSessionGrant>> {
  const code = normalizeCode(input.joinCode);
  const ip = input.ip.slice(0, 64);
  const limited = await limitAttempt(
    db,
    [
      [`resume:ip:${ip}`, STUDENT_RATE_RULE],
      // Keys are cut short: both parts come from the request and must not bloat the table.
      [`resume:code-ip:${code.slice(0, 16)}:${ip}`, RESUME_CODE_RATE_RULE],
    ],
    now,
  );
  if (limited) return limited;
  const notFound = fail(
    'not-found',
    'That class code and resume code do not match. Ask your teacher for a new resume code.',
  );
  const resume = normalizeCode(input.resumeCode);
  if (resume.length !== RESUME_CODE_LENGTH) return notFound;
  const klass = await db.selectFrom('class').select('id').where('join_code', '=', code).executeTakeFirst();
  if (!klass) return notFound;
  const student = await db
    .selectFrom('student')
    .select(['id', 'display_name'])
    .where('class_id', '=', klass.id)
    .where('resume_code_hash', '=', await hashResumeCode(resume, klass.id))
    .executeTakeFirst();
  if (!student) return notFound;
  const session = await startSession(db, student.id, now);
  return ok({ ...session, classId: klass.id, displayName: student.display_name });
}

/**
 * Gives a student a new resume code (returned once) and ends all their sessions, so a
 * leaked old code or a device left signed in stops working. Callers check authority first.
 */
export async function issueResumeCode(db: Db, studentId: string, classId: string): Promise<string> {
  const resumeCode = randomCode(RESUME_CODE_LENGTH);
  const hash = await hashResumeCode(resumeCode, classId);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('student').set({ resume_code_hash: hash }).where('id', '=', studentId).execute();
    await tx.deleteFrom('student_session').where('student_id', '=', studentId).execute();
  });
  return formatResumeCode(resumeCode);
}

/** The student holding this session token, or null if the token is unknown or expired. */
export async function studentFromSessionToken(
  token: string,
  db: Db = getDb(),
  now: Date = new Date(),
): Promise<StudentIdentity | null> {
  const row = await db
    .selectFrom('student_session')
    .innerJoin('student', 'student.id', 'student_session.student_id')
    .select(['student.id as studentId', 'student.class_id as classId', 'student.display_name as displayName'])
    .where('student_session.token_hash', '=', hashToken(token))
    .where('student_session.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row ?? null;
}

/** Ends the session holding this token (student sign-out); unknown tokens are ignored. */
export async function endStudentSession(token: string, db: Db = getDb()): Promise<void> {
  await db.deleteFrom('student_session').where('token_hash', '=', hashToken(token)).execute();
}

/** A new session row; only the token's SHA-256 is stored. */
async function startSession(db: Db, studentId: string, now: Date) {
  const sessionToken = newSessionToken();
  const expiresAt = new Date(now.getTime() + STUDENT_SESSION_DAYS * 24 * 60 * 60 * 1000);
  await db
    .insertInto('student_session')
    .values({
      id: randomUUID(),
      token_hash: hashToken(sessionToken),
      student_id: studentId,
      expires_at: expiresAt.toISOString(),
      created_at: now.toISOString(),
    })
    .execute();
  return { studentId, sessionToken, expiresAt };
}

/** Counts the attempt against every rule; a refusal if any is over. */
async function limitAttempt(db: Db, checks: [string, RateRule][], now: Date): Promise<Failure | null> {
  for (const [key, rule] of checks) {
    const verdict = await consumeRateLimit(db, key, rule, now);
    if (!verdict.allowed) {
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
      return fail(
        'rate-limited',
        `Too many attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
      );
    }
  }
  return null;
}
