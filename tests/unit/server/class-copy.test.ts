import type { KyselyPlugin } from 'kysely';
import { afterEach, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/server/actor';
import { updateAssignment } from '@/lib/server/data/assignment-control';
import { createAssignments, listAssignments, releaseKey } from '@/lib/server/data/assignments';
import { copyClass } from '@/lib/server/data/class-copy';
import { classKeyItems } from '@/lib/server/data/class-key';
import { archiveClass, createClass, getClass, listMyClasses } from '@/lib/server/data/classes';
import { acceptExtra } from '@/lib/server/data/review-key';
import { describeEachEngine } from './db-harness';
import { ANONYMOUS, makeInstructor, makeStudent, must } from './fixtures';

// Join codes the next draws return, before random ones again: a collision made on purpose.
const forcedCodes = vi.hoisted(() => [] as string[]);
vi.mock('@/lib/server/codes', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/server/codes')>();
  return { ...real, randomCode: (length: number) => forcedCodes.shift() ?? real.randomCode(length) };
});

/** A fault on the way: any insert into `table` fails, as a lost connection would. */
const failingInsertInto = (table: string): KyselyPlugin => ({
  transformQuery: ({ node }) => {
    if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === table) {
      throw new Error(`injected fault: insert into ${table}`);
    }
    return node;
  },
  transformResult: async ({ result }) => result,
});

const NOW = new Date('2026-09-01T12:00:00.000Z');
const CHICAGO = 'America/Chicago';
const EXERCISE = 'who-says-so-attributions';

afterEach(() => {
  vi.useRealTimers();
  forcedCodes.length = 0;
});

describeEachEngine('class copy', (h) => {
  async function setUp() {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const teacher = await makeInstructor(h.db);
    const klass = must(await createClass(teacher, { name: 'Period 3' }, h.db));
    // 09:00 in Chicago on Monday 5 October 2026 (CDT) and 23:59 on Thursday 5 November 2026 (CST:
    // the clocks went back on 1 November).
    const [first, second] = must(
      await createAssignments(
        teacher,
        {
          classId: klass.id,
          lessonSlugs: ['who-says-so', 'spotting-spin'],
          opensAt: new Date('2026-10-05T14:00:00.000Z'),
          dueAt: new Date('2026-11-06T05:59:00.000Z'),
          releasePolicy: 'after-due',
          allowResubmit: true,
        },
        h.db,
      ),
    );
    if (!first || !second) throw new Error('no assignments');
    must(
      await acceptExtra(
        teacher,
        first.id,
        'who-says-so-attributions',
        { label: 'sourcing', start: 10, end: 20, optional: false, explanation: 'This attribution counts here.' },
        h.db,
      ),
    );
    must(await releaseKey(teacher, second.id, h.db));
    await makeStudent(h.db, klass.joinCode, 'Maya R.');
    const other = must(await createClass(teacher, { name: 'Period 4' }, h.db));
    must(
      await createAssignments(
        teacher,
        {
          classId: other.id,
          lessonSlugs: ['capstone'],
          opensAt: null,
          dueAt: null,
          releasePolicy: 'manual',
          allowResubmit: false,
        },
        h.db,
      ),
    );
    await makeStudent(h.db, other.joinCode, 'Sam T.');
    must(await archiveClass(teacher, klass.id, h.db));
    return { teacher, klass, other };
  }

  const snapshot = async () =>
    JSON.stringify(
      await Promise.all([
        ...(['class', 'student', 'assignment', 'submission'] as const).map((t) =>
          h.db.selectFrom(t).selectAll().orderBy('id').execute(),
        ),
        h.db.selectFrom('class_key_version').selectAll().orderBy('class_id').orderBy('version').execute(),
      ]),
    );

  it('copies an archived class’s assignments 52 weeks on, same weekday and wall-clock time, with no students', async () => {
    const { teacher, klass, other } = await setUp();
    const before = await snapshot();
    const copy = must(
      await copyClass(teacher, klass.id, { name: 'Period 3 (2027)', shiftDays: 52 * 7, timeZone: CHICAGO }, h.db),
    );
    expect(copy.assignments).toBe(2);
    const made = must(await getClass(teacher, copy.classId, h.db));
    expect(made).toMatchObject({ name: 'Period 3 (2027)', archived: false, studentCount: 0, students: [] });
    expect(made.joinCode).not.toBe(klass.joinCode);
    expect(made.joinCode).toMatch(/^[A-Z0-9]{8}$/);
    const assignments = must(await listAssignments(teacher, copy.classId, h.db));
    expect(
      assignments.map((a) => [a.lessonSlug, a.opensAt, a.dueAt, a.releasePolicy, a.allowResubmit, a.releasedAt]),
    ).toEqual([
      // Monday 2027-10-04 09:00 CDT and Thursday 2027-11-04 23:59, still CDT (the clocks go back
      // on 7 November in 2027): the same wall-clock times, an hour apart in UTC.
      ['who-says-so', '2027-10-04T14:00:00.000Z', '2027-11-05T04:59:00.000Z', 'after-due', true, null],
      ['spotting-spin', '2027-10-04T14:00:00.000Z', '2027-11-05T04:59:00.000Z', 'after-due', true, null],
    ]);
    // The class key comes along at its newest version, as version 1 of the copy's key.
    const copied = await classKeyItems(h.db, assignments[0]?.id ?? '', EXERCISE);
    expect(copied.filter((i) => i.source === 'class').map((i) => i.explanation)).toEqual([
      'This attribution counts here.',
    ]);
    expect(
      await h.db.selectFrom('class_key_version').select('version').where('class_id', '=', copy.classId).execute(),
    ).toEqual([{ version: 1 }]);
    expect(await h.db.selectFrom('student').select('class_id').where('class_id', '=', copy.classId).execute()).toEqual(
      [],
    );
    // The source and the other class are as they were: only the copy's rows are new.
    const after = JSON.parse(await snapshot()) as { id: string; class_id?: string; assignment_id?: string }[][];
    const copyIds = new Set([copy.classId, ...assignments.map((a) => a.id)]);
    const withoutCopy = after.map((rows) =>
      rows.filter((r) => !copyIds.has(r.id) && !copyIds.has(r.class_id ?? '') && !copyIds.has(r.assignment_id ?? '')),
    );
    expect(JSON.stringify(withoutCopy)).toBe(before);
    expect(must(await listMyClasses(teacher, h.db)).map((c) => c.name)).toEqual([
      'Period 3 (2027)',
      'Period 4',
      'Period 3',
    ]);
    expect(must(await listAssignments(teacher, other.id, h.db)).map((a) => a.lessonSlug)).toEqual(['capstone']);
  });

  it('shifts by days, back as well as forward, and keeps dates absent where there were none', async () => {
    const { teacher, klass, other } = await setUp();
    const back = must(await copyClass(teacher, klass.id, { name: 'Earlier', shiftDays: -3, timeZone: CHICAGO }, h.db));
    expect(must(await listAssignments(teacher, back.classId, h.db))[0]).toMatchObject({
      opensAt: '2026-10-02T14:00:00.000Z',
      dueAt: '2026-11-03T05:59:00.000Z',
    });
    const none = must(await copyClass(teacher, other.id, { name: 'No dates', shiftDays: 10, timeZone: CHICAGO }, h.db));
    expect(must(await listAssignments(teacher, none.classId, h.db))[0]).toMatchObject({ opensAt: null, dueAt: null });
  });

  it('refuses a shift that takes a date out of the window, making nothing', async () => {
    const { teacher, klass } = await setUp();
    const before = await snapshot();
    expect(
      await copyClass(teacher, klass.id, { name: 'Too far', shiftDays: 6 * 365, timeZone: CHICAGO }, h.db),
    ).toMatchObject({
      ok: false,
      error: 'invalid',
      message: expect.stringMatching(/who-says-so.*Choose a date between/),
    });
    expect(await snapshot()).toBe(before);
  });

  it('another instructor, a student or anyone else is refused, and nothing is made', async () => {
    const { klass } = await setUp();
    const stranger = await makeInstructor(h.db, 'Stranger');
    const student = (
      await makeStudent(h.db, must(await createClass(stranger, { name: 'Theirs' }, h.db)).joinCode, 'Kim')
    ).actor;
    const before = await snapshot();
    for (const actor of [ANONYMOUS, student, stranger] as Actor[]) {
      const result = await copyClass(actor, klass.id, { name: 'Mine now', shiftDays: 7, timeZone: CHICAGO }, h.db);
      expect(result.ok, actor.kind).toBe(false);
      expect(JSON.stringify(result)).not.toContain('Period 3');
    }
    expect(await snapshot()).toBe(before);
  });

  it('a copy carries no record of the source’s changes', async () => {
    const { teacher, other } = await setUp();
    const [a] = must(await listAssignments(teacher, other.id, h.db));
    must(
      await updateAssignment(
        teacher,
        a?.id ?? '',
        { opensAt: null, dueAt: null, releasePolicy: 'on-submit', allowResubmit: false },
        h.db,
      ),
    );
    const copy = must(await copyClass(teacher, other.id, { name: 'Copy', shiftDays: 0, timeZone: CHICAGO }, h.db));
    const [copied] = must(await listAssignments(teacher, copy.classId, h.db));
    expect(copied?.releasePolicy).toBe('on-submit');
    expect(
      await h.db
        .selectFrom('assignment_change')
        .select('id')
        .where('assignment_id', '=', copied?.id ?? '')
        .execute(),
    ).toEqual([]);
  });

  it('is all or nothing: a failure half-way leaves no class behind', async () => {
    const { teacher, klass } = await setUp();
    const before = await snapshot();
    // The class and its assignments are written, then writing the keys fails.
    const faulty = h.db.withPlugin(failingInsertInto('class_key_version'));
    await expect(
      copyClass(teacher, klass.id, { name: 'Period 3, next year', shiftDays: 364, timeZone: CHICAGO }, faulty),
    ).rejects.toThrow('injected fault: insert into class_key_version');
    expect(await snapshot()).toBe(before);
    expect(must(await listMyClasses(teacher, h.db)).map((c) => c.name)).not.toContain('Period 3, next year');
    // Once the fault is gone, the same copy is made whole.
    must(await copyClass(teacher, klass.id, { name: 'Period 3, next year', shiftDays: 364, timeZone: CHICAGO }, h.db));
    expect(must(await listMyClasses(teacher, h.db)).map((c) => c.name)).toContain('Period 3, next year');
  });

  it('draws another join code when the first one is taken, inside the copy too', async () => {
    const { teacher, klass, other } = await setUp();
    const taken = must(await getClass(teacher, other.id, h.db)).joinCode;
    forcedCodes.push(taken, 'FRESHCD2');
    const copy = must(
      await copyClass(teacher, klass.id, { name: 'Period 3, again', shiftDays: 7, timeZone: CHICAGO }, h.db),
    );
    expect(copy.joinCode).toBe('FRESHCD2');
    expect(must(await getClass(teacher, copy.classId, h.db))).toMatchObject({
      name: 'Period 3, again',
      joinCode: 'FRESHCD2',
    });
    expect(copy.assignments).toBe(2);
    forcedCodes.push(taken, 'FRESHCD3');
    expect(must(await createClass(teacher, { name: 'Period 6' }, h.db)).joinCode).toBe('FRESHCD3');
  });
});
