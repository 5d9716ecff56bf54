import type { ReactNode } from 'react';
import { TableScroll } from '@/components/layout/table-scroll';

/** One column of a figures table: its header, what a row shows in it, and whether it is a number (aligned right). */
export type FiguresColumn<R> = { header: string; cell: (row: R) => ReactNode; numeric?: boolean };
/** One row: the label (or "All labels", "Overall") it is about and its figures. */
export type FiguresRow<R> = { key: string; heading: string; value: R };

type Props<R> = {
  caption: string;
  columns: readonly FiguresColumn<R>[];
  rows: readonly FiguresRow<R>[];
  /** The row for all labels together, in the table's foot. */
  total: FiguresRow<R>;
  /** `score-table` for a student, `averages` for an instructor (their own styles). */
  className: string;
  /** The name of the box the table scrolls in on a narrow screen (components/layout/table-scroll). */
  region: string;
  /** The box is a named region that takes the focus even when the table fits. */
  landmark?: boolean;
};

/**
 * The one table of figures per label: the student's result (components/exercise/score-table),
 * one student's figures in the review and the class averages. Each says with its columns which
 * figures it shows; the rows are the exercise's labels and a total row.
 */
export function FiguresTable<R>({ caption, columns, rows, total, className, region, landmark }: Props<R>) {
  const line = (row: FiguresRow<R>) => (
    <tr key={row.key}>
      <th scope="row">{row.heading}</th>
      {columns.map((c) => (
        <td key={c.header} className={c.numeric ? 'num' : undefined}>
          {c.cell(row.value)}
        </td>
      ))}
    </tr>
  );
  return (
    <TableScroll label={region} landmark={landmark}>
      <table className={className}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Label</th>
            {columns.map((c) => (
              <th scope="col" key={c.header}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows.map(line)}</tbody>
        <tfoot>{line(total)}</tfoot>
      </table>
    </TableScroll>
  );
}
