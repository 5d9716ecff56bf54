import { expect, it } from 'vitest';
import { getJoinActivity, liftJoinLimit } from '@/lib/server/data/class-joins';
import { archiveClass, createClass, regenerateJoinCode } from '@/lib/server/data/classes';
import { resetStudentResumeCode } from '@/lib/server/data/roster';
import { takeSeq } from '@/lib/server/db/sequence';
import {
  endStudentSession,
  JOINS_PER_CLASS_PER_HOUR,
  joinClass,
  RESUME_CODE_RATE_RULE,
  resumeStudent,
  STUDENT_RATE_RULE,
  studentFromSessionToken,
} from '@/lib/server/students';
import { describeEachEngine } from './db-harness';
import { makeInstructor, must } from './fixtures';

describeEachEngine('students', (h) => {
  async function setUp() {
    const teacher = await makeInstructor(h.db);
    const klass = must(await createClass(teacher, { name: 'Period 3' }, h.db));
    return { teacher, klass };
  }

  it('join with the class code and a name only: a session and a resume code shown once', async () => {
    const { klass } = await setUp();
    const grant = must(
      await joinClass({ joinCode: klass.joinCode.toLowerCase(), displayName: '  Ada   L. ', ip: '1' }, h.db),
    );
    expect(grant.displayName).toBe('Ada L.');
    expect(grant.className).toBe('Period 3');
    expect(grant.resumeCode).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(await studentFromSessionToken(grant.sessionToken, h.db)).toEqual({
      studentId: grant.studentId,
      classId: klass.id,
      displayName: 'Ada L.',
    });
    // Neither the token nor the resume code is stored as given.
    const session = await h.db.selectFrom('student_session').selectAll().executeTakeFirstOrThrow();
    expect(session.token_hash).not.toBe(grant.sessionToken);
    const student = await h.db.selectFrom('student').selectAll().executeTakeFirstOrThrow();
    expect(student.resume_code_hash).not.toContain(grant.resumeCode.replace(/-/g, ''));
  });

  it('refuses an unknown code, an empty name and an archived class', async () => {
    const { teacher, klass } = await setUp();
    expect(await joinClass({ joinCode: 'ZZZZZZZZ', displayName: 'A', ip: '1' }, h.db)).toMatchObject({
      ok: false,
      error: 'not-found',
    });
    expect(await joinClass({ joinCode: klass.joinCode, displayName: '   ', ip: '1' }, h.db)).toMatchObject({
      ok: false,
      error: 'invalid',
    });
    must(await archiveClass(teacher, klass.id, h.db));
    expect(await joinClass({ joinCode: klass.joinCode, displayName: 'A', ip: '1' }, h.db)).toMatchObject({
      ok: false,
      error: 'not-found',
    });
  });

  it('resume on another device with class code + resume code; a wrong code is refused', async () => {
    const { klass } = await setUp();
    const grant = must(await joinClass({ joinCode: klass.joinCode, displayName: 'Ada', ip: '1' }, h.db));
    const other = must(await joinClass({ joinCode: klass.joinCode, displayName: 'Bo', ip: '1' }, h.db));
    const resumed = must(
      await resumeStudent({ joinCode: klass.joinCode, resumeCode: grant.resumeCode.toLowerCase(), ip: '2' }, h.db),
    );
    expect(resumed.studentId).toBe(grant.studentId);
    expect(resumed.sessionToken).not.toBe(grant.sessionToken);
    // Both devices stay signed in.
    expect(await studentFromSessionToken(grant.sessionToken, h.db)).not.toBeNull();
    expect(await studentFromSessionToken(resumed.sessionToken, h.db)).not.toBeNull();
    expect(
      await resumeStudent({ joinCode: klass.joinCode, resumeCode: 'AAAA-AAAA-AAAA', ip: '2' }, h.db),
    ).toMatchObject({ ok: false, error: 'not-found' });
    // Another class's code with a valid resume code does not work either.
    expect(await resumeStudent({ joinCode: 'ZZZZZZZZ', resumeCode: other.resumeCode, ip: '2' }, h.db)).toMatchObject({
      ok: false,
      error: 'not-found',
    });
  });

  it('an instructor reset gives a new code, kills the old code and signs the student out', async () => {
    const { teacher, klass } = await setUp();
    const grant = must(await joinClass({ joinCode: klass.joinCode, displayName: 'Ada', ip: '1' }, h.db));
    const { resumeCode } = must(await resetStudentResumeCode(teacher, grant.studentId, h.db));
    expect(resumeCode).not.toBe(grant.resumeCode);
    expect(await studentFromSessionToken(grant.sessionToken, h.db)).toBeNull();
    expect(
      await resumeStudent({ joinCode: klass.joinCode, resumeCode: grant.resumeCode, ip: '1' }, h.db),
    ).toMatchObject({ ok: false });
    expect(must(await resumeStudent({ joinCode: klass.joinCode, resumeCode, ip: '1' }, h.db)).studentId).toBe(
      grant.studentId,
    );
  });

  it('sign-out ends the session; an expired session is not accepted', async () => {
    const { klass } = await setUp();
    const now = new Date();
    const grant = must(await joinClass({ joinCode: klass.joinCode, displayName: 'Ada', ip: '1' }, h.db, now));
    const afterExpiry = new Date(grant.expiresAt.getTime() + 1000);
    expect(await studentFromSessionToken(grant.sessionToken, h.db, afterExpiry)).toBeNull();
    await endStudentSession(grant.sessionToken, h.db);
    expect(await studentFromSessionToken(grant.sessionToken, h.db, now)).toBeNull();
  });

  it('join codes are unique in the database and a regenerated code replaces the old one', async () => {
    const teacher = await makeInstructor(h.db);
    const codes = new Set<string>();
    for (let i = 0; i < 30; i++) codes.add(must(await createClass(teacher, { name: `C${i}` }, h.db)).joinCode);
    expect(codes.size).toBe(30);
    const first = await h.db.selectFrom('class').selectAll().executeTakeFirstOrThrow();
    await expect(
      h.db
        .insertInto('class')
        .values({ ...first, id: crypto.randomUUID() })
        .execute(),
    ).rejects.toThrow();
    const { joinCode } = must(await regenerateJoinCode(teacher, first.id, h.db));
    expect(joinCode).not.toBe(first.join_code);
    expect(await joinClass({ joinCode: first.join_code, displayName: 'A', ip: '1' }, h.db)).toMatchObject({
      ok: false,
      error: 'not-found',
    });
    expect((await joinClass({ joinCode, displayName: 'A', ip: '1' }, h.db)).ok).toBe(true);
  });

  it(`rate limits attempts per address after ${STUDENT_RATE_RULE.max}, counted in the database across handles`, async () => {
    const { klass } = await setUp();
    const other = h.openAnother();
    const now = new Date();
    for (let i = 0; i < STUDENT_RATE_RULE.max; i++) {
      // Alternate handles: the count must be shared, as between two server processes.
      const db = i % 2 === 0 ? h.db : other;
      const result = await joinClass({ joinCode: `WRONG${i}`, displayName: 'Eve', ip: '198.51.100.7' }, db, now);
      expect(result).toMatchObject({ ok: false, error: 'not-found' });
    }
    const blocked = await joinClass({ joinCode: klass.joinCode, displayName: 'Eve', ip: '198.51.100.7' }, other, now);
    expect(blocked).toMatchObject({ ok: false, error: 'rate-limited' });
    if (!blocked.ok) expect(blocked.message).toMatch(/Too many attempts\. Wait 10 minutes/);
    // Another address is unaffected; the window ends after 10 minutes.
    expect((await joinClass({ joinCode: klass.joinCode, displayName: 'Ann', ip: '198.51.100.8' }, h.db, now)).ok).toBe(
      true,
    );
    const later = new Date(now.getTime() + STUDENT_RATE_RULE.windowMs + 1);
    expect(
      (await joinClass({ joinCode: klass.joinCode, displayName: 'Eve', ip: '198.51.100.7' }, other, later)).ok,
    ).toBe(true);
  });

  it('a flood of wrong resume codes is refused per address and never locks the class out', async () => {
    const { teacher, klass } = await setUp();
    const ada = must(await joinClass({ joinCode: klass.joinCode, displayName: 'Ada', ip: '192.0.2.10' }, h.db));
    const { resumeCode } = must(await resetStudentResumeCode(teacher, ada.studentId, h.db));
    const now = new Date();
    // One address: refused after RESUME_CODE_RATE_RULE.max wrong codes for this class.
    for (let i = 0; i < RESUME_CODE_RATE_RULE.max; i++) {
      const wrong = await resumeStudent(
        { joinCode: klass.joinCode, resumeCode: 'WRONGWRONG22', ip: '10.6.6.6' },
        h.db,
        now,
      );
      expect(wrong).toMatchObject({ ok: false, error: 'not-found' });
    }
    expect(
      await resumeStudent({ joinCode: klass.joinCode, resumeCode: 'WRONGWRONG22', ip: '10.6.6.6' }, h.db, now),
    ).toMatchObject({ ok: false, error: 'rate-limited' });
    // Many addresses: more than the old limit of 60 per class code, from anywhere.
    for (let i = 0; i < 80; i++) {
      await resumeStudent(
        { joinCode: klass.joinCode, resumeCode: 'WRONGWRONG22', ip: `10.7.${i >> 8}.${i & 255}` },
        h.db,
        now,
      );
    }
    // The rightful student, from their own address, still gets in.
    const back = must(await resumeStudent({ joinCode: klass.joinCode, resumeCode, ip: '192.0.2.10' }, h.db, now));
    expect(back.studentId).toBe(ada.studentId);
  }, 120_000);

  it('refuses a display name that shows as blank, and one already used in the class', async () => {
    const { klass } = await setUp();
    const join = (displayName: string) => joinClass({ joinCode: klass.joinCode, displayName, ip: '192.0.2.20' }, h.db);
    for (const blank of ['\u200B', '\u200B\u200B \uFEFF', '\u200E\u200F', ' \u2060 ']) {
      expect(await join(blank), JSON.stringify(blank)).toMatchObject({ ok: false, error: 'invalid' });
    }
    expect(must(await join('Maya\u200B R.')).displayName).toBe('Maya R.');
    for (const same of ['Maya R.', 'maya r.', ' MAYA  R. ', 'Ｍａｙａ R.']) {
      const taken = await join(same);
      expect(taken, same).toMatchObject({ ok: false, error: 'conflict' });
      if (!taken.ok) expect(taken.message).toMatch(/already uses the name/);
    }
    expect(must(await join('Maya R. 2')).displayName).toBe('Maya R. 2');
    // Emoji joined by zero-width joiners keep them.
    expect(must(await join('Sam 👩‍🔬')).displayName).toBe('Sam 👩‍🔬');
    // Two joins racing with one name: exactly one gets it.
    const raced = await Promise.all(
      [h.db, h.openAnother()].map((db) =>
        joinClass({ joinCode: klass.joinCode, displayName: 'Noor', ip: '192.0.2.21' }, db),
      ),
    );
    expect(raced.filter((r) => r.ok)).toHaveLength(1);
  });

  it(`pauses joining after ${JOINS_PER_CLASS_PER_HOUR} new students an hour until the instructor lifts it`, async () => {
    const { teacher, klass } = await setUp();
    const now = new Date();
    const hourAgo = new Date(now.getTime() - 61 * 60 * 1000).toISOString();
    // Earlier joins, as the class would have them: all but one inside the last hour.
    const firstSeq = await takeSeq(h.db, 'student', JOINS_PER_CLASS_PER_HOUR);
    await h.db
      .insertInto('student')
      .values(
        Array.from({ length: JOINS_PER_CLASS_PER_HOUR }, (_, i) => ({
          id: crypto.randomUUID(),
          class_id: klass.id,
          display_name: `S${i}`,
          name_key: `s${i}`,
          resume_code_hash: `h${i}`,
          created_at: i === 0 ? hourAgo : now.toISOString(),
          seq: firstSeq + i,
        })),
      )
      .execute();
    expect((await joinClass({ joinCode: klass.joinCode, displayName: 'Late', ip: '192.0.2.30' }, h.db, now)).ok).toBe(
      true,
    );
    const paused = await joinClass({ joinCode: klass.joinCode, displayName: 'Later', ip: '192.0.2.30' }, h.db, now);
    expect(paused).toMatchObject({ ok: false, error: 'closed' });
    if (!paused.ok) expect(paused.message).toMatch(/Ask your teacher/);
    expect(must(await getJoinActivity(teacher, klass.id, h.db, now))).toEqual({
      lastHour: JOINS_PER_CLASS_PER_HOUR,
      ceiling: JOINS_PER_CLASS_PER_HOUR,
      liftedUntil: null,
      paused: true,
    });
    const other = await makeInstructor(h.db, 'Other');
    expect(await liftJoinLimit(other, klass.id, h.db, now)).toMatchObject({ ok: false, error: 'not-found' });
    const { liftedUntil } = must(await liftJoinLimit(teacher, klass.id, h.db, now));
    expect(must(await getJoinActivity(teacher, klass.id, h.db, now))).toMatchObject({ liftedUntil, paused: false });
    expect((await joinClass({ joinCode: klass.joinCode, displayName: 'Later', ip: '192.0.2.30' }, h.db, now)).ok).toBe(
      true,
    );
    // After the lift's hour, the ceiling is back (nobody joined in that hour, so nothing is paused).
    const afterLift = new Date(Date.parse(liftedUntil) + 1000);
    expect(must(await getJoinActivity(teacher, klass.id, h.db, afterLift))).toMatchObject({ liftedUntil: null });
  });

  it('lets a class larger than the resume limit join one class from one address', async () => {
    const { klass } = await setUp();
    const now = new Date();
    for (let i = 0; i < RESUME_CODE_RATE_RULE.max + 5; i++) {
      const joined = await joinClass(
        { joinCode: klass.joinCode, displayName: `S${i}`, ip: '198.51.100.50' },
        h.db,
        now,
      );
      expect(joined.ok).toBe(true);
    }
  }, 120_000);

  it('concurrent attempts are all counted (no lost updates)', async () => {
    const now = new Date();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        joinClass({ joinCode: 'NOPE', displayName: 'x', ip: '192.0.2.1' }, i % 2 ? h.db : h.openAnother(), now),
      ),
    );
    const row = await h.db
      .selectFrom('rate_limit')
      .selectAll()
      .where('key', '=', 'join:ip:192.0.2.1')
      .executeTakeFirstOrThrow();
    expect(Number(row.count)).toBe(20);
  });
});
