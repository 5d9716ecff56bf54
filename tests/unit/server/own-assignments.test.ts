import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { gradeForActor, openClassroomExercise, saveClassroomDraft } from '@/lib/server/classroom-grading';
import { releaseKey } from '@/lib/server/data/assignments';
import { copyClass } from '@/lib/server/data/class-copy';
import { createClass } from '@/lib/server/data/classes';
import { saveOwnKey } from '@/lib/server/data/own-article-edit';
import { ownExerciseId } from '@/lib/server/data/own-article-source';
import { createOwnArticle } from '@/lib/server/data/own-articles';
import { createOwnAssignment } from '@/lib/server/data/own-assignments';
import { describeEachEngine, type Harness } from './db-harness';
import { ANONYMOUS, makeClassAssignment, makeInstructor, makeStudent, must } from './fixtures';

const MARKER = 'Own key marker 7f3a: no official is named';
const TEXT = 'Officials said the plan failed.\nCritics slammed the reckless scheme.';

/** An instructor's article with a two-item key, assigned to a new class of theirs. */
async function ownAssignment(h: Harness) {
  const db = h.db;
  const teacher = await makeInstructor(db, 'Owner');
  const { id } = must(
    await createOwnArticle(
      teacher,
      {
        title: 'A plan fails',
        outlet: 'The Daily Example',
        author: '',
        published: '2026-11-30',
        sourceUrl: 'https://news.example/plan',
        provenance: 'Pasted from the outlet’s page for class use.',
        text: TEXT,
      },
      db,
    ),
  );
  must(
    await saveOwnKey(
      teacher,
      id,
      {
        version: 1,
        items: [
          { start: 0, end: 14, label: 'sourcing', kind: 'vague', explanation: `${MARKER}, so who says so?` },
          {
            start: 40,
            end: 47,
            label: 'loaded-language',
            voice: 'outlet',
            explanation: 'Slammed makes criticism sound violent; criticised is neutral.',
          },
        ],
      },
      db,
    ),
  );
  const klass = must(await createClass(teacher, { name: 'Period 4' }, db));
  const assignment = must(
    await createOwnAssignment(
      teacher,
      id,
      {
        classId: klass.id,
        instructions: 'Label who says so, and loaded words.',
        labels: ['sourcing', 'loaded-language'],
        opensAt: null,
        dueAt: null,
        releasePolicy: 'manual',
        allowResubmit: false,
      },
      db,
    ),
  );
  return { teacher, articleId: id, klass, assignment, exerciseId: ownExerciseId(assignment.id) };
}

describeEachEngine('own articles assigned to a class', (h) => {
  it('are labeled, drafted and submitted by the class; the key comes only after release', async () => {
    const { teacher, klass, assignment, exerciseId } = await ownAssignment(h);
    const { actor } = await makeStudent(h.db, klass.joinCode, 'Sam');
    const opened = await openClassroomExercise(actor, exerciseId, h.db);
    expect(opened).toMatchObject({ assignmentId: assignment.id, submitted: null });
    const answers = [{ label: 'sourcing', start: 0, end: 14, attribute: 'vague' }];
    expect(await saveClassroomDraft(actor, { exerciseId, answers: [{ id: 'd1', ...answers[0] }] }, h.db)).toMatchObject(
      {
        ok: true,
      },
    );
    const outside = await gradeForActor(
      actor,
      { exerciseId, clientId: randomUUID(), answers: [{ label: 'sourcing', start: 60, end: 90 }] },
      h.db,
    );
    expect(outside).toMatchObject({ ok: false });
    const submitted = await gradeForActor(actor, { exerciseId, clientId: randomUUID(), answers }, h.db);
    expect(submitted).toMatchObject({ ok: true, graded: null });
    expect(JSON.stringify(submitted)).not.toContain(MARKER);
    expect(JSON.stringify(await openClassroomExercise(actor, exerciseId, h.db))).not.toContain(MARKER);
    must(await releaseKey(teacher, assignment.id, h.db));
    const after = await openClassroomExercise(actor, exerciseId, h.db);
    expect(after?.submitted?.graded?.key.map((k) => k.explanation)).toEqual([
      `${MARKER}, so who says so?`,
      'Slammed makes criticism sound violent; criticised is neutral.',
    ]);
    // One of the two core items found, nothing wrong: recall 1/2, precision 1.
    expect(after?.submitted?.graded?.result.overall).toMatchObject({ precision: 1, recall: 0.5 });
  });

  it('never send their key to a self-guided reader, an instructor, or a student of another class', async () => {
    const { exerciseId, assignment, teacher } = await ownAssignment(h);
    must(await releaseKey(teacher, assignment.id, h.db));
    const other = await makeClassAssignment(h.db);
    const { actor: outsider } = await makeStudent(h.db, other.klass.joinCode, 'Olly');
    const stranger = await makeInstructor(h.db, 'Stranger');
    for (const who of [ANONYMOUS, outsider, stranger, teacher]) {
      const input = { exerciseId, clientId: randomUUID(), answers: [{ label: 'sourcing', start: 0, end: 14 }] };
      const graded = await gradeForActor(who, input, h.db);
      expect(graded, who.kind).toMatchObject({ ok: false });
      expect(JSON.stringify(graded)).not.toContain(MARKER);
      expect(await openClassroomExercise(who, exerciseId, h.db)).toBeNull();
    }
    const rows = await h.db.selectFrom('submission').selectAll().execute();
    expect(rows).toEqual([]);
  });

  it('come along when the class is copied, as an exercise of the copy’s own', async () => {
    const { teacher, klass, exerciseId } = await ownAssignment(h);
    const copy = must(await copyClass(teacher, klass.id, { name: 'Next year', shiftDays: 0, timeZone: 'UTC' }, h.db));
    const { actor } = await makeStudent(h.db, copy.joinCode, 'Nia');
    const [row] = await h.db.selectFrom('assignment').selectAll().where('class_id', '=', copy.classId).execute();
    const copied = ownExerciseId(row?.id ?? '');
    expect(copied).not.toBe(exerciseId);
    expect(await openClassroomExercise(actor, copied, h.db)).toMatchObject({ assignmentId: row?.id });
    expect(await openClassroomExercise(actor, exerciseId, h.db)).toBeNull();
    const graded = await gradeForActor(actor, { exerciseId: copied, clientId: randomUUID(), answers: [] }, h.db);
    expect(graded).toMatchObject({ ok: true, graded: null });
  });

  it('are assigned only by the article’s owner, to their own class', async () => {
    const { articleId, klass } = await ownAssignment(h);
    const stranger = await makeInstructor(h.db, 'Stranger');
    const theirs = must(await createClass(stranger, { name: 'Theirs' }, h.db));
    const settings = {
      instructions: 'Label.',
      labels: ['sourcing' as const],
      opensAt: null,
      dueAt: null,
      releasePolicy: 'manual' as const,
      allowResubmit: false,
    };
    expect(await createOwnAssignment(stranger, articleId, { ...settings, classId: theirs.id }, h.db)).toMatchObject({
      ok: false,
      error: 'not-found',
    });
    expect(await createOwnAssignment(stranger, articleId, { ...settings, classId: klass.id }, h.db)).toMatchObject({
      ok: false,
      error: 'not-found',
    });
    expect(await createOwnAssignment(ANONYMOUS, articleId, { ...settings, classId: klass.id }, h.db)).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
  });
});
