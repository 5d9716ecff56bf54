import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { getExercise } from '@/lib/content/lessons';
import { score } from '@/lib/scoring';
import type { Actor } from '@/lib/server/actor';
import { gradeForActor, openClassroomExercise } from '@/lib/server/classroom-grading';
import { releaseKey } from '@/lib/server/data/assignments';
import { editableItems, openClassKeyEditor, rescoreClassKey, saveClassKey } from '@/lib/server/data/class-key-edit';
import { exerciseKey, keyView } from '@/lib/server/grading';
import { toStoredItem } from '@/lib/server/keys/overlay';
import { keyResolver } from '@/lib/server/keys/resolve';
import { KEY_CHANGED, writeKeyVersion } from '@/lib/server/keys/store';
import { MAX_KEY_ITEMS } from '@/lib/validation/class-key';
import { describeEachEngine } from './db-harness';
import { ANONYMOUS, makeClassAssignment, makeInstructor, makeStudent, must } from './fixtures';

const EXERCISE = 'who-says-so-attributions';
const found = getExercise(EXERCISE);
if (!found) throw new Error('no exercise');
const SHIPPED = keyView(found.exercise);
const [FIRST] = exerciseKey(found.exercise);
if (!FIRST) throw new Error('empty key');

describeEachEngine('class keys', (h) => {
  async function setUp() {
    const mine = await makeClassAssignment(h.db, { releasePolicy: 'manual', className: 'Mine' });
    const other = await makeClassAssignment(h.db, { releasePolicy: 'manual', className: 'Other' });
    const { actor: ada } = await makeStudent(h.db, mine.klass.joinCode, 'Ada');
    const { actor: bo } = await makeStudent(h.db, mine.klass.joinCode, 'Bo');
    const { actor: cy } = await makeStudent(h.db, other.klass.joinCode, 'Cy');
    return { mine, other, ada, bo, cy };
  }
  const submitFirstItem = (student: Actor) =>
    gradeForActor(
      student,
      {
        exerciseId: EXERCISE,
        clientId: randomUUID(),
        answers: [{ label: FIRST.label, start: FIRST.start, end: FIRST.end }],
      },
      h.db,
    );
  const open = async (actor: Actor, classId: string) => must(await openClassKeyEditor(actor, classId, EXERCISE, h.db));

  it('an edit of a shipped item changes one class’s key only, as a new version, and rescoring counts the students it moves', async () => {
    const { mine, other, ada, bo, cy } = await setUp();
    for (const s of [ada, bo, cy]) expect((await submitFirstItem(s)).ok).toBe(true);
    const before = await open(mine.teacher, mine.klass.id);
    expect(before.version).toBe(0);
    expect(before.items.map((i) => i.id)).toEqual(SHIPPED.map((i) => i.id));
    // Make the first item optional: it no longer counts in recall, so both students' figures move.
    const items = editableItems(before.items).map((i) =>
      i.id === FIRST.id ? { ...i, optional: true, explanation: 'Edited for this class: a borderline case.' } : i,
    );
    expect(must(await saveClassKey(mine.teacher, mine.klass.id, EXERCISE, { baseVersion: 0, items }, h.db))).toEqual({
      version: 1,
      changes: 1,
    });
    const after = await open(mine.teacher, mine.klass.id);
    expect(after.version).toBe(1);
    expect(after.stale).toBe(2);
    expect(after.items.find((i) => i.id === FIRST.id)).toMatchObject({ source: 'edited', optional: true });
    const rescored = must(await rescoreClassKey(mine.teacher, mine.klass.id, EXERCISE, h.db));
    expect(rescored).toMatchObject({ version: 1, submissions: 2, studentsChanged: 2 });
    expect(rescored.changedStudents).toHaveLength(2);
    const rows = await h.db.selectFrom('submission').select(['student_id', 'key_version', 'score_json']).execute();
    const prepared = after.items.map(({ id, label, start, end, optional, accept }) => ({
      id,
      label,
      start,
      end,
      optional,
      accept,
    }));
    const expected = score(prepared, [{ label: FIRST.label, start: FIRST.start, end: FIRST.end }]);
    for (const row of rows.filter((r) => r.student_id !== cy.kind && r.key_version === 1))
      expect(JSON.parse(row.score_json)).toEqual(expected);
    expect(rows.map((r) => r.key_version).sort()).toEqual([0, 1, 1]);
    // The other class still has the shipped key, untouched.
    const untouched = await open(other.teacher, other.klass.id);
    expect(untouched.version).toBe(0);
    expect(untouched.items.find((i) => i.id === FIRST.id)).toMatchObject({
      source: 'file',
      optional: FIRST.optional ?? false,
    });
    // Rescoring again changes no one.
    expect(must(await rescoreClassKey(mine.teacher, mine.klass.id, EXERCISE, h.db)).studentsChanged).toBe(0);
    // After release the student sees the edited item and a line saying the key changed.
    must(await releaseKey(mine.teacher, mine.assignment.id, h.db));
    const view = await openClassroomExercise(ada, EXERCISE, h.db);
    expect(view?.submitted?.graded?.key.find((i) => i.id === FIRST.id)?.explanation).toBe(
      'Edited for this class: a borderline case.',
    );
    expect(view?.submitted?.notice).toMatch(/changed the key after you submitted; this is version 1/);
  });

  it('the second of two saves from the same version is refused with “the key changed, reload”, and stores nothing', async () => {
    const { mine } = await setUp();
    const tab = await open(mine.teacher, mine.klass.id);
    const edit = (explanation: string) =>
      editableItems(tab.items).map((i) => (i.id === FIRST.id ? { ...i, explanation } : i));
    const [a, b] = await Promise.all([
      saveClassKey(
        mine.teacher,
        mine.klass.id,
        EXERCISE,
        { baseVersion: 0, items: edit('The first tab says this attribution names its source.') },
        h.db,
      ),
      saveClassKey(
        mine.teacher,
        mine.klass.id,
        EXERCISE,
        { baseVersion: 0, items: edit('The second tab says this attribution names its source.') },
        h.db,
      ),
    ]);
    const outcomes = [a, b].map((r) => (r.ok ? 'saved' : r.message));
    expect(outcomes.sort()).toEqual([KEY_CHANGED, 'saved'].sort());
    expect(KEY_CHANGED).toMatch(/key changed.*reload/i);
    expect(await h.db.selectFrom('class_key_version').select('version').execute()).toEqual([{ version: 1 }]);
  });

  it('back to the shipped key, for one item and for the whole key', async () => {
    const { mine } = await setUp();
    const tab = await open(mine.teacher, mine.klass.id);
    const [, second] = tab.items;
    if (!second) throw new Error('short key');
    const items = editableItems(tab.items)
      .filter((i) => i.id !== second.id)
      .map((i) => (i.id === FIRST.id ? { ...i, optional: true } : i));
    must(await saveClassKey(mine.teacher, mine.klass.id, EXERCISE, { baseVersion: 0, items }, h.db));
    expect((await open(mine.teacher, mine.klass.id)).items).toHaveLength(SHIPPED.length - 1);
    // The editor puts the shipped item back in the list: saving it records no change for it.
    const restored = [...items, editableItems([second])[0] as (typeof items)[number]];
    must(await saveClassKey(mine.teacher, mine.klass.id, EXERCISE, { baseVersion: 1, items: restored }, h.db));
    const one = await open(mine.teacher, mine.klass.id);
    expect(one.items).toHaveLength(SHIPPED.length);
    expect(one.items.find((i) => i.id === FIRST.id)?.source).toBe('edited');
    expect(one.items.find((i) => i.id === second.id)?.source).toBe('file');
    // The whole key back: the shipped items, no change at all.
    must(
      await saveClassKey(
        mine.teacher,
        mine.klass.id,
        EXERCISE,
        { baseVersion: 2, items: editableItems(SHIPPED) },
        h.db,
      ),
    );
    const all = await open(mine.teacher, mine.klass.id);
    expect(all.version).toBe(3);
    expect(all.items.every((i) => i.source === 'file')).toBe(true);
    expect(all.versions.map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('bad input is refused with a message naming the field, and nothing is stored', async () => {
    const { mine } = await setUp();
    const base = editableItems((await open(mine.teacher, mine.klass.id)).items);
    const text = (await open(mine.teacher, mine.klass.id)).text;
    const save = (items: unknown) =>
      saveClassKey(mine.teacher, mine.klass.id, EXERCISE, { baseVersion: 0, items }, h.db);
    const first = base[0];
    if (!first) throw new Error('empty');
    const tooMany = Array.from({ length: MAX_KEY_ITEMS + 1 }, (_, n) => ({ ...first, id: `x-${n}` }));
    const refusals = [
      [await save(tooMany), 'items'],
      [await save([{ ...first, start: text.length + 5, end: text.length + 9 }]), 'items.0.start'],
      [
        await save([{ ...first, explanation: '<script>alert(1)</script> is not an explanation' }]),
        'items.0.explanation',
      ],
      [await save([{ ...first, check: 'Look <img src=x onerror=alert(1)> here' }]), 'items.0.check'],
      [await save([{ ...first, attribute: 'nonsense' }]), 'items.0.attribute'],
      [await save([{ ...first, label: 'unverifiable-claim' }]), 'items.0.label'],
    ] as const;
    for (const [outcome, field] of refusals) {
      expect(outcome.ok, field).toBe(false);
      if (!outcome.ok && 'fieldErrors' in outcome) expect(Object.keys(outcome.fieldErrors), field).toContain(field);
    }
    expect(await h.db.selectFrom('class_key_version').selectAll().execute()).toEqual([]);
  });

  it('only the class’s instructor opens, saves or rescores its key', async () => {
    const { mine, ada } = await setUp();
    const stranger = await makeInstructor(h.db, 'Someone else');
    const items = editableItems(SHIPPED);
    for (const [actor, error] of [
      [ANONYMOUS, 'forbidden'],
      [ada, 'forbidden'],
      [stranger, 'not-found'],
    ] as const) {
      expect(await openClassKeyEditor(actor, mine.klass.id, EXERCISE, h.db)).toMatchObject({ ok: false, error });
      expect(await saveClassKey(actor, mine.klass.id, EXERCISE, { baseVersion: 0, items }, h.db)).toMatchObject({
        ok: false,
        error,
      });
      expect(await rescoreClassKey(actor, mine.klass.id, EXERCISE, h.db)).toMatchObject({ ok: false, error });
    }
    // An exercise that no assignment of the class holds has no class key.
    expect(await openClassKeyEditor(mine.teacher, mine.klass.id, 'practice-no-such', h.db)).toMatchObject({
      ok: false,
      error: 'not-found',
    });
    expect(await h.db.selectFrom('class_key_version').selectAll().execute()).toEqual([]);
  });

  it('a key read inside a transaction that is rolled back is never served afterwards', async () => {
    const { mine } = await setUp();
    const teacher = mine.teacher;
    if (teacher.kind !== 'instructor') throw new Error('not an instructor');
    const base = await open(teacher, mine.klass.id);
    const first = (await keyResolver(h.db).classKey(mine.klass.id, EXERCISE))?.exercise.baseKey[0];
    if (!first || base.version !== 0) throw new Error('no shipped key');
    const explained = (explanation: string) => [
      { kind: 'edit' as const, item: { ...toStoredItem(first), explanation } },
    ];
    const version1 = (db: typeof h.db, explanation: string) =>
      writeKeyVersion(db, {
        classId: mine.klass.id,
        exerciseId: EXERCISE,
        baseVersion: 0,
        changes: explained(explanation),
        note: explanation,
        userId: teacher.userId,
      });
    // Version 1 written and read in a transaction that then fails: it never happened.
    await expect(
      h.db.transaction().execute(async (trx) => {
        must(await version1(trx, 'Written, read, then rolled back.'));
        const read = await keyResolver(trx).classKey(mine.klass.id, EXERCISE);
        expect(read?.items.find((i) => i.id === first.id)?.explanation).toBe('Written, read, then rolled back.');
        throw new Error('the save fails after the read');
      }),
    ).rejects.toThrow('the save fails after the read');
    // Another version 1 is saved for real: every later read gets that one.
    must(await version1(h.db, 'Saved for real.'));
    const now = await keyResolver(h.db).classKey(mine.klass.id, EXERCISE);
    expect(now?.version).toBe(1);
    expect(now?.items.find((i) => i.id === first.id)?.explanation).toBe('Saved for real.');
  });
});
