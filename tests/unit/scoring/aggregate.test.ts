// aggregate: the class view over many students' results on one key.
import { describe, expect, it } from 'vitest';
import { aggregate, ClassAggregator, type ScoringKeyItem, score } from '../../../lib/scoring';

const key: ScoringKeyItem[] = [
  { id: 'said', label: 'sourcing', start: 0, end: 10 },
  { id: 'despot', label: 'loaded-language', start: 20, end: 26 },
  { id: 'claim', label: 'unverifiable-claim', start: 30, end: 60, accept: ['sourcing'] },
];

describe('aggregate', () => {
  it('averages figures per label and overall, and counts each item per student', () => {
    const perfect = score(key, [
      { label: 'sourcing', start: 0, end: 10 },
      { label: 'loaded-language', start: 20, end: 26 },
      { label: 'unverifiable-claim', start: 30, end: 60 },
    ]);
    // Second student: sourcing exact, the despot labeled as a claim, the claim as sourcing (accepted).
    const mixed = score(key, [
      { label: 'sourcing', start: 0, end: 10 },
      { label: 'unverifiable-claim', start: 20, end: 26 },
      { label: 'sourcing', start: 30, end: 60 },
    ]);
    const nothing = score(key, []);
    const summary = aggregate([perfect, mixed, nothing]);

    expect(summary.students).toBe(3);
    // sourcing: 1, then P = (1 + 1)/2 = 1 and R = 1, then 0: means 2/3.
    expect(summary.perLabel.sourcing).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, students: 3 });
    // loaded-language: 1, then 0 (no span of that label, the item only wrongly labeled), then 0.
    expect(summary.perLabel['loaded-language']).toEqual({ precision: 1 / 3, recall: 1 / 3, f1: 1 / 3, students: 3 });
    const meanOverallP = (perfect.overall.precision + mixed.overall.precision + nothing.overall.precision) / 3;
    expect(summary.overall.precision).toBeCloseTo(meanOverallP, 12);
    expect(summary.items).toEqual({
      said: { found: 2, wrongLabel: 0, missed: 1 },
      despot: { found: 1, wrongLabel: 1, missed: 1 },
      claim: { found: 2, wrongLabel: 0, missed: 1 },
    });
  });

  it('counts a label only over the students in whose result it is scored', () => {
    const onlySourcing: ScoringKeyItem[] = [{ id: 's', label: 'sourcing', start: 0, end: 10 }];
    const a = score(onlySourcing, [{ label: 'sourcing', start: 0, end: 10 }]);
    const b = score(onlySourcing, [{ label: 'loaded-language', start: 40, end: 50 }]);
    const summary = aggregate([a, b]);
    expect(summary.perLabel['loaded-language']).toEqual({ precision: 0, recall: 0, f1: 0, students: 1 });
    expect(summary.perLabel.sourcing).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, students: 2 });
  });

  it('gives zeros for an empty class', () => {
    expect(aggregate([])).toEqual({
      students: 0,
      perLabel: {},
      overall: { precision: 0, recall: 0, f1: 0, students: 0 },
      items: {},
    });
  });

  it('folds results one at a time to the same summary, and a summary is a snapshot', () => {
    const results = [
      score(key, [{ label: 'sourcing', start: 0, end: 10 }]),
      score(key, [{ label: 'loaded-language', start: 18, end: 30 }]),
    ];
    const aggregator = new ClassAggregator();
    aggregator.add(results[0] as (typeof results)[number]);
    const early = aggregator.summary();
    aggregator.add(results[1] as (typeof results)[number]);
    expect(aggregator.summary()).toEqual(aggregate(results));
    expect(early.students).toBe(1);
    expect(early.items.despot).toEqual({ found: 0, wrongLabel: 0, missed: 1 });
  });
});
