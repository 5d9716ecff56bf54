import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { getExercise } from '@/lib/content/lessons';
import type { Actor } from '@/lib/server/actor';
import { gradeForActor, openClassroomExercise, saveClassroomDraft } from '@/lib/server/classroom-grading';
import { type CreateAssignmentsInput, createAssignments, releaseKey } from '@/lib/server/data/assignments';
import { createClass } from '@/lib/server/data/classes';
import { exerciseKey } from '@/lib/server/grading';
import { MAX_SPANS, MAX_WHY_CHARS } from '@/lib/validation/limits';
import { describeEachEngine } from './db-harness';
import { ANONYMOUS, makeInstructor, makeStudent, must } from './fixtures';

const HOUR = 60 * 60 * 1000;
const ATTRIBUTIONS = 'who-says-so-attributions';

/** A submission that labels the first key item of the exercise exactly. */
function answersFor(exerciseId: string, clientId: string = randomUUID()) {
  const found = getExercise(exerciseId);
  if (!found) throw new Error(`no exercise ${exerciseId}`);
  const [item] = exerciseKey(found.exercise);
  if (!item) throw new Error(`no key for ${exerciseId}`);
  return {
    exerciseId,
    clientId,
    answers: [{ label: item.label, start: item.start, end: item.end }],
    quote: item.quote,
  };
}

function send(input: ReturnType<typeof answersFor>) {
  const { quote: _quote, ...body } = input;
  return body;
}

describeEachEngine('classroom grading', (h) => {
  async function setUp(
    lessons: { slug: string; policy: CreateAssignmentsInput['releasePolicy']; dueAt?: Date | null }[],
  ) {
    const teacher = await makeInstructor(h.db);
    const klass = must(await createClass(teacher, { name: 'P1' }, h.db));
    const assignments: Record<string, string> = {};
    for (const { slug, policy, dueAt = new Date(Date.now() + HOUR) } of lessons) {
      const [created] = must(
        await createAssignments(
          teacher,
          { classId: klass.id, lessonSlugs: [slug], opensAt: null, dueAt, releasePolicy: policy, allowResubmit: false },
          h.db,
        ),
      );
      if (created) assignments[slug] = created.id;
    }
    const { actor: student } = await makeStudent(h.db, klass.joinCode, 'Ada');
    return { teacher, klass, assignments, student };
  }
  const rows = () => h.db.selectFrom('submission').selectAll().execute();

  it('grades self-guided work for people outside a class, key included, storing nothing', async () => {
    const outcome = await gradeForActor(ANONYMOUS, send(answersFor(ATTRIBUTIONS)), h.db);
    expect(outcome.ok && outcome.graded?.key.length).toBeGreaterThan(0);
    expect(await rows()).toHaveLength(0);
  });

  it('on-submit: stores the submission once per clientId and returns the comparison', async () => {
    const { student } = await setUp([{ slug: 'who-says-so', policy: 'on-submit' }]);
    const input = answersFor(ATTRIBUTIONS);
    const first = await gradeForActor(student, send(input), h.db);
    const retry = await gradeForActor(student, send(input), h.db);
    expect(first).toMatchObject({ ok: true, notice: 'Submitted.' });
    expect(first.ok && first.graded?.key.length).toBeGreaterThan(0);
    expect(retry).toEqual(first);
    expect(await rows()).toHaveLength(1);
    const again = await gradeForActor(student, send(answersFor(ATTRIBUTIONS)), h.db);
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/does not take resubmissions/) });
    expect(await rows()).toHaveLength(1);
  });

  it('manual: stores the submission but sends no key until the instructor releases it', async () => {
    const { teacher, assignments, student } = await setUp([{ slug: 'who-says-so', policy: 'manual' }]);
    const input = answersFor(ATTRIBUTIONS);
    const outcome = await gradeForActor(student, send(input), h.db);
    expect(outcome).toEqual({
      ok: true,
      graded: null,
      notice: expect.stringMatching(/^Submitted\. Your teacher will release the key after/),
      // One submission each: the exercise offers no other.
      retryAllowed: false,
    });
    expect(JSON.stringify(outcome)).not.toContain(input.quote);
    const before = await openClassroomExercise(student, ATTRIBUTIONS, h.db);
    expect(before?.submitted).toMatchObject({ graded: null });
    expect(JSON.stringify(before)).not.toContain(input.quote);

    must(await releaseKey(teacher, assignments['who-says-so'] as string, h.db));
    const after = await openClassroomExercise(student, ATTRIBUTIONS, h.db);
    expect(after?.submitted?.graded?.key.length).toBeGreaterThan(0);
    expect(after?.submitted?.graded?.answers).toEqual(input.answers);
  });

  it('after-due with the due time passed: flags the submission late and shows the key', async () => {
    const { student } = await setUp([{ slug: 'who-says-so', policy: 'after-due', dueAt: new Date(Date.now() - HOUR) }]);
    const outcome = await gradeForActor(student, send(answersFor(ATTRIBUTIONS)), h.db);
    expect(outcome).toMatchObject({ ok: true, notice: expect.stringMatching(/marked late/) });
    expect(outcome.ok && outcome.graded).toBeTruthy();
    expect((await rows())[0]?.late).toBe(1);
  });

  it('free practice and self-guided exercises refuse a key that an assignment still holds back', async () => {
    // words-that-judge has exercises on the Mehr letter and (loaded language) on the UN envoy article.
    const { teacher, assignments, student } = await setUp([{ slug: 'words-that-judge', policy: 'manual' }]);
    const practice = await gradeForActor(student, send(answersFor('practice-mehr-human-rights-letter')), h.db);
    expect(practice).toMatchObject({ ok: false, message: expect.stringMatching(/has not released its key/) });
    // Same articles, other labels: sourcing and claims are not held back by a loaded-language key.
    expect((await gradeForActor(student, send(answersFor('one-letter-two-outlets-mehr')), h.db)).ok).toBe(true);
    const other = await gradeForActor(student, send(answersFor(ATTRIBUTIONS)), h.db);
    expect(other.ok && other.graded).toBeTruthy();
    expect((await gradeForActor(student, send(answersFor('practice-envoy-speech-aggregation')), h.db)).ok).toBe(true);
    // Anyone else still practises freely; after the release the student does too.
    expect((await gradeForActor(teacher, send(answersFor('practice-mehr-human-rights-letter')), h.db)).ok).toBe(true);
    must(await releaseKey(teacher, assignments['words-that-judge'] as string, h.db));
    expect((await gradeForActor(student, send(answersFor('practice-mehr-human-rights-letter')), h.db)).ok).toBe(true);
    expect(await rows()).toHaveLength(0);
  });

  it('an assignment that has not opened refuses the submission', async () => {
    const teacher = await makeInstructor(h.db);
    const klass = must(await createClass(teacher, { name: 'P2' }, h.db));
    must(
      await createAssignments(
        teacher,
        {
          classId: klass.id,
          lessonSlugs: ['who-says-so'],
          opensAt: new Date(Date.now() + HOUR),
          dueAt: new Date(Date.now() + 2 * HOUR),
          releasePolicy: 'on-submit',
          allowResubmit: true,
        },
        h.db,
      ),
    );
    const { actor } = await makeStudent(h.db, klass.joinCode);
    expect(await gradeForActor(actor, send(answersFor(ATTRIBUTIONS)), h.db)).toMatchObject({
      ok: false,
      message: 'This assignment is not open yet.',
    });
    const state = await openClassroomExercise(actor, ATTRIBUTIONS, h.db);
    expect(state?.blocked).toMatch(/not open yet/);
    expect(Date.parse(state?.opensAt ?? '')).toBeGreaterThan(Date.now());
  });

  it('tampered submissions get a clear error naming the field and change nothing', async () => {
    const { student } = await setUp([{ slug: 'who-says-so', policy: 'on-submit' }]);
    const draft = [{ id: 's1', label: 'sourcing', start: 0, end: 5 }];
    expect(await saveClassroomDraft(student, { exerciseId: ATTRIBUTIONS, answers: draft }, h.db)).toMatchObject({
      ok: true,
    });
    const good = send(answersFor(ATTRIBUTIONS));
    const span = good.answers[0] as { label: string; start: number; end: number };
    const withAnswers = (answers: unknown) => ({ ...good, clientId: randomUUID(), answers });
    const cases: [string, unknown, string, RegExp][] = [
      ['an offset outside the text', withAnswers([{ ...span, end: 10_000_000 }]), 'answers.0', /outside the part/],
      ['a negative offset', withAnswers([{ ...span, start: -3 }]), 'answers.0.start', /./],
      ['an unknown label', withAnswers([{ ...span, label: 'propaganda' }]), 'answers.0.label', /./],
      [
        'a label the exercise does not use',
        withAnswers([{ ...span, label: 'loaded-language' }]),
        'answers.0',
        /not used/,
      ],
      [
        '5,000 spans',
        withAnswers(Array.from({ length: 5_000 }, () => span)),
        'answers',
        new RegExp(`at most ${MAX_SPANS} labels`),
      ],
      [
        'a 1 MB note',
        withAnswers([{ ...span, why: 'x'.repeat(1024 * 1024) }]),
        'answers.0.why',
        new RegExp(`at most ${MAX_WHY_CHARS} characters`),
      ],
      ['an offset sent as text', withAnswers([{ ...span, start: String(span.start) }]), 'answers.0.start', /./],
      ['answers that are not a list', withAnswers('all of them'), 'answers', /./],
      ['a field the form never sends', withAnswers([{ ...span, score: 1 }]), 'answers.0', /score/],
      ['a client id that is not a UUID', { ...good, clientId: 'x' }, 'clientId', /./],
      ['no submission at all', null, 'submission', /./],
    ];
    for (const [what, input, field, message] of cases) {
      for (const actor of [student, ANONYMOUS as Actor]) {
        const outcome = await gradeForActor(actor, input, h.db);
        expect(outcome.ok, what).toBe(false);
        if (outcome.ok) continue;
        expect(outcome.message, what).toMatch(/Nothing was saved/);
        expect(Object.keys(outcome.fieldErrors), what).toContain(field);
        expect(outcome.fieldErrors[field]?.join(' '), what).toMatch(message);
        expect(JSON.stringify(outcome), what).not.toContain('explanation');
      }
    }
    // Nothing changed: no submission stored, the draft as it was; the real answer still goes in.
    expect(await rows()).toHaveLength(0);
    expect((await openClassroomExercise(student, ATTRIBUTIONS, h.db))?.draft).toEqual(draft);
    expect(await gradeForActor(student, good, h.db)).toMatchObject({ ok: true, notice: 'Submitted.' });
    expect(await rows()).toHaveLength(1);
  });

  it('tampered drafts are refused as submissions are, naming the field, and the saved draft stays', async () => {
    const { student } = await setUp([{ slug: 'who-says-so', policy: 'on-submit' }]);
    const draft = [{ id: 's1', label: 'sourcing', start: 0, end: 5 }];
    expect(await saveClassroomDraft(student, { exerciseId: ATTRIBUTIONS, answers: draft }, h.db)).toMatchObject({
      ok: true,
    });
    const span = { id: 's2', label: 'sourcing', start: 10, end: 20 };
    const cases: [string, unknown[], string, RegExp][] = [
      ['an offset outside the text', [{ ...span, end: 10_000_000 }], 'answers.0', /outside the part/],
      ['an end before its start', [{ ...span, start: 30, end: 20 }], 'answers.0', /ends before it starts/],
      ['a label the exercise does not use', [{ ...span, label: 'loaded-language' }], 'answers.0', /not used/],
      ['an attribute of another label', [{ ...span, attribute: 'outlet' }], 'answers.0', /not a kind of sourcing/],
      ['an unknown label', [{ ...span, label: 'propaganda' }], 'answers.0.label', /./],
    ];
    for (const [what, answers, field, message] of cases) {
      const outcome = await saveClassroomDraft(student, { exerciseId: ATTRIBUTIONS, answers }, h.db);
      expect(outcome.ok, what).toBe(false);
      if (outcome.ok) continue;
      expect(Object.keys(outcome.fieldErrors), what).toContain(field);
      expect(outcome.fieldErrors[field]?.join(' '), what).toMatch(message);
    }
    expect((await openClassroomExercise(student, ATTRIBUTIONS, h.db))?.draft).toEqual(draft);
  });

  it('drafts: saved for assigned exercises, read back on open, refused otherwise with every error', async () => {
    const { student } = await setUp([{ slug: 'who-says-so', policy: 'on-submit' }]);
    const spans = [{ id: 's1', label: 'sourcing', start: 0, end: 5 }];
    expect(await saveClassroomDraft(student, { exerciseId: ATTRIBUTIONS, answers: spans }, h.db)).toMatchObject({
      ok: true,
    });
    expect((await openClassroomExercise(student, ATTRIBUTIONS, h.db))?.draft).toEqual(spans);
    const bad = await saveClassroomDraft(
      student,
      { exerciseId: ATTRIBUTIONS, answers: [{ id: 'x', label: 'nope', start: -1, end: 0 }] },
      h.db,
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && Object.keys(bad.fieldErrors).sort()).toEqual([
      'answers.0.end',
      'answers.0.label',
      'answers.0.start',
    ]);
    expect(await saveClassroomDraft(student, { exerciseId: 'capstone-spiegel', answers: [] }, h.db)).toMatchObject({
      ok: false,
    });
    expect(await saveClassroomDraft(ANONYMOUS as Actor, { exerciseId: ATTRIBUTIONS, answers: [] }, h.db)).toMatchObject(
      {
        ok: false,
      },
    );
    expect(await openClassroomExercise(student, 'capstone-spiegel', h.db)).toBeNull();
  });
});
