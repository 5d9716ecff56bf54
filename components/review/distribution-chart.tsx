import { LABEL_NAMES, type Label } from '@/lib/validation/labels';

type Props = {
  /** Per label (and overall), students per F1 tenth. */
  distribution: Partial<Record<Label | 'overall', number[]>>;
  labels: Label[];
};

function range(bin: number, bins: number): string {
  const from = Math.round((bin / bins) * 100);
  const to = Math.round(((bin + 1) / bins) * 100);
  return bin === bins - 1 ? `${from}–${to}%` : `${from}–${to - 1}%`;
}

/**
 * F1 distributions as bar charts built from tables: each row is one bin with its count in
 * words and a bar whose length shows it, so the table itself is the text alternative.
 */
export function DistributionChart({ distribution, labels }: Props) {
  const groups = [...labels, 'overall' as const].filter((g) => distribution[g]);
  if (groups.length === 0) return <p>No submissions yet.</p>;
  return (
    <div className="distribution-grid">
      {groups.map((g) => {
        const bins = distribution[g] ?? [];
        const max = Math.max(1, ...bins);
        return (
          <table key={g} className="distribution">
            <caption>{`${g === 'overall' ? 'Overall' : LABEL_NAMES[g]}: students by F1`}</caption>
            <thead>
              <tr>
                <th scope="col">F1</th>
                <th scope="col">Students</th>
                <th scope="col">
                  <span className="sr-only">Bar</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {bins.map((count, bin) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: bins are fixed positions
                <tr key={bin}>
                  <th scope="row">{range(bin, bins.length)}</th>
                  <td className="num">{count}</td>
                  <td className="bar-cell" aria-hidden="true">
                    <span className="bar" style={{ width: `${(count / max) * 100}%` }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}
