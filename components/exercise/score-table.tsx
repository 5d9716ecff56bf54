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

/**
 * Per-label and overall figures for a student, in plain words and always with the counts
 * behind them: key items found, labels that match the key, extra labels, and one combined
 * score (F1; the instructor's review names precision, recall and F1).
 */
export function ScoreTable({ result, labels, answers, keyItems }: Props) {
  const rows = labels.filter((l) => result.perLabel[l]);
  const matching = new Map(rows.map((l) => [l, labelsMatchingKey(answers, keyItems, l)]));
  const sum = (f: (l: Label) => number) => rows.reduce((n, l) => n + f(l), 0);
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Scores by label">
        <table className="score-table">
          <caption>How your labels compare with the key</caption>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Key items you found</th>
              <th scope="col">Your labels that match the key</th>
              <th scope="col">Extra labels</th>
              <th scope="col">Combined score</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((label) => {
              const s = result.perLabel[label];
              if (!s) return null;
              return (
                <tr key={label}>
                  <th scope="row">{LABEL_NAMES[label]}</th>
                  <td>
                    {s.found} of {s.keyItems}
                  </td>
                  <td>
                    {matching.get(label) ?? 0} of {s.answered}
                  </td>
                  <td>{s.extra}</td>
                  <td>{pct(s.f1)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All labels</th>
              <td>
                {sum((l) => result.perLabel[l]?.found ?? 0)} of {sum((l) => result.perLabel[l]?.keyItems ?? 0)}
              </td>
              <td>
                {sum((l) => matching.get(l) ?? 0)} of {sum((l) => result.perLabel[l]?.answered ?? 0)}
              </td>
              <td>{sum((l) => result.perLabel[l]?.extra ?? 0)}</td>
              <td>{pct(result.overall.f1)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="score-note">
        The combined score is high only when both are high: finding the key’s items and keeping your labels on them.
        Labeling everything finds a lot but matches little; labeling very little matches well but finds little.
      </p>
    </>
  );
}
