import type { ScoreResult } from '@/lib/scoring/types';
import type { Label } from '@/lib/validation/vocabulary';
import { LABEL_NAMES } from './label-meta';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Per-label and overall figures, always with the counts behind them. */
export function ScoreTable({ result, labels }: { result: ScoreResult; labels: readonly Label[] }) {
  const rows = labels.filter((l) => result.perLabel[l]);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Scores by label">
      <table className="score-table">
        <caption>How your labels compare with the key</caption>
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Key items found</th>
            <th scope="col">Extra labels</th>
            <th scope="col">Precision</th>
            <th scope="col">Recall</th>
            <th scope="col">F1</th>
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
                <td>{s.extra}</td>
                <td>{pct(s.precision)}</td>
                <td>{pct(s.recall)}</td>
                <td>{pct(s.f1)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All labels</th>
            <td>
              {rows.reduce((n, l) => n + (result.perLabel[l]?.found ?? 0), 0)} of{' '}
              {rows.reduce((n, l) => n + (result.perLabel[l]?.keyItems ?? 0), 0)}
            </td>
            <td>{rows.reduce((n, l) => n + (result.perLabel[l]?.extra ?? 0), 0)}</td>
            <td>{pct(result.overall.precision)}</td>
            <td>{pct(result.overall.recall)}</td>
            <td>{pct(result.overall.f1)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
