import type { ReactNode } from 'react';

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
  /** Wraps the table in a focusable region of this name that scrolls on narrow screens. */
  region?: string;
};

/**
 * The one table of figures per label: the student's result (components/exercise/score-table),
 * one student's figures in the review and the class averages. Each says with its columns which
 * figures it shows; the rows are the exercise's labels and a total row.
 */
export function FiguresTable<R>({ caption, columns, rows, total, className, region }: Props<R>) {
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
  const table = (
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
  );
  if (!region) return table;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={region}>
      {table}
    </div>
  );
}
