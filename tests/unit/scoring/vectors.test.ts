// Every worked case of tests/fixtures/scoring-vectors.json, computed by an independent
// implementation of the guide's formula: figures must agree to 1e-9.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../lib/annotation/text';
import { type AnswerSpan, type Figures, type ScoringKeyItem, score } from '../../../lib/scoring';
import type { Label } from '../../../lib/validation/labels';

const TOLERANCE = 1e-9;
const root = path.resolve(__dirname, '../../..');

type Vectors = {
  seed: string;
  key: (Omit<ScoringKeyItem, 'id'> & { quote: string })[];
  cases: {
    name: string;
    answers: AnswerSpan[];
    expected: { perLabel: Partial<Record<Label, Figures>>; overall: Figures };
  }[];
};

const vectors = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/scoring-vectors.json'), 'utf8')) as Vectors;
const key: ScoringKeyItem[] = vectors.key.map(({ quote: _quote, ...item }, i) => ({ id: `vector-${i}`, ...item }));

function expectFigures(actual: Figures | undefined, expected: Figures, where: string) {
  expect(actual, where).toBeDefined();
  for (const f of ['precision', 'recall', 'f1'] as const) {
    expect(
      Math.abs((actual as Figures)[f] - expected[f]),
      `${where} ${f}: ${(actual as Figures)[f]} vs ${expected[f]}`,
    ).toBeLessThanOrEqual(TOLERANCE);
  }
}

describe('scoring vectors', () => {
  it('anchor their key items on the seed text', () => {
    const text = normalizeText(readFileSync(path.join(root, 'seeds', vectors.seed), 'utf8'));
    for (const item of vectors.key) expect(text.slice(item.start, item.end)).toBe(item.quote);
  });

  it.each(vectors.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = score(key, c.answers);
    expect(Object.keys(result.perLabel).sort()).toEqual(Object.keys(c.expected.perLabel).sort());
    for (const [label, figures] of Object.entries(c.expected.perLabel)) {
      expectFigures(result.perLabel[label as Label], figures, label);
    }
    expectFigures(result.overall, c.expected.overall, 'overall');
  });
});
