import { expect, it } from 'vitest';
import { toScoringKey } from '@/lib/content/keys';
import { getExercise } from '@/lib/content/lessons';
import { attributeChoices, score } from '@/lib/scoring';
import type { Actor } from '@/lib/server/actor';
import { getHeatmap } from '@/lib/server/data/review';
import { submitExercise } from '@/lib/server/data/submissions';
import { exerciseKey, keyView } from '@/lib/server/grading';
import { SourceKindSchema } from '@/lib/validation/labels';
import { describeEachEngine } from './db-harness';
import { makeClassAssignment, makeStudent, must } from './fixtures';

const EXERCISE = 'who-says-so-attributions';
const found = getExercise(EXERCISE);
if (!found) throw new Error(`no exercise ${EXERCISE}`);
const items = keyView(found.exercise);
const KEY = toScoringKey(exerciseKey(found.exercise));
const cores = items.filter((k) => !k.optional);
if (!cores[0]?.attribute || !cores[1]?.attribute) throw new Error('the first core items carry a kind');
const [a, b] = cores as [(typeof cores)[0], (typeof cores)[0]];
const KINDS = ['named-person', 'named-organization', 'anonymous', 'vague'];
const other = (kind: string | null | undefined) => KINDS.find((k) => k !== kind) as string;

/** Each student's spans on the first two core items, with the kinds they chose (undefined: none). */
const WORK: Record<string, [string | undefined, string | undefined]> = {
  Ada: [a.attribute ?? undefined, b.attribute ?? undefined],
  Ben: [other(a.attribute), b.attribute ?? undefined],
  Cy: [undefined, other(b.attribute)],
};
const spansOf = (kinds: [string | undefined, string | undefined]) =>
  [a, b].map((k, i) => ({
    label: k.label,
    start: k.start,
    end: k.end,
    ...(kinds[i] === undefined ? {} : { attribute: SourceKindSchema.parse(kinds[i]) }),
  }));

it('attributeChoices reads the kind chosen for each item found with its own label', () => {
  const spans = spansOf(['vague', undefined]);
  const keyAttr = new Map(items.map((k) => [k.id, k.attribute]));
  const choices = attributeChoices(score(KEY, spans), spans, keyAttr);
  expect(choices).toEqual([
    { itemId: a.id, chosen: 'vague', key: a.attribute },
    { itemId: b.id, chosen: null, key: b.attribute },
  ]);
});

describeEachEngine('attribute choices in the review', (h) => {
  it('counts, per key item, the kinds chosen by those who found it, and how many were right, as a direct count', async () => {
    const { teacher, klass, assignment } = await makeClassAssignment(h.db, { className: 'P9' });
    for (const [name, kinds] of Object.entries(WORK)) {
      const { actor } = await makeStudent(h.db, klass.joinCode, name);
      const answers = spansOf(kinds);
      must(
        await submitExercise(
          actor as Actor,
          {
            clientId: `c-${name}-0001`,
            assignmentId: assignment.id,
            exerciseId: EXERCISE,
            answers,
            articleSha256: 'a'.repeat(64),
            score: score(KEY, answers),
          },
          h.db,
        ),
      );
    }
    const map = must(await getHeatmap(teacher, assignment.id, EXERCISE, h.db));
    const expected = (index: 0 | 1) => {
      const counts: Record<string, number> = {};
      for (const kinds of Object.values(WORK)) counts[kinds[index] ?? ''] = (counts[kinds[index] ?? ''] ?? 0) + 1;
      return counts;
    };
    expect(map.keyItems.find((k) => k.id === a.id)?.choices).toEqual(expected(0));
    expect(map.keyItems.find((k) => k.id === b.id)?.choices).toEqual(expected(1));
    const right = Object.values(WORK).reduce(
      (n, kinds) => n + Number(kinds[0] === a.attribute) + Number(kinds[1] === b.attribute),
      0,
    );
    expect(map.attributesRight).toEqual({ right, of: 6 });
  });
});
