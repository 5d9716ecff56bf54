import { FiguresTable } from '@/components/figures/figures-table';
import type { ScoreResult } from '@/lib/scoring/types';
import type { KeyItemView } from '@/lib/validation/exercise-contract';
import type { SubmittedSpan } from '@/lib/validation/submission';
import type { Label } from '@/lib/validation/vocabulary';
import { LABEL_NAMES } from './label-meta';
import { labelsMatchingKey } from './plain-figures';

const pct = (x: number) => `${Math.round(x * 100)}%`;

type Props = {
  result: ScoreResult;
  labels: readonly Label[];
  answers: readonly SubmittedSpan[];
  keyItems: readonly KeyItemView[];
};

/** A row's counts, in the words a student reads. */
type Counts = { found: number; keyItems: number; matching: number; answered: number; extra: number; f1: number };

const COLUMNS = [
  { header: 'Key items you found', cell: (c: Counts) => `${c.found} of ${c.keyItems}` },
  { header: 'Your labels that match the key', cell: (c: Counts) => `${c.matching} of ${c.answered}` },
  { header: 'Extra labels', cell: (c: Counts) => c.extra },
  { header: 'Combined score', cell: (c: Counts) => pct(c.f1) },
];

/**
 * Per-label and overall figures for a student, in plain words and always with the counts
 * behind them: key items found, labels that match the key, extra labels, and one combined
 * score (F1; the instructor's review names precision, recall and F1).
 */
export function ScoreTable({ result, labels, answers, keyItems }: Props) {
  const rows = labels.flatMap((label) => {
    const s = result.perLabel[label];
    if (!s) return [];
    const value = { ...s, matching: labelsMatchingKey(answers, keyItems, label) };
    return [{ key: label, heading: LABEL_NAMES[label], value }];
  });
  const sum = (f: (c: Counts) => number) => rows.reduce((n, r) => n + f(r.value), 0);
  const total: Counts = {
    found: sum((c) => c.found),
    keyItems: sum((c) => c.keyItems),
    matching: sum((c) => c.matching),
    answered: sum((c) => c.answered),
    extra: sum((c) => c.extra),
    f1: result.overall.f1,
  };
  return (
    <>
      <FiguresTable
        caption="How your labels compare with the key"
        className="score-table"
        region="Scores by label"
        landmark
        columns={COLUMNS}
        rows={rows}
        total={{ key: 'all', heading: 'All labels', value: total }}
      />
      <p className="score-note">
        The combined score is high only when both are high: finding the key’s items and keeping your labels on them.
        Labeling everything finds a lot but matches little; labeling very little matches well but finds little. A label
        that covers only part of a key item, or runs well past it, earns part of the credit, so the combined score can
        be a little lower than the counts alone suggest.
      </p>
    </>
  );
}
