import { FiguresTable } from '@/components/figures/figures-table';
import type { ClassSummary, MeanFigures } from '@/lib/scoring';
import { LABEL_NAMES, type Label } from '@/lib/validation/labels';
import { percent } from './types';

type Mean = MeanFigures | undefined;

const COLUMNS = [
  { header: 'Precision', numeric: true, cell: (m: Mean) => percent(m?.precision) },
  { header: 'Recall', numeric: true, cell: (m: Mean) => percent(m?.recall) },
  { header: 'F1', numeric: true, cell: (m: Mean) => percent(m?.f1) },
  { header: 'Students', numeric: true, cell: (m: Mean) => m?.students ?? 0 },
];

/** The class's mean figures per label and overall, each student counted once. */
export function ClassAverages({ averages, labels }: { averages: ClassSummary; labels: readonly Label[] }) {
  return (
    <FiguresTable
      caption={`Mean figures over ${averages.students} submitted students (each counts once)`}
      className="averages"
      region="Class means by label"
      columns={COLUMNS}
      rows={labels.map((l) => ({ key: l, heading: LABEL_NAMES[l], value: averages.perLabel[l] }))}
      total={{ key: 'overall', heading: 'Overall', value: averages.overall }}
    />
  );
}
