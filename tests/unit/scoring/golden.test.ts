// Hand-made golden cases in tests/fixtures/scoring/*.json: short text, key, answers, and
// figures and feedback worked out by hand (each file's "why" shows the arithmetic).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AnswerSpan, type ItemFeedback, type LabelScore, type ScoringKeyItem, score } from '../../../lib/scoring';
import type { Label } from '../../../lib/validation/labels';

const TOLERANCE = 1e-9;
const dir = path.resolve(__dirname, '../../fixtures/scoring');

type Golden = {
  name: string;
  why: string[];
  text: string;
  key: (ScoringKeyItem & { quote: string })[];
  answers: (AnswerSpan & { quote: string })[];
  expected: {
    perLabel: Partial<Record<Label, LabelScore>>;
    overall: { precision: number; recall: number; f1: number };
    items: ItemFeedback[];
  };
};

const goldens = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Golden);

describe('golden scoring fixtures', () => {
  it('has at least four hand-made cases', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(4);
  });

  describe.each(goldens.map((g) => [g.name, g] as const))('%s', (_name, golden) => {
    const key = golden.key.map(({ quote: _quote, ...item }) => item);
    const answers = golden.answers.map(({ label, start, end }) => ({ label, start, end }));
    const result = score(key, answers);

    it('quotes match the text at their offsets', () => {
      for (const span of [...golden.key, ...golden.answers])
        expect(golden.text.slice(span.start, span.end)).toBe(span.quote);
    });

    it('per-label figures and counts', () => {
      expect(Object.keys(result.perLabel).sort()).toEqual(Object.keys(golden.expected.perLabel).sort());
      for (const [label, expected] of Object.entries(golden.expected.perLabel)) {
        const actual = result.perLabel[label as Label] as LabelScore;
        for (const f of ['precision', 'recall', 'f1'] as const) {
          expect(Math.abs(actual[f] - expected[f]), `${label} ${f}`).toBeLessThanOrEqual(TOLERANCE);
        }
        const { answered, keyItems, found, missed, extra } = actual;
        expect({ answered, keyItems, found, missed, extra }, label).toEqual({
          answered: expected.answered,
          keyItems: expected.keyItems,
          found: expected.found,
          missed: expected.missed,
          extra: expected.extra,
        });
      }
    });

    it('overall figures', () => {
      for (const f of ['precision', 'recall', 'f1'] as const) {
        expect(Math.abs(result.overall[f] - golden.expected.overall[f])).toBeLessThanOrEqual(TOLERANCE);
      }
    });

    it('feedback items', () => {
      expect(result.items).toEqual(golden.expected.items);
    });
  });
});
