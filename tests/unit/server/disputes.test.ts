import { expect, it } from 'vitest';
import { toScoringKey } from '@/lib/content/keys';
import { getLesson } from '@/lib/content/lessons';
import type { AnswerSpan, ScoringKeyItem } from '@/lib/scoring';
import { rankable } from '@/lib/scoring/disputes';
import { getDisputes } from '@/lib/server/data/review';
import { exerciseKey } from '@/lib/server/grading';
import { LABELS } from '@/lib/validation/labels';
import { seedDemoClass } from '@/scripts/demo-class';
import { referenceScore } from '../scoring/reference';
import { describeEachEngine } from './db-harness';
import { ANONYMOUS, makeInstructor, makeStudent, must } from './fixtures';

type Student = { id: string; answers: AnswerSpan[] };

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.min(a.end, b.end) > Math.max(a.start, b.start);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** A student's spans as a key, merged per label where they share a character (written out again here). */
function keyOf(answers: AnswerSpan[]): ScoringKeyItem[] {
  const out: ScoringKeyItem[] = [];
  for (const label of LABELS) {
    for (const a of answers.filter((x) => x.label === label && x.end > x.start).sort((x, y) => x.start - y.start)) {
      const last = out.at(-1);
      if (last && last.label === label && a.start < last.end) last.end = Math.max(last.end, a.end);
      else out.push({ id: `k${out.length}`, label, start: a.start, end: a.end });
    }
  }
  return out;
}

/** The figures straight from the definitions (LABELING-GUIDE "Scoring", issue text), with the slow reference scorer. */
function direct(key: ScoringKeyItem[], students: Student[]) {
  const half = Math.ceil(students.length / 2);
  const items = key
    .filter((t) => !t.optional && t.end > t.start)
    .map((t) => {
      const said = students.map((s) => {
        const touching = s.answers.filter((a) => a.end > a.start && overlap(a, t));
        if (touching.some((a) => a.label === t.label || (t.accept ?? []).includes(a.label))) return 'found';
        return touching.length > 0 ? 'other' : 'missed';
      });
      const others = key.filter((k) => k.id !== t.id);
      const stronger = students
        .map((s, i) => ({ i, f1: rankable(referenceScore(others, s.answers).overall.f1) }))
        .sort((x, y) => y.f1 - x.f1 || x.i - y.i)
        .slice(0, half)
        .map(({ i }) => said[i]);
      const count = (list: string[], what: string) => list.filter((x) => x === what).length;
      return {
        id: t.id,
        found: count(said, 'found'),
        otherLabel: count(said, 'other'),
        missed: count(said, 'missed'),
        stronger: {
          size: stronger.length,
          found: count(stronger as string[], 'found'),
          otherLabel: count(stronger as string[], 'other'),
          missed: count(stronger as string[], 'missed'),
        },
        disputed: count(stronger as string[], 'found') < stronger.length / 2,
      };
    });
  const pairs: number[] = [];
  for (let a = 0; a < students.length; a++)
    for (let b = a + 1; b < students.length; b++) {
      const [x, y] = [students[a] as Student, students[b] as Student];
      if (x.answers.length + y.answers.length === 0) continue;
      const ab = referenceScore(keyOf(y.answers), x.answers).overall.f1;
      const ba = referenceScore(keyOf(x.answers), y.answers).overall.f1;
      pairs.push((ab + ba) / 2);
    }
  const withKey = students.map((s) => referenceScore(key, s.answers).overall.f1);
  return { items, peers: mean(pairs), pairs: pairs.length, key: mean(withKey) };
}

describeEachEngine('disputed items on the demo class', (h) => {
  it('equal a direct computation from the stored submissions, exercise by exercise', async () => {
    const demo = await seedDemoClass(h.db, { students: 9, lesson: 'words-that-judge' });
    const teacher = await h.db
      .selectFrom('user')
      .select(['id', 'name'])
      .where('email', '=', demo.email)
      .executeTakeFirstOrThrow();
    const actor = { kind: 'instructor', userId: teacher.id, name: teacher.name } as const;
    const lesson = getLesson('words-that-judge');
    let disputed = 0;
    for (const exercise of lesson?.exercises ?? []) {
      const got = must(await getDisputes(actor, demo.assignmentId, exercise.id, h.db));
      // Students in roster order (name, then id), as the review lists them.
      const rows = await h.db
        .selectFrom('submission')
        .innerJoin('student', 'student.id', 'submission.student_id')
        .select(['student.id as id', 'student.display_name as name', 'submission.answers_json as json'])
        .where('submission.assignment_id', '=', demo.assignmentId)
        .where('submission.exercise_id', '=', exercise.id)
        .execute();
      rows.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      const students = rows.map((r) => ({
        id: r.id,
        answers: (JSON.parse(r.json) as AnswerSpan[]).map(({ label, start, end }) => ({ label, start, end })),
      }));
      const want = direct(toScoringKey(exerciseKey(exercise)), students);
      expect(got.submitted).toBe(9);
      expect(
        got.items.map(({ id, found, otherLabel, missed, stronger, disputed }) => ({
          id,
          found,
          otherLabel,
          missed,
          stronger,
          disputed,
        })),
      ).toEqual(want.items);
      expect(got.agreement.overall.pairs).toBe(want.pairs);
      expect(got.agreement.overall.peers).toBeCloseTo(want.peers as number, 9);
      expect(got.agreement.overall.key).toBeCloseTo(want.key as number, 9);
      disputed += got.items.filter((i) => i.disputed).length;
      expect(got.items.every((i) => i.quote.length > 0 && i.explanation.length > 0)).toBe(true);
    }
    // The demo class is drawn so that some items are hard: the check above compared real disputes too.
    expect(disputed).toBeGreaterThan(0);
  });

  it('are refused to anyone but the class instructor', async () => {
    const demo = await seedDemoClass(h.db, { students: 2 });
    const exerciseId = demo.exerciseIds[0] as string;
    const other = await makeInstructor(h.db, 'Other');
    const student = await makeStudent(h.db, demo.joinCode, 'Zed');
    expect(await getDisputes(other, demo.assignmentId, exerciseId, h.db)).toMatchObject({
      ok: false,
      error: 'not-found',
    });
    expect(await getDisputes(student.actor, demo.assignmentId, exerciseId, h.db)).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(await getDisputes(ANONYMOUS, demo.assignmentId, exerciseId, h.db)).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
  });
});
