// The engine (columns, sweeps, reused tables) against a literal transcription of the
// guide's formula (reference.ts), on random keys and answers of several sizes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareKey, score } from '../../../lib/scoring';
import { answersArbOf, keyArbOf, type Scale } from './arbitraries';
import { referenceScore } from './reference';

const TOLERANCE = 1e-12;
const SCALES: [string, Scale][] = [
  ['small and dense', { textLength: 120, keyItems: 15, answers: 25 }],
  ['long text, many spans', { textLength: 4000, keyItems: 150, answers: 200 }],
];

describe.each(SCALES)('engine equals the reference formula (%s)', (_name, scale) => {
  it('figures, item status and extras', () => {
    fc.assert(
      fc.property(keyArbOf(scale), answersArbOf(scale), (key, answers) => {
        const actual = score(key, answers);
        const expected = referenceScore(key, answers);
        expect(Object.keys(actual.perLabel).sort()).toEqual(Object.keys(expected.perLabel).sort());
        for (const [label, figures] of Object.entries(expected.perLabel)) {
          const mine = actual.perLabel[label as keyof typeof actual.perLabel];
          for (const f of ['precision', 'recall', 'f1'] as const)
            expect(Math.abs((mine?.[f] ?? Number.NaN) - figures[f])).toBeLessThanOrEqual(TOLERANCE);
        }
        for (const f of ['precision', 'recall', 'f1'] as const)
          expect(Math.abs(actual.overall[f] - expected.overall[f])).toBeLessThanOrEqual(TOLERANCE);
        for (const item of actual.items)
          if (item.type === 'key') expect(item.status, item.id).toBe(expected.status.get(item.id));
        expect(actual.items.flatMap((i) => (i.type === 'extra' ? [i.answer] : [])).sort((a, b) => a - b)).toEqual(
          expected.extras,
        );
      }),
      { numRuns: 150 },
    );
  });
});

it('a prepared key scores like the plain key, call after call', () => {
  const scale = SCALES[1]?.[1] as Scale;
  fc.assert(
    fc.property(keyArbOf(scale), fc.array(answersArbOf(scale), { minLength: 2, maxLength: 4 }), (key, submissions) => {
      const prepared = prepareKey(key);
      for (const answers of submissions) expect(score(prepared, answers)).toEqual(score(key, answers));
    }),
    { numRuns: 50 },
  );
});
