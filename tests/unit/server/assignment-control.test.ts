import { afterEach, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/server/actor';
import { lockedKeyItems } from '@/lib/server/classroom-keys';
import { getAssignmentControl } from '@/lib/server/data/assignment-changes';
import {
  deleteAssignment,
  extendForStudent,
  reopenForStudent,
  updateAssignment,
} from '@/lib/server/data/assignment-control';
import {
  type CreateAssignmentsInput,
  createAssignments,
  getMyClassName,
  listMyAssignments,
} from '@/lib/server/data/assignments';
import { createClass } from '@/lib/server/data/classes';
import { saveDraft } from '@/lib/server/data/drafts';
import { addComment, listMyComments } from '@/lib/server/data/review-comments';
import { acceptExtra, dismissExtra } from '@/lib/server/data/review-key';
import { getMySubmission, listSubmissions, submitExercise } from '@/lib/server/data/submissions';
import { answerForActor } from '@/lib/server/questions';
import { describeEachEngine } from './db-harness';
import { ANONYMOUS, makeInstructor, makeStudent, must, SCORE, SHA } from './fixtures';

const HOUR = 60 * 60 * 1000;
const T0 = new Date('2026-12-07T15:00:00.000Z');
const EXERCISE = 'who-says-so-attributions';

afterEach(() => {
  vi.useRealTimers();
});

/** Moves the clock the data layer reads (Date only: the database drivers keep their timers). */
function at(time: Date) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(time);
}

describeEachEngine('assignment control', (h) => {
  async function setUp(overrides: Partial<CreateAssignmentsInput> = {}) {
    at(T0);
    const teacher = await makeInstructor(h.db);
    const klass = must(await createClass(teacher, { name: 'Period 3' }, h.db));
    const other = must(await createClass(teacher, { name: 'Period 4' }, h.db));
    const make = async (classId: string) => {
      const [a] = must(
        await createAssignments(
          teacher,
          {
            classId,
            lessonSlugs: ['who-says-so'],
            opensAt: null,
            dueAt: new Date(T0.getTime() + HOUR),
            releasePolicy: 'after-due',
            allowResubmit: false,
            ...overrides,
          },
          h.db,
        ),
      );
      if (!a) throw new Error('no assignment');
      return a;
    };
    const assignment = await make(klass.id);
    const elsewhere = await make(other.id);
    const maya = (await makeStudent(h.db, klass.joinCode, 'Maya R.')).actor as Extract<Actor, { kind: 'student' }>;
    const ben = (await makeStudent(h.db, klass.joinCode, 'Ben K.')).actor as Extract<Actor, { kind: 'student' }>;
    const sam = (await makeStudent(h.db, other.joinCode, 'Sam T.')).actor as Extract<Actor, { kind: 'student' }>;
    return { teacher, klass, other, assignment, elsewhere, maya, ben, sam };
  }

  let n = 0;
  const submit = (student: Actor, assignmentId: string) =>
    submitExercise(
      student,
      {
        clientId: `client-${String(++n).padStart(6, '0')}`,
        assignmentId,
        exerciseId: EXERCISE,
        answers: [{ label: 'sourcing', start: 0, end: 3 }],
        articleSha256: SHA,
        score: SCORE,
      },
      h.db,
    );
  const settings = (o: Partial<Parameters<typeof updateAssignment>[2]> = {}) => ({
    opensAt: null,
    dueAt: new Date(T0.getTime() + 2 * HOUR),
    releasePolicy: 'after-due' as const,
    allowResubmit: false,
    ...o,
  });

  it('edits the dates, policy and rule under the create checks, and records each change in order', async () => {
    const { teacher, assignment } = await setUp();
    const bad = await updateAssignment(
      teacher,
      assignment.id,
      settings({ opensAt: new Date(T0.getTime() + 3 * HOUR) }),
      h.db,
    );
    expect(bad).toMatchObject({
      ok: false,
      error: 'invalid',
      message: expect.stringMatching(/due time must come after/),
    });
    const noDue = await updateAssignment(teacher, assignment.id, settings({ dueAt: null }), h.db);
    expect(noDue).toMatchObject({ ok: false, message: expect.stringMatching(/needs a due time/) });
    const far = await updateAssignment(teacher, assignment.id, settings({ dueAt: new Date('2040-01-01') }), h.db);
    expect(far).toMatchObject({ ok: false, message: expect.stringMatching(/Choose a date between/) });
    expect(must(await getAssignmentControl(teacher, assignment.id, h.db)).changes).toEqual([]);

    const newDue = new Date(T0.getTime() + 2 * HOUR);
    expect(must(await updateAssignment(teacher, assignment.id, settings({ dueAt: newDue }), h.db))).toEqual({
      changed: 1,
      hidesReleasedKey: false,
    });
    expect(
      must(
        await updateAssignment(
          teacher,
          assignment.id,
          settings({ dueAt: newDue, releasePolicy: 'manual', allowResubmit: true }),
          h.db,
        ),
      ),
    ).toEqual({ changed: 2, hidesReleasedKey: false });
    // The same settings again change nothing and record nothing.
    const same = settings({ dueAt: newDue, releasePolicy: 'manual', allowResubmit: true });
    expect(must(await updateAssignment(teacher, assignment.id, same, h.db))).toEqual({
      changed: 0,
      hidesReleasedKey: false,
    });
    const view = must(await getAssignmentControl(teacher, assignment.id, h.db));
    expect(view).toMatchObject({ dueAt: newDue.toISOString(), releasePolicy: 'manual', allowResubmit: true });
    expect(view.changes.map(({ at: _at, id: _id, ...c }) => c)).toEqual([
      { kind: 'due', studentName: null, from: new Date(T0.getTime() + HOUR).toISOString(), to: newDue.toISOString() },
      { kind: 'release-policy', studentName: null, from: 'after-due', to: 'manual' },
      { kind: 'resubmit', studentName: null, from: false, to: true },
    ]);
  });

  it('moving the due date re-marks late submissions both ways', async () => {
    const { teacher, assignment, maya } = await setUp();
    at(new Date(T0.getTime() + 1.5 * HOUR));
    expect(must(await submit(maya, assignment.id)).late).toBe(true);
    must(await updateAssignment(teacher, assignment.id, settings({ dueAt: new Date(T0.getTime() + 2 * HOUR) }), h.db));
    expect(must(await listSubmissions(teacher, assignment.id, h.db)).map((s) => s.late)).toEqual([false]);
    must(await updateAssignment(teacher, assignment.id, settings({ dueAt: new Date(T0.getTime() + HOUR) }), h.db));
    expect(must(await listSubmissions(teacher, assignment.id, h.db)).map((s) => s.late)).toEqual([true]);
  });

  it("a student's class page names their own class, and no one else gets a name", async () => {
    const { teacher, maya } = await setUp();
    expect(must(await getMyClassName(maya, h.db))).toBe('Period 3');
    for (const actor of [teacher, ANONYMOUS]) expect(await getMyClassName(actor, h.db)).toMatchObject({ ok: false });
  });

  it('a change that hides again a key the class could see is made, and says so', async () => {
    const { teacher, assignment, maya } = await setUp();
    // Before the due time the key is not out: moving the date is a plain change.
    const hides = async (change: Parameters<typeof settings>[0]) =>
      must(await updateAssignment(teacher, assignment.id, settings(change), h.db)).hidesReleasedKey;
    expect(await hides({ dueAt: new Date(T0.getTime() + 2 * HOUR) })).toBe(false);
    // After it, the key ('after-due') is out to the class: moving the date later hides it again.
    at(new Date(T0.getTime() + 3 * HOUR));
    expect(must(await getMySubmission(maya, { assignmentId: assignment.id, exerciseId: EXERCISE }, h.db))).toBeNull();
    expect(must(await listMyAssignments(maya, h.db))[0]).toMatchObject({ keyReleased: true });
    expect(await hides({ dueAt: new Date(T0.getTime() + 4 * HOUR) })).toBe(true);
    expect(must(await listMyAssignments(maya, h.db))[0]).toMatchObject({ keyReleased: false });
    // Hidden already: moving it again hides nothing more; so does a policy change after release.
    expect(await hides({ dueAt: new Date(T0.getTime() + 5 * HOUR) })).toBe(false);
    at(new Date(T0.getTime() + 6 * HOUR));
    expect(await hides({ dueAt: new Date(T0.getTime() + 5 * HOUR), releasePolicy: 'manual' })).toBe(true);
  });

  it('only the class’s instructor edits, reopens, extends or deletes; nothing changes for anyone else', async () => {
    const { assignment, maya, sam } = await setUp();
    const stranger = await makeInstructor(h.db, 'Stranger');
    const snapshot = async () =>
      JSON.stringify([
        await h.db.selectFrom('assignment').selectAll().orderBy('id').execute(),
        await h.db.selectFrom('assignment_exception').selectAll().execute(),
        await h.db.selectFrom('assignment_change').selectAll().execute(),
      ]);
    const before = await snapshot();
    for (const actor of [ANONYMOUS, maya, sam, stranger] as Actor[]) {
      for (const result of [
        await updateAssignment(actor, assignment.id, settings(), h.db),
        await reopenForStudent(actor, assignment.id, maya.studentId, h.db),
        await extendForStudent(actor, assignment.id, maya.studentId, new Date(T0.getTime() + 3 * HOUR), h.db),
        await deleteAssignment(actor, assignment.id, h.db),
        await getAssignmentControl(actor, assignment.id, h.db),
      ]) {
        expect(result.ok, `${actor.kind}`).toBe(false);
        expect(JSON.stringify(result)).not.toContain('Maya');
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it('deletes the assignment with its drafts, submissions, comments, key changes and records, and nothing else', async () => {
    const { teacher, assignment, elsewhere, maya, ben, sam } = await setUp();
    const fill = async (a: typeof assignment, student: Actor, other: Actor) => {
      must(await saveDraft(student, { assignmentId: a.id, exerciseId: EXERCISE, answers: [1] }, h.db));
      const s = must(await submit(other, a.id));
      must(await addComment(teacher, s.id, { body: 'Who says so?' }, h.db));
      const span = { label: 'sourcing' as const, start: 10, end: 20 };
      const explanation = 'This attribution counts for this class.';
      must(await acceptExtra(teacher, a.id, EXERCISE, { ...span, optional: true, explanation }, h.db));
      must(await dismissExtra(teacher, a.id, EXERCISE, { ...span, start: 30, end: 40, comment: 'Fine.' }, h.db));
      must(await reopenForStudent(teacher, a.id, (other as { studentId: string }).studentId, h.db));
    };
    await fill(assignment, maya, ben);
    const otherStudent = (await makeStudent(h.db, must(await getClassCode(elsewhere.classId)), 'Kim')).actor;
    await fill(elsewhere, sam, otherStudent);
    const count = async (table: Parameters<typeof h.db.selectFrom>[0]) =>
      (await h.db.selectFrom(table).selectAll().execute()).length;
    const tables = [
      'assignment',
      'draft',
      'submission',
      'comment',
      'extra_dismissal',
      'assignment_exception',
      'assignment_change',
    ] as const;
    const before = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(t)])));
    expect(before).toEqual({
      assignment: 2,
      draft: 2,
      submission: 2,
      comment: 2,
      extra_dismissal: 2,
      assignment_exception: 2,
      assignment_change: 2,
    });
    expect(must(await deleteAssignment(teacher, assignment.id, h.db))).toEqual({ submissions: 1 });
    const after = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(t)])));
    expect(after).toEqual(Object.fromEntries(tables.map((t) => [t, 1])));
    for (const t of ['draft', 'submission', 'extra_dismissal', 'assignment_exception', 'assignment_change'] as const) {
      const rows = await h.db.selectFrom(t).select('assignment_id').execute();
      expect(
        rows.map((r) => r.assignment_id),
        t,
      ).toEqual([elsewhere.id]);
    }
    expect(await count('student')).toBe(4);
    expect(await deleteAssignment(teacher, assignment.id, h.db)).toMatchObject({ ok: false, error: 'not-found' });
  });

  async function getClassCode(classId: string) {
    const row = await h.db.selectFrom('class').select('join_code').where('id', '=', classId).executeTakeFirstOrThrow();
    return { ok: true as const, value: row.join_code };
  }

  it('reopening gives that student exactly one more submission, and no one else any', async () => {
    const { teacher, assignment, maya, ben } = await setUp();
    must(await submit(maya, assignment.id));
    must(await submit(ben, assignment.id));
    expect(await submit(maya, assignment.id)).toMatchObject({ ok: false, error: 'conflict' });
    expect(must(await reopenForStudent(teacher, assignment.id, maya.studentId, h.db))).toEqual({ extraAttempts: 1 });
    expect(must(await submit(maya, assignment.id)).attempt).toBe(2);
    expect(await submit(maya, assignment.id)).toMatchObject({ ok: false, error: 'conflict' });
    expect(await submit(ben, assignment.id)).toMatchObject({ ok: false, error: 'conflict' });
    must(await reopenForStudent(teacher, assignment.id, maya.studentId, h.db));
    expect(must(await submit(maya, assignment.id)).attempt).toBe(3);
    expect(await submit(maya, assignment.id)).toMatchObject({ ok: false, error: 'conflict' });
    const rows = must(await listSubmissions(teacher, assignment.id, h.db));
    expect(rows.map((r) => `${r.displayName} ${r.attempt}`)).toEqual([
      'Ben K. 1',
      'Maya R. 1',
      'Maya R. 2',
      'Maya R. 3',
    ]);
    const view = must(await getAssignmentControl(teacher, assignment.id, h.db));
    expect(view.changes.map((c) => `${c.kind} ${c.studentName}`)).toEqual(['reopened Maya R.', 'reopened Maya R.']);
    expect(view.students.map((s) => [s.displayName, s.extraAttempts])).toEqual([
      ['Maya R.', 2],
      ['Ben K.', 0],
    ]);
  });

  it('reopening is refused where resubmission is on, and for a student of another class', async () => {
    const { teacher, assignment, elsewhere, maya, sam } = await setUp();
    expect(await reopenForStudent(teacher, assignment.id, sam.studentId, h.db)).toMatchObject({
      ok: false,
      error: 'not-found',
    });
    expect(
      await extendForStudent(teacher, elsewhere.id, maya.studentId, new Date(T0.getTime() + 3 * HOUR), h.db),
    ).toMatchObject({ ok: false, error: 'not-found' });
    must(await updateAssignment(teacher, assignment.id, settings({ allowResubmit: true }), h.db));
    expect(await reopenForStudent(teacher, assignment.id, maya.studentId, h.db)).toMatchObject({
      ok: false,
      error: 'conflict',
    });
  });

  it('an extension: that student is not late and sees the key only after their own due time', async () => {
    const { teacher, assignment, maya, ben } = await setUp();
    const due = new Date(T0.getTime() + HOUR);
    const extended = new Date(T0.getTime() + 3 * HOUR);
    expect(await extendForStudent(teacher, assignment.id, maya.studentId, due, h.db)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/must come after the assignment’s own due date/),
    });

    // After the original due time, before the extension is given: Maya's work is late.
    at(new Date(T0.getTime() + 1.5 * HOUR));
    expect(must(await submit(maya, assignment.id)).late).toBe(true);
    must(await extendForStudent(teacher, assignment.id, maya.studentId, extended, h.db));
    // Given now, her submission is no longer late; Ben's after the original due time is.
    expect(must(await submit(ben, assignment.id)).late).toBe(true);
    const lateBy = async () =>
      Object.fromEntries(must(await listSubmissions(teacher, assignment.id, h.db)).map((s) => [s.displayName, s.late]));
    expect(await lateBy()).toEqual({ 'Maya R.': false, 'Ben K.': true });

    // Between the two due times: the key ('after-due') is open to Ben, not to Maya, anywhere.
    at(new Date(T0.getTime() + 2 * HOUR));
    const mine = async (s: Actor) =>
      must(await getMySubmission(s, { assignmentId: assignment.id, exerciseId: EXERCISE }, h.db));
    expect(await mine(ben)).toMatchObject({ keyReleased: true, score: SCORE });
    expect(await mine(maya)).toMatchObject({ keyReleased: false, score: null });
    const listed = async (s: Actor) => must(await listMyAssignments(s, h.db))[0];
    expect(await listed(ben)).toMatchObject({ keyReleased: true, pastDue: true });
    expect(await listed(maya)).toMatchObject({ keyReleased: false, pastDue: false, dueAt: extended.toISOString() });
    expect((await lockedKeyItems(h.db, ben)).itemIds.size).toBe(0);
    expect((await lockedKeyItems(h.db, maya)).itemIds.size).toBeGreaterThan(0);
    const answer = {
      questionId: 'who-says-so-q-vague',
      answer: 'Press TV names an outlet and a speaker so I could look up the record of the speech myself.',
    };
    expect(await answerForActor(ben, answer, h.db)).toMatchObject({ ok: true, model: expect.any(String) });
    expect(await answerForActor(maya, answer, h.db)).toMatchObject({ ok: true, model: null });
    expect(must(await listMyComments(maya, { assignmentId: assignment.id, exerciseId: EXERCISE }, h.db)).released).toBe(
      false,
    );

    // Before her own due time she submits on time; after it, late.
    const reopened = must(await reopenForStudent(teacher, assignment.id, maya.studentId, h.db));
    expect(reopened.extraAttempts).toBe(1);
    expect(must(await submit(maya, assignment.id)).late).toBe(false);
    must(await reopenForStudent(teacher, assignment.id, maya.studentId, h.db));
    at(new Date(T0.getTime() + 3 * HOUR));
    expect(must(await submit(maya, assignment.id)).late).toBe(true);
    expect(await mine(maya)).toMatchObject({ keyReleased: true });
    expect((await lockedKeyItems(h.db, maya)).itemIds.size).toBe(0);

    const view = must(await getAssignmentControl(teacher, assignment.id, h.db));
    expect(view.students.find((s) => s.displayName === 'Maya R.')?.ownDueAt).toBe(extended.toISOString());
    expect(view.students.find((s) => s.displayName === 'Ben K.')?.ownDueAt).toBeNull();
    expect(view.changes[0]).toMatchObject({
      kind: 'extension',
      studentName: 'Maya R.',
      from: due.toISOString(),
      to: extended.toISOString(),
    });
  });

  it('an extension needs a due date; moving the assignment past it makes the assignment’s govern', async () => {
    const { teacher, assignment, maya } = await setUp({ dueAt: null, releasePolicy: 'manual' });
    expect(
      await extendForStudent(teacher, assignment.id, maya.studentId, new Date(T0.getTime() + 3 * HOUR), h.db),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/no due date/) });
    must(await updateAssignment(teacher, assignment.id, settings({ dueAt: new Date(T0.getTime() + HOUR) }), h.db));
    must(await extendForStudent(teacher, assignment.id, maya.studentId, new Date(T0.getTime() + 2 * HOUR), h.db));
    must(await updateAssignment(teacher, assignment.id, settings({ dueAt: new Date(T0.getTime() + 4 * HOUR) }), h.db));
    expect(must(await listMyAssignments(maya, h.db))[0]?.dueAt).toBe(new Date(T0.getTime() + 4 * HOUR).toISOString());
  });
});
