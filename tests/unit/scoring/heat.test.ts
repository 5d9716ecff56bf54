// The class heatmap by whole words (lib/scoring/heat.ts): the shade of every word equals the
// share of students who labeled it, counted here directly from their answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heatLevel } from '../../../components/review/heat-data';
import { isWordChar } from '../../../lib/annotation/words';
import { getArticle } from '../../../lib/content/articles';
import type { AnswerSpan } from '../../../lib/scoring';
import { heatStretches, mostLabeled, wordsIn } from '../../../lib/scoring/heat';
import { LABELS, type Label } from '../../../lib/validation/labels';

const TEXT =
  'Iran’s envoy said on Monday that the anti-Iran group, which he called “a cult”, ' +
  'had no support at home. Reports said the talks would go on.\n\nA spokesman declined to comment.';
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

const spanArb = fc
  .record({
    label: fc.constantFrom(...LABELS),
    a: fc.integer({ min: 0, max: TEXT.length }),
    b: fc.integer({ min: 0, max: TEXT.length }),
  })
  .filter(({ a, b }) => a !== b)
  .map(({ label, a, b }): AnswerSpan => ({ label, start: Math.min(a, b), end: Math.max(a, b) }));
const classArb = fc.array(fc.array(spanArb, { maxLength: 6 }), { minLength: 1, maxLength: 12 });
const keyArb = fc.array(spanArb, { maxLength: 4 }).map((spans) => spans.map((s, i) => ({ ...s, id: `k${i}` })));

describe('heatmap by whole words', () => {
  it('shades each word by the share of students who labeled it, per label and for any label', () => {
    fc.assert(
      fc.property(classArb, keyArb, fc.constantFrom<Label | null>(null, ...LABELS), (students, key, label) => {
        const stretches = heatStretches(students, key, TEXT, 0, TEXT.length);
        for (const word of wordsIn(TEXT, 0, TEXT.length)) {
          const direct = (l: Label | null) =>
            students.filter((answers) => answers.some((s) => (l === null || s.label === l) && overlaps(s, word)))
              .length;
          const keyed = key.filter((k) => overlaps(k, word)).map((k) => k.id);
          const stretch = stretches.find((s) => s.start <= word.start && word.end <= s.end);
          if (direct(null) === 0 && keyed.length === 0) {
            expect(stretch).toBeUndefined();
            continue;
          }
          expect(stretch, `"${TEXT.slice(word.start, word.end)}" lies in a stretch`).toBeDefined();
          if (!stretch) continue;
          for (const l of LABELS) expect(stretch.counts[l]).toBe(direct(l));
          expect(stretch.any).toBe(direct(null));
          expect(stretch.keyItemIds).toEqual(keyed);
          const count = label ? stretch.counts[label] : stretch.any;
          expect(heatLevel(count, students.length)).toBe(
            direct(label) === 0 ? 0 : Math.ceil((direct(label) / students.length) * 5),
          );
        }
      }),
    );
  });

  it('stretches are whole words in text order, joined only where the same students labeled them', () => {
    fc.assert(
      fc.property(classArb, keyArb, (students, key) => {
        const stretches = heatStretches(students, key, TEXT, 0, TEXT.length);
        let previous = -1;
        for (const s of stretches) {
          expect(s.start).toBeGreaterThan(previous);
          previous = s.end;
          expect(isWordChar(TEXT[s.start])).toBe(true);
          expect(isWordChar(TEXT[s.end - 1])).toBe(true);
          expect(isWordChar(TEXT[s.start - 1])).toBe(false);
          expect(isWordChar(TEXT[s.end])).toBe(false);
          // Every word of a stretch has the same students per label as its first word.
          const who = (w: { start: number; end: number }) =>
            LABELS.map((l) =>
              students
                .map((answers, i) => (answers.some((a) => a.label === l && overlaps(a, w)) ? i : -1))
                .filter((i) => i >= 0)
                .join(),
            ).join('|');
          const words = wordsIn(TEXT, s.start, s.end);
          for (const w of words) expect(who(w)).toBe(who(words[0] as { start: number; end: number }));
        }
      }),
    );
  });

  it('the most-labeled list on a real article has no fragment shorter than a word', () => {
    const text = getArticle('un-envoy-us-cooperation')?.text ?? '';
    expect(text.length).toBeGreaterThan(1000);
    // Spans cut at arbitrary characters, as careless data would be: the stretches still snap to words.
    const students = Array.from({ length: 9 }, (_, i) => [
      { label: 'sourcing' as const, start: 101 + i * 7, end: 163 + i * 5 },
      { label: 'loaded-language' as const, start: 300 + i, end: 331 - i },
    ]);
    const top = mostLabeled(heatStretches(students, [], text, 0, text.length), null, 15);
    expect(top.length).toBeGreaterThan(3);
    for (const s of top) {
      const quote = text.slice(s.start, s.end);
      expect(wordsIn(text, s.start, s.end).length).toBeGreaterThan(0);
      expect(isWordChar(text[s.start - 1]) || isWordChar(text[s.end])).toBe(false);
      expect(quote.trim()).toBe(quote);
    }
  });
});
