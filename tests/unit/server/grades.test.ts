import Papa from 'papaparse';
import { expect, it } from 'vitest';
import { getExercise } from '@/lib/content/lessons';
import { score } from '@/lib/scoring';
import type { Actor } from '@/lib/server/actor';
import { toCsv } from '@/lib/server/csv';
import { listAnswers, reviewAnswer } from '@/lib/server/data/answers';
import { getGradebook, gradebookRows, setGradeOverride, setGradingRule } from '@/lib/server/data/grades';
import { submitExercise } from '@/lib/server/data/submissions';
import { exerciseKey } from '@/lib/server/grading';
import { answerForActor } from '@/lib/server/questions';
import { describeEachEngine } from './db-harness';
import { ANONYMOUS, makeClassAssignment, makeInstructor, makeStudent, must } from './fixtures';

const LESSON = 'who-says-so';
const found = getExercise('who-says-so-attributions');
if (!found) throw new Error('no exercise');
const key = exerciseKey(found.exercise).map(({ id, label, start, end, optional, accept }) => ({
  id,
  label,
  start,
  end,
  optional,
  accept,
}));
const ANSWER =
  'Press TV quoted Takhtravanchi is easier to check, because it names the outlet and the speaker, so I can look for the speech itself.';

describeEachEngine('grades', (h) => {
  it('the grade follows the rule, an override sticks with its note, and the gradebook CSV has one row per student', async () => {
    const { teacher, klass, assignment } = await makeClassAssignment(h.db, { lesson: LESSON, className: 'P8' });
    const names = ['Ada', '=Bo()', 'Cy'];
    const students: Record<string, Actor> = {};
    for (const name of names) students[name] = (await makeStudent(h.db, klass.joinCode, name)).actor;
    // Ada labels half the key's attributions on exercise 1 and answers a question; Bo answers only; Cy nothing.
    const half = key
      .filter((k) => !k.optional)
      .slice(0, Math.ceil(key.length / 2))
      .map(({ label, start, end }) => ({ label, start, end }));
    const adaScore = score(key, half);
    must(
      await submitExercise(
        students.Ada as Actor,
        {
          clientId: 'ada-ex-1-0001',
          assignmentId: assignment.id,
          exerciseId: found.exercise.id,
          answers: half,
          articleSha256: 'a'.repeat(64),
          score: adaScore,
        },
        h.db,
      ),
    );
    for (const name of ['Ada', '=Bo()']) {
      const answered = await answerForActor(
        students[name] as Actor,
        { questionId: 'who-says-so-q-vague', answer: ANSWER },
        h.db,
      );
      expect(answered).toMatchObject({ ok: true });
    }
    const answers = must(await listAnswers(teacher, assignment.id, h.db));
    const adaAnswer = answers.find((a) => a.studentName === 'Ada');
    must(
      await reviewAnswer(
        teacher,
        { assignmentId: assignment.id, answerId: adaAnswer?.id ?? '', status: 'complete', comment: '' },
        h.db,
      ),
    );

    // No rule yet: nothing possible, and the export has no grade rather than a grade of 0.
    const unruled = must(await getGradebook(teacher, assignment.id, h.db));
    expect(unruled.ruleText).toMatch(/No grading rule yet/);
    for (const row of gradebookRows(unruled)) expect(row).toMatchObject({ Grade: '', 'Points possible': '' });
    must(await setGradingRule(teacher, assignment.id, { labelPoints: 10, answerPoints: 2 }, h.db));
    const book = must(await getGradebook(teacher, assignment.id, h.db));
    const exercises = book.exerciseIds.length;
    const questions = book.questions;
    const ada = book.rows.find((r) => r.name === 'Ada');
    expect(ada?.exerciseF1[0]).toBeCloseTo(adaScore.overall?.f1 ?? Number.NaN, 10);
    expect(ada?.grade).toBeCloseTo((10 * (adaScore.overall?.f1 ?? 0)) / exercises + 2, 10);
    expect(ada?.possible).toBe(10 + 2 * questions);
    expect(book.rows.find((r) => r.name === '=Bo()')).toMatchObject({ completeAnswers: 0, grade: 0 });

    // An override sticks, with its note; clearing it goes back to the rule.
    const cy = book.rows.find((r) => r.name === 'Cy');
    must(
      await setGradeOverride(
        teacher,
        { assignmentId: assignment.id, studentId: cy?.studentId ?? '', points: 7.5, note: 'Absent; oral work' },
        h.db,
      ),
    );
    expect(must(await getGradebook(teacher, assignment.id, h.db)).rows.find((r) => r.name === 'Cy')).toMatchObject({
      grade: 7.5,
      computed: 0,
      override: { points: 7.5, note: 'Absent; oral work' },
    });

    const csv = Papa.parse<Record<string, string>>(
      toCsv(gradebookRows(must(await getGradebook(teacher, assignment.id, h.db)))),
      {
        header: true,
        skipEmptyLines: true,
      },
    );
    expect(csv.errors).toEqual([]);
    expect(csv.data.map((r) => r['Display name'])).toEqual(
      ['=Bo()', 'Ada', 'Cy'].map((n) => (n.startsWith('=') ? `'${n}` : n)),
    );
    for (const row of csv.data) {
      expect(row['Student ID']).toMatch(/^[0-9a-f-]{36}$/);
      expect(row['Points possible']).toBe(String(10 + 2 * questions));
    }
    expect(Number(csv.data.find((r) => r['Display name'] === 'Cy')?.Grade)).toBe(7.5);
    // Figures as a gradebook takes them: F1 to four decimals, grades to two, and work not
    // started told apart from a score of 0 by the exercises submitted.
    const adaRow = csv.data.find((r) => r['Display name'] === 'Ada') as Record<string, string>;
    expect(adaRow['Lesson F1']).toMatch(/^(0|1)(\.\d{1,4})?$/);
    expect(Number(adaRow['Lesson F1'])).toBeCloseTo(ada?.lessonF1 ?? Number.NaN, 4);
    expect(adaRow.Grade).toMatch(/^\d+(\.\d{1,2})?$/);
    expect(Number(adaRow.Grade)).toBeCloseTo(ada?.grade ?? Number.NaN, 2);
    expect(Number(adaRow['Exercises submitted'])).toBeGreaterThan(0);
    expect(csv.data.find((r) => r['Display name'] === "'=Bo()")?.['Exercises submitted']).toBe('0');
    expect(csv.data.find((r) => r['Display name'] === 'Cy')?.['Set by hand']).toBe('yes');

    // Only the class's instructor.
    for (const actor of [ANONYMOUS, students.Ada as Actor, await makeInstructor(h.db, 'Other')]) {
      expect(await getGradebook(actor, assignment.id, h.db)).toMatchObject({ ok: false });
      expect(await setGradingRule(actor, assignment.id, { labelPoints: 1, answerPoints: 1 }, h.db)).toMatchObject({
        ok: false,
      });
      expect(
        await setGradeOverride(
          actor,
          { assignmentId: assignment.id, studentId: cy?.studentId ?? '', points: 1, note: 'x' },
          h.db,
        ),
      ).toMatchObject({ ok: false });
    }
  });
});
