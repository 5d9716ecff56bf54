// Properties the guide's formula promises for any key and any answers (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AnswerSpan,
  type Figures,
  type ItemFeedback,
  type ScoreResult,
  type ScoringKeyItem,
  score,
} from '../../../lib/scoring';
import type { Label } from '../../../lib/validation/labels';
import { answersArb, keyArb } from './arbitraries';

const core = (key: readonly ScoringKeyItem[]) => key.filter((i) => !i.optional);
const coreLabels = (key: readonly ScoringKeyItem[]) => [...new Set(core(key).map((i) => i.label))].sort();
const figuresOf = (r: ScoreResult): Figures[] => [r.overall, ...Object.values(r.perLabel)];
const FIGURES = ['precision', 'recall', 'f1'] as const;

describe('score properties', () => {
  it("answering with the key's core items scores 1 on every label", () => {
    fc.assert(
      fc.property(keyArb, (key) => {
        const answers = core(key).map(({ label, start, end }) => ({ label, start, end }));
        const result = score(key, answers);
        expect(Object.keys(result.perLabel).sort()).toEqual(coreLabels(key));
        for (const figures of Object.values(result.perLabel))
          expect(figures).toMatchObject({ precision: 1, recall: 1, f1: 1 });
        if (answers.length > 0) expect(result.overall).toEqual({ precision: 1, recall: 1, f1: 1 });
      }),
    );
  });

  it('no answers scores 0 on every label and overall', () => {
    fc.assert(
      fc.property(keyArb, (key) => {
        const result = score(key, []);
        expect(Object.keys(result.perLabel).sort()).toEqual(coreLabels(key));
        for (const figures of figuresOf(result)) expect(figures).toMatchObject({ precision: 0, recall: 0, f1: 0 });
      }),
    );
  });

  // The guide excuses a span that earns no credit. An optional item lying inside a core item
  // that accepts its label does earn credit, so it is scored like any span and may lower
  // precision; such optional items are left out here.
  it("adding an optional item's span never lowers any figure", () => {
    fc.assert(
      fc.property(keyArb, answersArb, fc.nat(), (key, answers, pick) => {
        const excusable = key.filter(
          (o) =>
            o.optional && !core(key).some((t) => t.accept?.includes(o.label) && t.start < o.end && o.start < t.end),
        );
        fc.pre(excusable.length > 0);
        const o = excusable[pick % excusable.length] as ScoringKeyItem;
        const before = score(key, answers);
        const after = score(key, [...answers, { label: o.label, start: o.start, end: o.end }]);
        for (const f of FIGURES) expect(after.overall[f]).toBeGreaterThanOrEqual(before.overall[f]);
        for (const [label, figures] of Object.entries(before.perLabel)) {
          for (const f of FIGURES) expect(after.perLabel[label as Label]?.[f]).toBeGreaterThanOrEqual(figures[f]);
        }
      }),
    );
  });

  // The guide: scores are never shown without the items behind them. Every span that holds a
  // character is named by some feedback item (a key item, an optional one, or an extra), so
  // no span can cost a point without the student seeing where.
  it('every answer appears in the feedback', () => {
    fc.assert(
      fc.property(keyArb, answersArb, (key, answers) => {
        const named = new Set<number>();
        for (const f of score(key, answers).items) {
          if (f.type === 'extra') named.add(f.answer);
          else for (const i of [...f.answers, ...(f.type === 'optional' ? (f.otherwise ?? []) : [])]) named.add(i);
        }
        answers.forEach((a, i) => {
          if (a.end > a.start) expect(named.has(i), `answer ${i} ${JSON.stringify(a)}`).toBe(true);
        });
      }),
    );
  });

  it('the order of spans never matters', () => {
    const withOrder = answersArb.chain((answers) =>
      fc.tuple(
        fc.constant(answers),
        fc.shuffledSubarray(
          answers.map((_, i) => i),
          { minLength: answers.length, maxLength: answers.length },
        ),
      ),
    );
    fc.assert(
      fc.property(keyArb, withOrder, (key, [answers, order]) => {
        const shuffled: AnswerSpan[] = order.map((i) => answers[i] as AnswerSpan);
        const a = score(key, answers);
        const b = score(key, shuffled);
        expect(b.perLabel).toEqual(a.perLabel);
        expect(b.overall).toEqual(a.overall);
        // Feedback names answers by index: map the shuffled indexes back before comparing.
        const back = (i: number) => order[i] as number;
        const canonical = (items: ItemFeedback[], map: (i: number) => number) =>
          items
            .map((f) =>
              f.type === 'extra'
                ? { ...f, answer: map(f.answer) }
                : f.type === 'optional' && f.otherwise
                  ? {
                      ...f,
                      answers: f.answers.map(map).sort((x, y) => x - y),
                      otherwise: f.otherwise.map(map).sort((x, y) => x - y),
                    }
                  : { ...f, answers: f.answers.map(map).sort((x, y) => x - y) },
            )
            .map((f) => JSON.stringify(f))
            .sort();
        expect(canonical(b.items, back)).toEqual(canonical(a.items, (i) => i));
      }),
    );
  });

  it('every figure stays within [0, 1] and the counts add up', () => {
    fc.assert(
      fc.property(keyArb, answersArb, (key, answers) => {
        const result = score(key, answers);
        for (const figures of figuresOf(result)) {
          for (const f of FIGURES) {
            expect(figures[f]).toBeGreaterThanOrEqual(0);
            expect(figures[f]).toBeLessThanOrEqual(1);
          }
        }
        for (const s of Object.values(result.perLabel)) {
          expect(s.found + s.missed).toBe(s.keyItems);
          expect(s.extra).toBeLessThanOrEqual(s.answered);
        }
      }),
    );
  });
});
