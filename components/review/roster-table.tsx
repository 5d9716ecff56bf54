import { Link } from '@/components/layout/link';
import { TableScroll } from '@/components/layout/table-scroll';
import { LABEL_NAMES, type Label } from '@/lib/validation/labels';
import { type Figures, percent, type RosterRowView, STATUS_NAMES } from './types';

type Sort = { column: string; descending: boolean };

type Props = {
  rows: RosterRowView[];
  labels: Label[];
  sort: Sort;
  /** The page's URL for a sort value (keeps the other query parameters). */
  hrefFor: (sort: string) => string;
  studentHref: (studentId: string) => string;
};

const FIGURES: (keyof Figures)[] = ['precision', 'recall', 'f1'];
const FIGURE_NAMES: Record<keyof Figures, string> = { precision: 'Precision', recall: 'Recall', f1: 'F1' };

/** A column header that sorts by its column: first click ascending for names, descending for figures. */
function SortHeader({
  column,
  children,
  sort,
  hrefFor,
  numeric,
}: {
  column: string;
  children: string;
  sort: Sort;
  hrefFor: Props['hrefFor'];
  numeric: boolean;
}) {
  const active = sort.column === column;
  const nextDescending = active ? !sort.descending : numeric;
  const ariaSort = active ? (sort.descending ? 'descending' : 'ascending') : undefined;
  return (
    <th scope="col" aria-sort={ariaSort}>
      <Link href={hrefFor(`${nextDescending ? '-' : ''}${column}`)}>
        {children}
        <span className="sr-only">{`, sort ${nextDescending ? 'descending' : 'ascending'}`}</span>
        {active && <span aria-hidden="true">{sort.descending ? ' ▼' : ' ▲'}</span>}
      </Link>
    </th>
  );
}

/** The class roster for one exercise: status and figures per label and overall, sortable by every column. */
export function RosterTable({ rows, labels, sort, hrefFor, studentHref }: Props) {
  const groups: (Label | 'overall')[] = [...labels, 'overall'];
  return (
    <TableScroll label="Roster">
      <table className="roster-table">
        <caption>Students, their status and their figures (scored against this class’s key)</caption>
        <thead>
          <tr>
            <SortHeader column="name" sort={sort} hrefFor={hrefFor} numeric={false}>
              Student
            </SortHeader>
            <SortHeader column="status" sort={sort} hrefFor={hrefFor} numeric={false}>
              Status
            </SortHeader>
            {groups.flatMap((g) =>
              FIGURES.map((f) => (
                <SortHeader key={`${g}.${f}`} column={`${g}.${f}`} sort={sort} hrefFor={hrefFor} numeric>
                  {`${g === 'overall' ? 'Overall' : LABEL_NAMES[g]} ${FIGURE_NAMES[f]}`}
                </SortHeader>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.studentId}>
              <th scope="row">{row.overall ? <Link href={studentHref(row.studentId)}>{row.name}</Link> : row.name}</th>
              <td>{STATUS_NAMES[row.status]}</td>
              {groups.flatMap((g) => {
                const figures = g === 'overall' ? row.overall : row.perLabel[g];
                return FIGURES.map((f) => (
                  <td key={`${g}.${f}`} className="num">
                    {percent(figures?.[f])}
                  </td>
                ));
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
