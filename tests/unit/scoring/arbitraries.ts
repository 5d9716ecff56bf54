// fast-check generators for the scoring property tests: keys shaped like real ones (no
// two items of one label overlap, as the key loader enforces) and free-form answers.
import fc from 'fast-check';
import type { AnswerSpan, ScoringKeyItem } from '../../../lib/scoring';
import { LABELS, type Label } from '../../../lib/validation/labels';

/** Length of the synthetic text: long enough for a few dozen spans to overlap or not. */
export const TEXT_LENGTH = 400;

const label = fc.constantFrom(...LABELS);

/** Sizes for the generators: small by default; larger ones reach the engine's search paths. */
export type Scale = { textLength: number; keyItems: number; answers: number };
const SMALL: Scale = { textLength: TEXT_LENGTH, keyItems: 20, answers: 30 };

/** A key: items of one label never overlap; items of different labels may; some optional, some with `accept`. */
export const keyArb: fc.Arbitrary<ScoringKeyItem[]> = keyArbOf(SMALL);

export function keyArbOf({ textLength, keyItems }: Scale): fc.Arbitrary<ScoringKeyItem[]> {
  return fc
    .array(
      fc.record({
        label,
        start: fc.nat(textLength - 1),
        size: fc.integer({ min: 1, max: 60 }),
        optional: fc.boolean(),
        accept: fc.subarray([...LABELS]),
      }),
      { maxLength: keyItems },
    )
    .map((drafts) => {
      const items: ScoringKeyItem[] = [];
      for (const d of drafts) {
        const end = Math.min(textLength, d.start + d.size);
        const clash = items.some((i) => i.label === d.label && i.start < end && d.start < i.end);
        if (clash) continue;
        const accept = d.accept.filter((l: Label) => l !== d.label);
        items.push({
          id: `${d.label}-${d.start}-${end}`,
          label: d.label,
          start: d.start,
          end,
          ...(d.optional ? { optional: true } : {}),
          ...(accept.length > 0 ? { accept } : {}),
        });
      }
      return items;
    });
}

/** Student spans anywhere in the text, of any label, overlapping or not. */
export const answersArb: fc.Arbitrary<AnswerSpan[]> = answersArbOf(SMALL);

export function answersArbOf({ textLength, answers }: Scale): fc.Arbitrary<AnswerSpan[]> {
  return fc
    .array(fc.record({ label, start: fc.nat(textLength - 1), size: fc.integer({ min: 1, max: 80 }) }), {
      maxLength: answers,
    })
    .map((drafts) =>
      drafts.map(({ label: l, start, size }) => ({ label: l, start, end: Math.min(textLength, start + size) })),
    );
}
