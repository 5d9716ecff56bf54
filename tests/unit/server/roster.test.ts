import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createAssignments, releaseKey } from '@/lib/server/data/assignments';
import { createClass, getClass, listMyClasses } from '@/lib/server/data/classes';
import { saveDraft } from '@/lib/server/data/drafts';
import { exportStudentData, removeStudent, renameStudent } from '@/lib/server/data/roster';
import { submitExercise } from '@/lib/server/data/submissions';
import { joinClass, studentFromSessionToken } from '@/lib/server/students';
import { describeEachEngine } from './db-harness';
import { ANSWER, DRAFT_SPAN, makeInstructor, makeStudent, must, SCORE, SHA } from './fixtures';

describeEachEngine('roster: export and removal', (h) => {
  async function world(releasePolicy: 'on-submit' | 'manual' = 'on-submit') {
    const teacher = await makeInstructor(h.db);
    const klass = must(await createClass(teacher, { name: 'P2' }, h.db));
    const [assignment] = must(
      await createAssignments(
        teacher,
        {
          classId: klass.id,
          lessonSlugs: ['lesson-one'],
          opensAt: null,
          dueAt: null,
          releasePolicy,
          allowResubmit: true,
        },
        h.db,
      ),
    );
    if (!assignment) throw new Error('no assignment');
    const ada = await makeStudent(h.db, klass.joinCode, 'Ada');
    const bo = await makeStudent(h.db, klass.joinCode, 'Bo');
    for (const s of [ada, bo]) {
      const work = { assignmentId: assignment.id, exerciseId: 'ex-1' };
      must(
        await saveDraft(
          s.actor,
          { ...work, answers: [{ ...DRAFT_SPAN, why: `draft of ${s.grant.displayName}` }] },
          h.db,
        ),
      );
      must(
        await submitExercise(
          s.actor,
          { ...work, clientId: `client-${s.grant.studentId}`, answers: ANSWER, articleSha256: SHA, score: SCORE },
          h.db,
        ),
      );
    }
    const adaSubmission = await h.db
      .selectFrom('submission')
      .select('id')
      .where('student_id', '=', ada.grant.studentId)
      .executeTakeFirstOrThrow();
    await h.db
      .insertInto('comment')
      .values({
        id: randomUUID(),
        submission_id: adaSubmission.id,
        start: 0,
        end: 4,
        body: 'Good catch',
        created_by: teacher.userId,
        created_at: new Date().toISOString(),
        seq: 1,
      })
      .execute();
    return { teacher, klass, assignment, ada, bo };
  }

  it('exports one student’s drafts, submissions and comments as JSON, without secrets', async () => {
    const { teacher, ada } = await world();
    const data = must(await exportStudentData(teacher, ada.grant.studentId, h.db));
    expect(data.student).toMatchObject({ id: ada.grant.studentId, displayName: 'Ada', className: 'P2' });
    expect(data.student.classId).toEqual(expect.any(String));
    expect(data.drafts).toEqual([
      expect.objectContaining({
        lessonSlug: 'lesson-one',
        exerciseId: 'ex-1',
        answers: [{ ...DRAFT_SPAN, why: 'draft of Ada' }],
      }),
    ]);
    expect(data.submissions).toEqual([
      expect.objectContaining({ attempt: 1, answers: ANSWER, score: SCORE, late: false }),
    ]);
    expect(data.comments).toEqual([expect.objectContaining({ body: 'Good catch', start: 0, end: 4 })]);
    const text = JSON.stringify(data);
    expect(text).not.toContain('Bo');
    expect(text).not.toContain('scrypt1$');
    expect(text).not.toContain(ada.grant.sessionToken);
    // A student may export their own data too.
    expect(must(await exportStudentData(ada.actor, ada.grant.studentId, h.db)).student.id).toBe(ada.grant.studentId);
  });

  it('a student’s own export holds no score (the key’s items) and no comment until the key is released', async () => {
    const { teacher, assignment, ada } = await world('manual');
    const before = must(await exportStudentData(ada.actor, ada.grant.studentId, h.db));
    expect(before.submissions).toEqual([expect.objectContaining({ answers: ANSWER, keyReleased: false, score: null })]);
    expect(before.comments).toEqual([]);
    expect(JSON.stringify(before)).not.toContain('Good catch');
    // The instructor's export of the same student holds everything.
    const full = must(await exportStudentData(teacher, ada.grant.studentId, h.db));
    expect(full.submissions).toEqual([expect.objectContaining({ keyReleased: false, score: SCORE })]);
    expect(full.comments).toEqual([expect.objectContaining({ body: 'Good catch' })]);
    must(await releaseKey(teacher, assignment.id, h.db));
    const after = must(await exportStudentData(ada.actor, ada.grant.studentId, h.db));
    expect(after.submissions).toEqual([expect.objectContaining({ keyReleased: true, score: SCORE })]);
    expect(after.comments).toEqual([expect.objectContaining({ body: 'Good catch' })]);
  });

  it('removing a student deletes their drafts, submissions, comments and sessions, and nothing of others', async () => {
    const { teacher, klass, ada, bo } = await world();
    must(await removeStudent(teacher, ada.grant.studentId, h.db));
    const count = async (table: 'draft' | 'submission' | 'student_session', studentId: string) =>
      (await h.db.selectFrom(table).select('student_id').where('student_id', '=', studentId).execute()).length;
    for (const table of ['draft', 'submission', 'student_session'] as const) {
      expect(await count(table, ada.grant.studentId), table).toBe(0);
      expect(await count(table, bo.grant.studentId), table).toBe(1);
    }
    expect(await h.db.selectFrom('comment').selectAll().execute()).toHaveLength(0);
    expect(await studentFromSessionToken(ada.grant.sessionToken, h.db)).toBeNull();
    expect(must(await getClass(teacher, klass.id, h.db)).students.map((s) => s.displayName)).toEqual(['Bo']);
    expect(must(await listMyClasses(teacher, h.db))[0]?.studentCount).toBe(1);
    expect(await removeStudent(teacher, ada.grant.studentId, h.db)).toMatchObject({ ok: false, error: 'not-found' });
  });
});

describeEachEngine('roster: renaming a student', (h) => {
  it('the instructor renames a student under the join rules; another instructor cannot', async () => {
    const teacher = await makeInstructor(h.db);
    const other = await makeInstructor(h.db, 'Other');
    const klass = must(await createClass(teacher, { name: 'P6' }, h.db));
    const maya = await makeStudent(h.db, klass.joinCode, 'Maya R.');
    const mia = await makeStudent(h.db, klass.joinCode, 'Mia');
    expect(must(await renameStudent(teacher, maya.grant.studentId, '  Maya   Rossi ', h.db)).displayName).toBe(
      'Maya Rossi',
    );
    expect(await renameStudent(teacher, mia.grant.studentId, 'maya rossi', h.db)).toMatchObject({
      ok: false,
      error: 'conflict',
    });
    expect(await renameStudent(teacher, mia.grant.studentId, '\u200B', h.db)).toMatchObject({
      ok: false,
      error: 'invalid',
    });
    expect(await renameStudent(other, mia.grant.studentId, 'Mia B.', h.db)).toMatchObject({
      ok: false,
      error: 'not-found',
    });
    expect(await renameStudent(mia.actor, mia.grant.studentId, 'Mia B.', h.db)).toMatchObject({ ok: false });
    // The old name is free again for a new student.
    expect((await joinClass({ joinCode: klass.joinCode, displayName: 'Maya R.', ip: '1' }, h.db)).ok).toBe(true);
    const names = must(await getClass(teacher, klass.id, h.db)).students.map((s) => s.displayName);
    expect(names).toEqual(['Maya Rossi', 'Mia', 'Maya R.']);
  });
});
