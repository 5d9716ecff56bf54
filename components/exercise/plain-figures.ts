import type { KeyItemView } from '@/lib/validation/exercise-contract';
import type { SubmittedSpan } from '@/lib/validation/submission';
import type { Label } from '@/lib/validation/vocabulary';

type Range = { start: number; end: number };

/** The student's spans of one label, overlapping ones merged, as the scoring engine merges them. */
function merged(answers: readonly SubmittedSpan[], label: Label): Range[] {
  const spans = answers.filter((a) => a.label === label).sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

const accepts = (item: KeyItemView, label: Label) => item.label === label || item.accept.includes(label);
const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;

/**
 * How many of the student's labels of `label` match the key: merged spans that overlap a core
 * key item of that label or one whose `accept` lists it, so they earn credit (labeling guide,
 * Scoring). The count behind precision, in words a student reads.
 */
export function labelsMatchingKey(
  answers: readonly SubmittedSpan[],
  key: readonly KeyItemView[],
  label: Label,
): number {
  const core = key.filter((k) => !k.optional && accepts(k, label));
  return merged(answers, label).filter((s) => core.some((k) => overlaps(s, k))).length;
}
