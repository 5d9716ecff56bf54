import { describe, expect, it } from 'vitest';
import { listArticles } from '@/lib/content/articles';
import { getKey } from '@/lib/content/keys';
import { AnswersSchema } from '@/lib/validation/answer';
import { SaveDraftSchema } from '@/lib/validation/classroom-exercise';
import { MAX_SPANS } from '@/lib/validation/limits';
import { SubmitExerciseSchema } from '@/lib/validation/submission';

/** An answer may be this many times the biggest key: room for extras beside every key item. */
const ROOM = 1.5;

describe('MAX_SPANS', () => {
  it(`admits an answer ${ROOM} times as large as every article's whole key`, () => {
    const sizes = listArticles().map((a) => getKey(a.slug)?.items.length ?? 0);
    expect(Math.max(...sizes)).toBeGreaterThan(0);
    for (const size of sizes) expect(size * ROOM).toBeLessThanOrEqual(MAX_SPANS);
  });

  it('is the one limit of the score path, a submission and a class draft', () => {
    const span = { label: 'sourcing', start: 0, end: 1 } as const;
    const spans = (n: number) => Array.from({ length: n }, (_, i) => ({ ...span, id: `s${i}` }));
    const submit = (n: number) =>
      SubmitExerciseSchema.safeParse({
        exerciseId: 'x',
        clientId: '0b9b1d3e-5d2a-4b8a-9f3e-2a6c1d7e8f90',
        answers: spans(n).map(({ id: _, ...s }) => s),
      }).success;
    const draft = (n: number) => SaveDraftSchema.safeParse({ exerciseId: 'x', answers: spans(n) }).success;
    const answers = (n: number) => AnswersSchema.safeParse(spans(n)).success;
    for (const accepts of [submit, draft, answers]) {
      expect(accepts(MAX_SPANS)).toBe(true);
      expect(accepts(MAX_SPANS + 1)).toBe(false);
    }
  });
});
