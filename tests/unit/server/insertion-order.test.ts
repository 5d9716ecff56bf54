import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { getArticle } from '@/lib/content/articles';
import { toScoringKey } from '@/lib/content/keys';
import { exerciseRange, getExercise } from '@/lib/content/lessons';
import { score } from '@/lib/scoring';
import type { Actor } from '@/lib/server/actor';
import { createAssignments } from '@/lib/server/data/assignments';
import { createClass, getClass, listMyClasses } from '@/lib/server/data/classes';
import { acceptExtra, addComment, classKeyItems, listComments } from '@/lib/server/data/review';
import { submitExercise } from '@/lib/server/data/submissions';
import { exerciseKey } from '@/lib/server/grading';
import { describeEachEngine } from './db-harness';
import { makeInstructor, makeStudent, must, SHA } from './fixtures';

// Rows made in the same millisecond come back in the order they were made. Every row here
// is made with the clock stopped, so `created_at` ties throughout; before the insertion
// numbers (migration 0004) the order fell to random UUIDs and these lists came back shuffled.

const LESSON = 'who-says-so';
const EXERCISE = 'who-says-so-attributions';
const found = getExercise(EXERCISE);
if (!found) throw new Error(`no exercise ${EXERCISE}`);
const TEXT = getArticle(found.exercise.article)?.text ?? '';
const RANGE = exerciseRange(found.exercise);
const FROM = RANGE.ok ? RANGE.value.start : 0;
/** Enough rows that a random order matching by chance is out of the question (1 in 20!). */
const ROWS = 20;

describeEachEngine('insertion order', (h) => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T09:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('comments, class key additions, classes and students made in one millisecond list in the order made', async () => {
    const teacher = await makeInstructor(h.db, 'Teacher');
    const names = Array.from({ length: ROWS }, (_, i) => `Class ${String.fromCharCode(65 + i)}${ROWS - i}`);
    const classes = [];
    for (const name of names) classes.push(must(await createClass(teacher, { name }, h.db)));
    // Newest first.
    expect(must(await listMyClasses(teacher, h.db)).map((c) => c.name)).toEqual([...names].reverse());

    const klass = classes[0] as (typeof classes)[number];
    const pupils: string[] = [];
    let first: Actor | null = null;
    for (let i = 0; i < 8; i++) {
      const name = `Pupil ${(i * 5) % 8}`;
      const joined = await makeStudent(h.db, klass.joinCode, name, `203.0.113.${i + 1}`);
      first ??= joined.actor;
      pupils.push(name);
    }
    expect(must(await getClass(teacher, klass.id, h.db)).students.map((s) => s.displayName)).toEqual(pupils);

    const [assignment] = must(
      await createAssignments(
        teacher,
        {
          classId: klass.id,
          lessonSlugs: [LESSON],
          opensAt: null,
          dueAt: null,
          releasePolicy: 'manual',
          allowResubmit: false,
        },
        h.db,
      ),
    );
    if (!assignment || !first) throw new Error('no assignment');
    const submission = must(
      await submitExercise(
        first,
        {
          clientId: 'client-order-0001',
          assignmentId: assignment.id,
          exerciseId: EXERCISE,
          answers: [],
          articleSha256: SHA,
          score: score(toScoringKey(exerciseKey(found.exercise)), []),
        },
        h.db,
      ),
    );
    const bodies = Array.from({ length: ROWS }, (_, i) => `Comment ${i + 1}`);
    for (const body of bodies) must(await addComment(teacher, submission.id, { body }, h.db));
    expect(must(await listComments(teacher, submission.id, h.db)).map((c) => c.body)).toEqual(bodies);

    const explanations: string[] = [];
    for (let i = 0; i < 6; i++) {
      // Distinct one-word spans near the start of the exercise's text.
      const at = TEXT.indexOf(' ', FROM + 20 + i * 40) + 1;
      const end = TEXT.indexOf(' ', at);
      const explanation = `Addition number ${i + 1} for this class.`;
      must(
        await acceptExtra(
          teacher,
          assignment.id,
          EXERCISE,
          { label: 'sourcing', start: at, end, optional: true, explanation },
          h.db,
        ),
      );
      explanations.push(explanation);
    }
    const added = (await classKeyItems(h.db, assignment.id, EXERCISE)).filter((k) => k.source === 'class');
    expect(added.map((k) => k.explanation)).toEqual(explanations);
  });
});
