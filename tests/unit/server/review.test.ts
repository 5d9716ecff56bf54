import Papa from 'papaparse';
import { expect, it } from 'vitest';
import { isWordChar } from '@/lib/annotation/words';
import { getArticle } from '@/lib/content/articles';
import { toScoringKey } from '@/lib/content/keys';
import { getExercise } from '@/lib/content/lessons';
import { type AnswerSpan, aggregate, type ScoreResult, type ScoringKeyItem, score } from '@/lib/scoring';
import type { Actor } from '@/lib/server/actor';
import { toCsv } from '@/lib/server/csv';
import { createAssignments, releaseKey } from '@/lib/server/data/assignments';
import { createClass } from '@/lib/server/data/classes';
import { saveDraft } from '@/lib/server/data/drafts';
import {
  acceptExtra,
  addComment,
  classKeyItems,
  dismissExtra,
  getDashboard,
  getHeatmap,
  listCommentsForStudent,
} from '@/lib/server/data/review';
import { scoreRows } from '@/lib/server/data/review-export';
import { getStudentReview } from '@/lib/server/data/review-student';
import { submitExercise } from '@/lib/server/data/submissions';
import { exerciseKey } from '@/lib/server/grading';
import { describeEachEngine } from './db-harness';
import { ANONYMOUS, makeInstructor, makeStudent, must } from './fixtures';

/** Lesson 1's first exercise: sourcing only, on one article. */
const LESSON = 'who-says-so';
const EXERCISE = 'who-says-so-attributions';
const found = getExercise(EXERCISE);
if (!found) throw new Error(`no exercise ${EXERCISE}`);
const FILE_KEY = toScoringKey(exerciseKey(found.exercise));
const TEXT = getArticle(found.exercise.article)?.text ?? '';
const core = FILE_KEY.filter((k) => !k.optional);
const [k0, k1, k2] = core as [ScoringKeyItem, ScoringKeyItem, ScoringKeyItem];

/** A stretch of at least 12 characters that overlaps no key item and sits inside the exercise: a common extra. */
function gapSpan(): { start: number; end: number } {
  const sorted = [...FILE_KEY].sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const end = (sorted[i] as ScoringKeyItem).end;
    const next = (sorted[i + 1] as ScoringKeyItem).start;
    if (next - end >= 40) return { start: end + 10, end: end + 30 };
  }
  throw new Error('no gap between key items');
}
const GAP = gapSpan();

/** Four students' answers: one finds everything, one a little, two add the same extra. */
const ANSWERS: Record<string, AnswerSpan[]> = {
  Ada: core.map((k) => ({ label: k.label, start: k.start, end: k.end })),
  Ben: [{ label: 'sourcing', start: k0.start, end: k0.end }],
  Cy: [
    { label: 'sourcing', start: k1.start + 1, end: k1.end },
    { label: 'sourcing', ...GAP },
  ],
  Di: [
    { label: 'sourcing', start: k2.start, end: k2.end },
    { label: 'sourcing', start: GAP.start + 2, end: GAP.end + 3 },
  ],
};

describeEachEngine('instructor review', (h) => {
  async function setUp(policy: 'manual' | 'on-submit' = 'manual') {
    const teacher = await makeInstructor(h.db, 'Teacher');
    const other = await makeInstructor(h.db, 'Other');
    const klass = must(await createClass(teacher, { name: 'P2' }, h.db));
    const [assignment] = must(
      await createAssignments(
        teacher,
        {
          classId: klass.id,
          lessonSlugs: [LESSON],
          opensAt: null,
          dueAt: null,
          releasePolicy: policy,
          allowResubmit: false,
        },
        h.db,
      ),
    );
    if (!assignment) throw new Error('no assignment');
    const students: Record<string, Actor> = {};
    for (const name of [...Object.keys(ANSWERS), 'Eve', 'Flo']) {
      students[name] = (await makeStudent(h.db, klass.joinCode, name)).actor;
    }
    const submissions: Record<string, string> = {};
    for (const [name, answers] of Object.entries(ANSWERS)) {
      const stored = must(
        await submitExercise(
          students[name] as Actor,
          {
            clientId: `client-${name}-0001`,
            assignmentId: assignment.id,
            exerciseId: EXERCISE,
            answers,
            articleSha256: 'a'.repeat(64),
            score: score(FILE_KEY, answers),
          },
          h.db,
        ),
      );
      submissions[name] = stored.id;
    }
    must(
      await saveDraft(students.Eve as Actor, { assignmentId: assignment.id, exerciseId: EXERCISE, answers: [] }, h.db),
    );
    return { teacher, other, klass, assignment, students, submissions };
  }

  const snapshot = async () => ({
    submissions: await h.db.selectFrom('submission').select(['id', 'score_json']).orderBy('id').execute(),
    keyVersions: await h.db.selectFrom('class_key_version').selectAll().execute(),
    dismissals: await h.db.selectFrom('extra_dismissal').selectAll().execute(),
    comments: await h.db.selectFrom('comment').selectAll().execute(),
  });

  it('dashboard figures, averages and distributions equal the scoring engine’s', async () => {
    const { teacher, assignment } = await setUp();
    const dashboard = must(await getDashboard(teacher, assignment.id, '-overall.f1', h.db));
    const ex = dashboard.exercises.find((e) => e.exerciseId === EXERCISE);
    if (!ex) throw new Error('exercise missing');
    expect(ex.rows).toHaveLength(6);
    expect(ex.counts).toEqual({ 'not-started': 1, 'in-progress': 1, submitted: 4, late: 0 });
    const expected: Record<string, ScoreResult> = Object.fromEntries(
      Object.entries(ANSWERS).map(([name, answers]) => [name, score(FILE_KEY, answers)]),
    );
    for (const row of ex.rows) {
      const result = expected[row.name];
      if (!result) {
        expect(row.overall).toBeNull();
        continue;
      }
      expect(row.overall).toEqual(result.overall);
      expect(row.perLabel).toEqual(result.perLabel);
    }
    // Sorted by overall F1, highest first; students without figures last.
    const f1s = ex.rows.map((r) => r.overall?.f1 ?? -1);
    expect(f1s).toEqual([...f1s].sort((a, b) => b - a));
    expect(ex.rows[0]?.name).toBe('Ada');
    expect(ex.averages).toEqual(aggregate(Object.values(expected)));
    const bins = ex.distribution.sourcing ?? [];
    expect(bins.reduce((a, b) => a + b, 0)).toBe(4);
    expect(bins[9]).toBe(Object.values(expected).filter((r) => (r.perLabel.sourcing?.f1 ?? 0) >= 0.9).length);
  });

  it('heatmap: counts per stretch, who found and missed each item, common extras grouped', async () => {
    const { teacher, assignment } = await setUp();
    const map = must(await getHeatmap(teacher, assignment.id, EXERCISE, h.db));
    expect(map.submitted).toBe(4);
    const at = (offset: number) => map.stretches.find((s) => s.start <= offset && offset < s.end);
    expect(at(k0.start)?.counts.sourcing).toBe(2); // Ada and Ben
    expect(at(k0.start)?.keyItemIds).toContain(k0.id);
    expect(at(GAP.start + 5)?.counts.sourcing).toBe(2); // Cy and Di
    // Stretches are whole words, in text order, inside the exercise, and every word a student
    // labeled lies in one (words nobody labeled and no key item covers are left out).
    map.stretches.forEach((s, i) => {
      expect(s.start).toBeGreaterThanOrEqual(i === 0 ? map.start : (map.stretches[i - 1]?.end ?? 0) + 1);
      expect(s.end).toBeLessThanOrEqual(map.end);
      expect(isWordChar(TEXT[s.start]) && !isWordChar(TEXT[s.start - 1])).toBe(true);
      expect(isWordChar(TEXT[s.end - 1]) && !isWordChar(TEXT[s.end])).toBe(true);
    });
    for (const answers of Object.values(ANSWERS))
      for (const a of answers)
        for (let o = a.start; o < a.end; o++) if (isWordChar(TEXT[o])) expect(at(o), `offset ${o}`).toBeDefined();
    const item0 = map.keyItems.find((k) => k.id === k0.id);
    expect(item0?.found.map((s) => s.name).sort()).toEqual(['Ada', 'Ben']);
    expect(item0?.missed.map((s) => s.name).sort()).toEqual(['Cy', 'Di']);
    expect(map.mostMissed[0]?.missed.length).toBe(3);
    const extra = map.extras[0];
    expect(extra).toMatchObject({
      label: 'sourcing',
      start: GAP.start,
      end: GAP.end + 3,
      students: 2,
      dismissed: null,
    });
    expect(extra?.quote).toBe(TEXT.slice(GAP.start, GAP.end + 3));
  });

  it('accepting an extra rescores every submission as score() does with the extended key', async () => {
    const { teacher, assignment, submissions } = await setUp();
    const addition = {
      label: 'sourcing' as const,
      start: GAP.start,
      end: GAP.end + 3,
      optional: false,
      explanation: 'An attribution the file key leaves out.',
    };
    const accepted = must(await acceptExtra(teacher, assignment.id, EXERCISE, addition, h.db));
    expect(accepted.rescored).toBe(4);
    const extended: ScoringKeyItem[] = [
      ...FILE_KEY,
      { id: accepted.itemId, label: 'sourcing', start: addition.start, end: addition.end, optional: false, accept: [] },
    ];
    const keyItems = await classKeyItems(h.db, assignment.id, EXERCISE);
    expect(keyItems.map((k) => k.id)).toEqual(extended.map((k) => k.id));
    for (const [name, answers] of Object.entries(ANSWERS)) {
      const row = await h.db
        .selectFrom('submission')
        .select('score_json')
        .where('id', '=', submissions[name] as string)
        .executeTakeFirstOrThrow();
      const stored = JSON.parse(row.score_json) as ScoreResult;
      expect(stored).toEqual(JSON.parse(JSON.stringify(score(extended, answers))));
    }
    // Cy and Di gain recall credit for the extra; Ada now misses an item.
    const before = score(FILE_KEY, ANSWERS.Cy as AnswerSpan[]).overall;
    const after = score(extended, ANSWERS.Cy as AnswerSpan[]).overall;
    expect(after.precision).toBeGreaterThan(before.precision);
    const dashboard = must(await getDashboard(teacher, assignment.id, undefined, h.db));
    const cy = dashboard.exercises[0]?.rows.find((r) => r.name === 'Cy');
    expect(cy?.overall).toEqual(after);
    const map = must(await getHeatmap(teacher, assignment.id, EXERCISE, h.db));
    expect(map.extras.find((e) => e.start === GAP.start)).toBeUndefined();
    expect(
      map.keyItems
        .find((k) => k.id === accepted.itemId)
        ?.found.map((s) => s.name)
        .sort(),
    ).toEqual(['Cy', 'Di']);
  });

  it('dismissing an extra keeps it listed as dismissed, with the comment, and changes no score', async () => {
    const { teacher, assignment } = await setUp();
    const before = await snapshot();
    must(
      await dismissExtra(
        teacher,
        assignment.id,
        EXERCISE,
        { label: 'sourcing', start: GAP.start, end: GAP.end + 3, comment: 'Not an attribution.' },
        h.db,
      ),
    );
    const map = must(await getHeatmap(teacher, assignment.id, EXERCISE, h.db));
    expect(map.extras[0]?.dismissed).toEqual({ comment: 'Not an attribution.' });
    expect((await snapshot()).submissions).toEqual(before.submissions);
  });

  it('refuses anonymous callers, students and other instructors, and changes nothing', async () => {
    const { other, assignment, students, submissions } = await setUp();
    const before = await snapshot();
    const addition = {
      label: 'sourcing',
      start: GAP.start,
      end: GAP.end,
      optional: false,
      explanation: 'Should never be stored.',
    };
    for (const [actor, code] of [
      [ANONYMOUS, 'forbidden'],
      [students.Ada as Actor, 'forbidden'],
      [other, 'not-found'],
    ] as const) {
      expect(await getDashboard(actor, assignment.id, undefined, h.db)).toMatchObject({ ok: false, error: code });
      expect(await getHeatmap(actor, assignment.id, EXERCISE, h.db)).toMatchObject({ ok: false, error: code });
      expect(await acceptExtra(actor, assignment.id, EXERCISE, addition, h.db)).toMatchObject({
        ok: false,
        error: code,
      });
      expect(
        await dismissExtra(
          actor,
          assignment.id,
          EXERCISE,
          { label: 'sourcing', start: 1, end: 5, comment: 'no' },
          h.db,
        ),
      ).toMatchObject({ ok: false, error: code });
      expect(await addComment(actor, submissions.Ada as string, { body: 'no' }, h.db)).toMatchObject({
        ok: false,
        error: code,
      });
      expect(
        await getStudentReview(
          actor,
          assignment.id,
          students.Ada?.kind === 'student' ? students.Ada.studentId : '',
          h.db,
        ),
      ).toMatchObject({ ok: false, error: code });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an addition outside the exercise or with a label it does not use', async () => {
    const { teacher, assignment } = await setUp();
    const base = { start: GAP.start, end: GAP.end, optional: true, explanation: 'Long enough explanation.' };
    expect(
      await acceptExtra(teacher, assignment.id, EXERCISE, { ...base, label: 'loaded-language' }, h.db),
    ).toMatchObject({ ok: false, error: 'invalid' });
    expect(
      await acceptExtra(teacher, assignment.id, EXERCISE, { ...base, label: 'sourcing', end: TEXT.length + 5 }, h.db),
    ).toMatchObject({ ok: false, error: 'invalid' });
    expect(
      await acceptExtra(teacher, assignment.id, 'no-such-exercise', { ...base, label: 'sourcing' }, h.db),
    ).toMatchObject({ ok: false, error: 'not-found' });
    expect(await h.db.selectFrom('class_key_version').selectAll().execute()).toHaveLength(0);
  });

  it('comments stay hidden from the student until the key is released to them', async () => {
    const { teacher, assignment, students, submissions } = await setUp('manual');
    const onSpan = must(
      await addComment(
        teacher,
        submissions.Cy as string,
        { start: k1.start, end: k1.end, body: 'Start one word earlier.' },
        h.db,
      ),
    );
    expect(onSpan.quote).toBe(TEXT.slice(k1.start, k1.end));
    must(await addComment(teacher, submissions.Cy as string, { body: 'Good eye overall.' }, h.db));
    const cy = students.Cy as Actor;
    expect(must(await listCommentsForStudent(cy, submissions.Cy as string, h.db))).toEqual({
      released: false,
      comments: [],
    });
    // Another student cannot read them, released or not.
    expect(await listCommentsForStudent(students.Di as Actor, submissions.Cy as string, h.db)).toMatchObject({
      ok: false,
      error: 'not-found',
    });
    must(await releaseKey(teacher, assignment.id, h.db));
    const after = must(await listCommentsForStudent(cy, submissions.Cy as string, h.db));
    expect(after.released).toBe(true);
    expect(after.comments.map((c) => c.body)).toEqual(['Start one word earlier.', 'Good eye overall.']);
    expect(await listCommentsForStudent(students.Di as Actor, submissions.Cy as string, h.db)).toMatchObject({
      ok: false,
      error: 'not-found',
    });
    expect(await listCommentsForStudent(teacher, submissions.Cy as string, h.db)).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
  });

  it('the scores CSV parses into one row per student with the dashboard’s figures', async () => {
    const { teacher, assignment } = await setUp();
    const dashboard = must(await getDashboard(teacher, assignment.id, undefined, h.db));
    const ex = dashboard.exercises[0];
    if (!ex) throw new Error('no exercise');
    const csv = toCsv(scoreRows(ex));
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(6);
    for (const row of ex.rows) {
      const line = parsed.data.find((r) => r.name === row.name);
      expect(line?.status).toBe(row.status);
      if (!row.overall) {
        expect(line?.['overall f1']).toBe('');
        continue;
      }
      for (const figure of ['precision', 'recall', 'f1'] as const) {
        expect(Number(line?.[`overall ${figure}`])).toBeCloseTo(row.overall[figure], 4);
        expect(Number(line?.[`sourcing ${figure}`])).toBeCloseTo(row.perLabel.sourcing?.[figure] ?? Number.NaN, 4);
      }
      expect(Number(line?.['sourcing found'])).toBe(row.perLabel.sourcing?.found);
      expect(Number(line?.['sourcing extra'])).toBe(row.perLabel.sourcing?.extra);
    }
  });

  it('a display name that a spreadsheet would run as a formula reaches the scores CSV as text', async () => {
    const { teacher, klass, assignment } = await setUp();
    const names = ['=HYPERLINK("http://x.example","a")', '@SUM(1+1)', '+1+1', '-2+3'];
    for (const name of names) await makeStudent(h.db, klass.joinCode, name);
    const ex = must(await getDashboard(teacher, assignment.id, undefined, h.db)).exercises[0];
    if (!ex) throw new Error('no exercise');
    const parsed = Papa.parse<Record<string, string>>(toCsv(scoreRows(ex)), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const shown = parsed.data.map((r) => r.name);
    // The apostrophe makes a spreadsheet show the cell as text; the name itself is intact.
    for (const name of names) expect(shown).toContain(`'${name}`);
    for (const cell of parsed.data.flatMap((r) => Object.values(r))) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
