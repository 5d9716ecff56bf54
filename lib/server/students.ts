import 'server-only';
import { randomUUID } from 'node:crypto';
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
 * Resume attempts per class code, from any address: 60 per 10 minutes bounds guessing of
 * resume codes inside one class. Joins are not counted per code: every student of a class
 * joins with the same code, and a wrong join code names no class to protect.
 */
export const RESUME_CODE_RATE_RULE: RateRule = { max: 60, windowMs: 10 * 60 * 1000 };

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
  const limited = await limitAttempt(db, 'join', input.ip, code, now);
  if (limited) return limited;
  const displayName = input.displayName.trim().replace(/\s+/g, ' ');
  if (displayName.length === 0 || displayName.length > MAX_DISPLAY_NAME_LENGTH) {
    return fail('invalid', `Your name must be 1 to ${MAX_DISPLAY_NAME_LENGTH} characters.`);
  }
  const klass = await db
    .selectFrom('class')
    .select(['id', 'name'])
    .where('join_code', '=', code)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (code.length !== JOIN_CODE_LENGTH || !klass) {
    return fail('not-found', 'No open class has that code. Check it with your teacher.');
  }
  const studentId = randomUUID();
  const resumeCode = randomCode(RESUME_CODE_LENGTH);
  await db
    .insertInto('student')
    .values({
      id: studentId,
      class_id: klass.id,
      display_name: displayName,
      resume_code_hash: await hashResumeCode(resumeCode, klass.id),
      created_at: now.toISOString(),
      seq: await takeSeq(db, 'student'),
    })
    .execute();
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
 * Signs a student back in on any device with their class code and resume code. Fails with
 * `rate-limited` or `not-found` (one message for a wrong class code or resume code).
 */
export async function resumeStudent(
  input: { joinCode: string; resumeCode: string; ip: string },
  db: Db = getDb(),
  now: Date = new Date(),
): Promise<Result<StudentSessionGrant>> {
  const code = normalizeCode(input.joinCode);
  const limited = await limitAttempt(db, 'resume', input.ip, code, now);
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

/** Counts the attempt per client address and per class code; a refusal if either is over. */
async function limitAttempt(db: Db, action: string, ip: string, code: string, now: Date): Promise<Failure | null> {
  // Keys are cut short: both parts come from the request and must not bloat the table.
  const checks: [string, RateRule][] = [[`${action}:ip:${ip.slice(0, 64)}`, STUDENT_RATE_RULE]];
  if (action === 'resume') checks.push([`${action}:code:${code.slice(0, 16)}`, RESUME_CODE_RATE_RULE]);
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
