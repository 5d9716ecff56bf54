// Rules of the engine the vectors do not pin down, each with the reason it holds.
import { describe, expect, it } from 'vitest';
import { type AnswerSpan, fitOf, type ScoringKeyItem, score } from '../../../lib/scoring';

const item = (
  id: string,
  label: ScoringKeyItem['label'],
  start: number,
  end: number,
  extra: Partial<ScoringKeyItem> = {},
): ScoringKeyItem => ({
  id,
  label,
  start,
  end,
  ...extra,
});

describe('merging', () => {
  it('merges same-label spans that share a character, not ones that only touch', () => {
    const key = [item('a', 'sourcing', 0, 10)];
    // Touching: [0,5) and [5,10) stay two spans, each fully inside the item.
    const touching = score(key, [
      { label: 'sourcing', start: 0, end: 5 },
      { label: 'sourcing', start: 5, end: 10 },
    ]);
    expect(touching.perLabel.sourcing).toMatchObject({ precision: 1, recall: 1, answered: 2 });
    // Overlapping: [0,6) and [4,12) merge into [0,12): precision 10/12.
    const overlapping = score(key, [
      { label: 'sourcing', start: 0, end: 6 },
      { label: 'sourcing', start: 4, end: 12 },
    ]);
    expect(overlapping.perLabel.sourcing).toMatchObject({ precision: 10 / 12, recall: 1, answered: 1 });
  });

  it('never merges spans of different labels', () => {
    const key = [item('a', 'sourcing', 0, 10)];
    const result = score(key, [
      { label: 'sourcing', start: 0, end: 10 },
      { label: 'loaded-language', start: 0, end: 10 },
    ]);
    expect(result.perLabel.sourcing).toMatchObject({ precision: 1, answered: 1 });
    expect(result.perLabel['loaded-language']).toMatchObject({ precision: 0, answered: 1, keyItems: 0 });
  });
});

describe('optional items', () => {
  const key = [item('core', 'loaded-language', 0, 10), item('repeat', 'loaded-language', 10, 20, { optional: true })];

  it('excuse a span before merging, so labeling one never dilutes a neighbouring span', () => {
    // [5,15) earns 5/10. [10,20) sits on the optional item and earns nothing: left out of S
    // before merging. Merged first, [5,20) would earn only 5/15.
    const alone = score(key, [{ label: 'loaded-language', start: 5, end: 15 }]);
    const withOptional = score(key, [
      { label: 'loaded-language', start: 5, end: 15 },
      { label: 'loaded-language', start: 10, end: 20 },
    ]);
    expect(alone.perLabel['loaded-language']).toMatchObject({ precision: 0.5, recall: 0.5 });
    expect(withOptional.perLabel).toEqual(alone.perLabel);
    expect(withOptional.items).toContainEqual({
      type: 'optional',
      id: 'repeat',
      label: 'loaded-language',
      start: 10,
      end: 20,
      answers: [0, 1],
    });
  });

  it('do not excuse a span of another label, and show it beside the item it costs on', () => {
    const result = score(key, [{ label: 'sourcing', start: 10, end: 20 }]);
    expect(result.perLabel.sourcing).toMatchObject({ answered: 1, precision: 0, extra: 0 });
    // It is not extra (it overlaps the key), so the optional item carries it: the student
    // sees every span that costs a point.
    expect(result.items.filter((f) => f.type === 'optional')).toEqual([
      { type: 'optional', id: 'repeat', label: 'loaded-language', start: 10, end: 20, answers: [], otherwise: [0] },
    ]);
  });

  it('leave a span of another label to the core item it also overlaps', () => {
    const result = score(key, [
      { label: 'sourcing', start: 8, end: 12 },
      { label: 'loaded-language', start: 12, end: 14 },
    ]);
    // [8,12) touches the core item, which shows it as labeled otherwise; [12,14) is excused.
    expect(result.items.find((f) => f.type === 'key')).toMatchObject({ status: 'wrong-label', answers: [0] });
    expect(result.items.find((f) => f.type === 'optional')).toEqual({
      type: 'optional',
      id: 'repeat',
      label: 'loaded-language',
      start: 10,
      end: 20,
      answers: [1],
    });
  });

  it('excuse a span whose label the optional item accepts', () => {
    const accepting = [item('repeat', 'loaded-language', 10, 20, { optional: true, accept: ['unverifiable-claim'] })];
    const result = score(accepting, [{ label: 'unverifiable-claim', start: 12, end: 18 }]);
    expect(result.perLabel).toEqual({});
    expect(result.overall).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('degenerate input', () => {
  it('ignores spans holding no character instead of dividing by zero', () => {
    const key = [item('a', 'sourcing', 0, 10)];
    const spans: AnswerSpan[] = [
      { label: 'sourcing', start: 0, end: 10 },
      { label: 'sourcing', start: 4, end: 4 },
    ];
    expect(score(key, spans).perLabel.sourcing).toMatchObject({ precision: 1, recall: 1, answered: 1 });
  });

  it('scores an empty key and no answers as nothing at all', () => {
    expect(score([], [])).toEqual({ perLabel: {}, overall: { precision: 0, recall: 0, f1: 0 }, items: [] });
  });

  it('does not change its inputs', () => {
    const key = Object.freeze([Object.freeze(item('a', 'sourcing', 0, 10))]);
    const answers = Object.freeze([Object.freeze({ label: 'sourcing' as const, start: 2, end: 8 })]);
    expect(() => score(key, answers)).not.toThrow();
  });
});

describe('recall cap', () => {
  it('credits a key item at most 1 even when spans of two acceptable labels cover it', () => {
    const key = [item('claim', 'unverifiable-claim', 0, 10, { accept: ['sourcing'] })];
    const result = score(key, [
      { label: 'unverifiable-claim', start: 0, end: 10 },
      { label: 'sourcing', start: 0, end: 10 },
    ]);
    expect(result.perLabel['unverifiable-claim']?.recall).toBe(1);
  });
});

describe('fitOf', () => {
  it.each([
    [{ start: 0, end: 10 }, { start: 0, end: 10 }, 'good'],
    [{ start: 0, end: 10 }, { start: 0, end: 5 }, 'good'], // overlap 5 is half the span: not under half
    [{ start: 0, end: 11 }, { start: 0, end: 5 }, 'too-wide'],
    [{ start: 0, end: 4 }, { start: 0, end: 10 }, 'too-narrow'],
    [{ start: 0, end: 30 }, { start: 25, end: 40 }, 'too-wide'], // under half of both: the longer span is too wide
    [{ start: 10, end: 16 }, { start: 0, end: 12 }, 'too-narrow'], // under half of both: the shorter span is too narrow
  ] as const)('student %o on key %o is %s', (student, key, fit) => {
    expect(fitOf(student, key)).toBe(fit);
  });
});
