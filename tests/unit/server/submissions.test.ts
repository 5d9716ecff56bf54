import { expect, it } from 'vitest';
import type { Actor } from '@/lib/server/actor';
import {
  type CreateAssignmentsInput,
  createAssignments,
  isKeyReleased,
  listMyAssignments,
  releaseKey,
} from '@/lib/server/data/assignments';
import { createClass } from '@/lib/server/data/classes';
import { getDraft, saveDraft } from '@/lib/server/data/drafts';
import { getMySubmission, listSubmissions, submitExercise } from '@/lib/server/data/submissions';
import { describeEachEngine } from './db-harness';
import { ANSWER, DRAFT_SPAN, makeInstructor, makeStudent, must, SCORE, SHA } from './fixtures';

const HOUR = 60 * 60 * 1000;

describeEachEngine('submissions', (h) => {
  async function setUp(overrides: Partial<CreateAssignmentsInput> = {}) {
    const teacher = await makeInstructor(h.db);
    const klass = must(await createClass(teacher, { name: 'P1' }, h.db));
    const [assignment] = must(
      await createAssignments(
        teacher,
        {
          classId: klass.id,
          lessonSlugs: ['spotting-spin'],
          opensAt: null,
          dueAt: new Date(Date.now() + HOUR),
          releasePolicy: 'on-submit',
          allowResubmit: false,
          ...overrides,
        },
        h.db,
      ),
    );
    if (!assignment) throw new Error('no assignment');
    const { actor: student } = await makeStudent(h.db, klass.joinCode, 'Ada');
    return { teacher, klass, assignment, student };
  }

  const submit = (student: Actor, assignmentId: string, clientId: string, exerciseId = 'ex-1') =>
    submitExercise(
      student,
      {
        clientId,
        assignmentId,
        exerciseId,
        answers: ANSWER,
        articleSha256: SHA,
        score: SCORE,
      },
      h.db,
    );

  it('drafts are saved, replaced and read back by their student', async () => {
    const { assignment, student } = await setUp();
    const key = { assignmentId: assignment.id, exerciseId: 'ex-1' };
    expect(must(await getDraft(student, key, h.db))).toBeNull();
    must(await saveDraft(student, { ...key, answers: [DRAFT_SPAN] }, h.db));
    must(await saveDraft(student, { ...key, answers: [DRAFT_SPAN, { ...DRAFT_SPAN, id: 'd2', start: 10 }] }, h.db));
    expect(must(await getDraft(student, key, h.db))?.content).toEqual({
      kind: 'spans',
      spans: [DRAFT_SPAN, { ...DRAFT_SPAN, id: 'd2', start: 10 }],
    });
    expect(await h.db.selectFrom('draft').selectAll().execute()).toHaveLength(1);
  });

  it('a retried submit with the same client id returns the same submission, not a second row', async () => {
    const { assignment, student } = await setUp();
    const first = must(await submit(student, assignment.id, 'client-0001'));
    const again = must(await submit(student, assignment.id, 'client-0001'));
    expect(again.id).toBe(first.id);
    expect(await h.db.selectFrom('submission').selectAll().execute()).toHaveLength(1);
  });

  it('concurrent submits of one client id store one row and all return it', async () => {
    const { assignment, student } = await setUp();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => {
        const db = i % 2 === 0 ? h.db : h.openAnother();
        return submitExercise(
          student,
          {
            clientId: 'client-race',
            assignmentId: assignment.id,
            exerciseId: 'ex-1',
            answers: [],
            articleSha256: SHA,
            score: SCORE,
          },
          db,
        );
      }),
    );
    const ids = new Set(results.map((r) => must(r).id));
    expect(ids.size).toBe(1);
    expect(await h.db.selectFrom('submission').selectAll().execute()).toHaveLength(1);
  });

  it('refuses a second submission when resubmission is off, allows it (attempt 2) when on', async () => {
    const closed = await setUp();
    must(await submit(closed.student, closed.assignment.id, 'client-a-1'));
    expect(await submit(closed.student, closed.assignment.id, 'client-a-2')).toMatchObject({
      ok: false,
      error: 'conflict',
    });
    // Another exercise of the same assignment is a first submission.
    expect(must(await submit(closed.student, closed.assignment.id, 'client-a-3', 'ex-2')).attempt).toBe(1);

    const open = await setUp({ allowResubmit: true });
    must(await submit(open.student, open.assignment.id, 'client-b-1'));
    const second = must(await submit(open.student, open.assignment.id, 'client-b-2'));
    expect(second.attempt).toBe(2);
    expect(
      must(await getMySubmission(open.student, { assignmentId: open.assignment.id, exerciseId: 'ex-1' }, h.db))?.id,
    ).toBe(second.id);
  });

  it('concurrent first submissions with different client ids: only one is stored when resubmission is off', async () => {
    const { assignment, student } = await setUp();
    const results = await Promise.all(
      ['race-000-a', 'race-000-b', 'race-000-c'].map((id, i) =>
        submitExercise(
          student,
          {
            clientId: id,
            assignmentId: assignment.id,
            exerciseId: 'ex-1',
            answers: [],
            articleSha256: SHA,
            score: SCORE,
          },
          i ? h.openAnother() : h.db,
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await h.db.selectFrom('submission').selectAll().execute()).toHaveLength(1);
  });

  it('a client id reused for other work is refused', async () => {
    const { assignment, student } = await setUp();
    must(await submit(student, assignment.id, 'client-0001'));
    expect(await submit(student, assignment.id, 'client-0001', 'ex-2')).toMatchObject({ ok: false, error: 'conflict' });
  });

  it('flags a submission after the due time as late, and one before as on time', async () => {
    const onTime = await setUp();
    expect(must(await submit(onTime.student, onTime.assignment.id, 'client-t-1')).late).toBe(false);
    const late = await setUp({
      opensAt: new Date(Date.now() - 3 * HOUR),
      dueAt: new Date(Date.now() - HOUR),
      releasePolicy: 'manual',
    });
    expect(must(await submit(late.student, late.assignment.id, 'client-l-1')).late).toBe(true);
  });

  it('refuses work on an assignment that has not opened', async () => {
    const { assignment, student } = await setUp({
      opensAt: new Date(Date.now() + HOUR),
      dueAt: new Date(Date.now() + 2 * HOUR),
    });
    expect(await submit(student, assignment.id, 'client-0001')).toMatchObject({ ok: false, error: 'closed' });
    expect(
      await saveDraft(student, { assignmentId: assignment.id, exerciseId: 'ex-1', answers: [] }, h.db),
    ).toMatchObject({ ok: false, error: 'closed' });
  });

  it('stores the score the caller computed and the article checksum; the instructor lists them', async () => {
    const { teacher, assignment, student } = await setUp();
    must(await submit(student, assignment.id, 'client-0001'));
    const row = await h.db.selectFrom('submission').selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(row.score_json)).toEqual(SCORE);
    expect(row.article_sha256).toBe(SHA);
    const list = must(await listSubmissions(teacher, assignment.id, h.db));
    expect(list).toEqual([
      expect.objectContaining({ displayName: 'Ada', exerciseId: 'ex-1', attempt: 1, late: false, score: SCORE }),
    ]);
    expect(list[0]).not.toHaveProperty('answers');
  });

  it('key release: on-submit shows the score once submitted', async () => {
    const { assignment, student } = await setUp({ releasePolicy: 'on-submit' });
    const mine = must(await submit(student, assignment.id, 'client-0001'));
    expect(mine.keyReleased).toBe(true);
    expect(mine.score).toEqual(SCORE);
  });

  it('key release: after-due hides the score until the due time, manual until released', async () => {
    const afterDue = await setUp({ releasePolicy: 'after-due' });
    const hidden = must(await submit(afterDue.student, afterDue.assignment.id, 'client-0001'));
    expect(hidden).toMatchObject({ keyReleased: false, score: null });

    const manual = await setUp({ releasePolicy: 'manual', dueAt: new Date(Date.now() - HOUR) });
    must(await submit(manual.student, manual.assignment.id, 'client-0002'));
    const key = { assignmentId: manual.assignment.id, exerciseId: 'ex-1' };
    expect(must(await getMySubmission(manual.student, key, h.db))).toMatchObject({ keyReleased: false, score: null });
    must(await releaseKey(manual.teacher, manual.assignment.id, h.db));
    expect(must(await getMySubmission(manual.student, key, h.db))).toMatchObject({ keyReleased: true, score: SCORE });
  });

  it('refuses dates outside the window, and a stored far-future opening keeps the assignment closed', async () => {
    const teacher = await makeInstructor(h.db);
    const klass = must(await createClass(teacher, { name: 'P9' }, h.db));
    const input = {
      classId: klass.id,
      lessonSlugs: ['spotting-spin'],
      opensAt: null,
      dueAt: new Date(Date.UTC(9999, 11, 31, 23, 59)),
      releasePolicy: 'after-due' as const,
      allowResubmit: false,
    };
    expect(await createAssignments(teacher, input, h.db)).toMatchObject({ ok: false, error: 'invalid' });
    expect(
      await createAssignments(teacher, { ...input, dueAt: null, opensAt: new Date(Date.UTC(10007, 5, 11)) }, h.db),
    ).toMatchObject({ ok: false, error: 'invalid' });
    // A row written before the window existed: an extended-year opening and due time.
    const { assignment, student } = await setUp({ releasePolicy: 'after-due' });
    await h.db
      .updateTable('assignment')
      .set({ opens_at: '+010007-06-11T00:00:00.000Z', due_at: '+010000-01-01T07:59:00.000Z' })
      .where('id', '=', assignment.id)
      .execute();
    const work = { assignmentId: assignment.id, exerciseId: 'ex-1' };
    expect(await saveDraft(student, { ...work, answers: [] }, h.db)).toMatchObject({ ok: false, error: 'closed' });
    expect(must(await listMyAssignments(student, h.db))).toEqual([]);
  });

  it('a submission before a due time is not late, and one after it is', async () => {
    const { assignment, student } = await setUp({ allowResubmit: true });
    const work = { assignmentId: assignment.id, exerciseId: 'ex-1', answers: [], articleSha256: SHA, score: SCORE };
    expect(must(await submitExercise(student, { ...work, clientId: 'c-before-due-0001' }, h.db)).late).toBe(false);
    await h.db
      .updateTable('assignment')
      .set({ due_at: new Date(Date.now() - HOUR).toISOString() })
      .where('id', '=', assignment.id)
      .execute();
    expect(must(await submitExercise(student, { ...work, clientId: 'c-after-due-0001' }, h.db)).late).toBe(true);
  });
});

it('isKeyReleased follows each policy and a manual release', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');
  const past = '2026-03-01T11:00:00.000Z';
  const future = '2026-03-01T13:00:00.000Z';
  const a = (
    release_policy: 'on-submit' | 'after-due' | 'manual',
    due_at: string | null,
    released_at: string | null = null,
  ) => ({ release_policy, due_at, released_at });
  expect(isKeyReleased(a('on-submit', future), now, false)).toBe(false);
  expect(isKeyReleased(a('on-submit', future), now, true)).toBe(true);
  expect(isKeyReleased(a('after-due', future), now, true)).toBe(false);
  expect(isKeyReleased(a('after-due', past), now, false)).toBe(true);
  expect(isKeyReleased(a('after-due', null), now, true)).toBe(false);
  expect(isKeyReleased(a('manual', past), now, true)).toBe(false);
  expect(isKeyReleased(a('manual', future, past), now, false)).toBe(true);
  expect(isKeyReleased(a('after-due', future, past), now, false)).toBe(true);
  expect(isKeyReleased(a('manual', null, future), now, true)).toBe(false);
});

it('isKeyReleased compares instants as times: a stored extended year is far future, not past', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');
  const farFuture = '+010000-01-01T07:59:00.000Z';
  expect(isKeyReleased({ release_policy: 'after-due', due_at: farFuture, released_at: null }, now, true)).toBe(false);
  expect(isKeyReleased({ release_policy: 'manual', due_at: null, released_at: farFuture }, now, true)).toBe(false);
});
