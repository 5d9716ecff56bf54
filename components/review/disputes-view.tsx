import { Link } from '@/components/layout/link';
import { TableScroll } from '@/components/layout/table-scroll';
import { quoted } from '@/lib/quote-marks';
import { LABEL_NAMES, type Label } from '@/lib/validation/labels';
import { type AgreementRowView, type DisputedItemView, percent } from './types';

/** "7 of 12" */
const of = (n: number, total: number) => `${n} of ${total}`;

/** In plain words: what the class answered instead of the key, when most of it agrees. */
export function classAnswerText(item: DisputedItemView, submitted: number): string | null {
  if (!item.classAnswer) return null;
  const { response, students } = item.classAnswer;
  const did =
    response === 'missed' ? 'left it unlabeled' : `labeled it ${LABEL_NAMES[response as Label].toLowerCase()}`;
  return `${of(students, submitted)} students ${did}; the key has it as ${LABEL_NAMES[item.label].toLowerCase()}. The class agrees with itself here, not with the key: check the item, or teach why the key reads it this way.`;
}

/** How the stronger half of the class answered, in words. */
function strongerText(item: DisputedItemView): string {
  const s = item.stronger;
  return `${of(s.found, s.size)} found it`;
}

/** Another label chosen, with which ones. */
function otherText(item: DisputedItemView): string {
  const which = Object.entries(item.otherLabels)
    .map(([label, n]) => `${LABEL_NAMES[label as Label].toLowerCase()}: ${n}`)
    .join(', ');
  return which ? `${item.otherLabel} (${which})` : String(item.otherLabel);
}

/**
 * Items the class disputes: per core key item, who found it, in the class and in its stronger
 * half, and who labeled it otherwise; disputed items and items the class agrees on against the
 * key are named in words (never by colour alone) and link to the class's key editor.
 */
export function DisputesView({
  items,
  submitted,
  labels,
  agreement,
  overall,
  editHref,
}: {
  items: DisputedItemView[];
  submitted: number;
  labels: readonly Label[];
  agreement: Partial<Record<Label, AgreementRowView>>;
  overall: AgreementRowView;
  editHref: (itemId: string) => string;
}) {
  if (submitted === 0) return <p>Nothing to compare yet: no student has submitted this exercise.</p>;
  const flagged = items.filter((i) => i.disputed || i.classAnswer);
  return (
    <>
      <p>
        The stronger half of the class, for each item, is the half with the best F1 on the key’s other items. An item
        most of them missed or labeled otherwise is <strong>disputed</strong>: the key may be wrong, or the item may be
        hard. Both are worth a look.
      </p>
      <TableScroll label="Agreement">
        <table className="agreement">
          <caption>How far students agree with each other and with the key (mean F1)</caption>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Students with each other</th>
              <th scope="col">Students with the key</th>
            </tr>
          </thead>
          <tbody>
            {[...labels, 'overall' as const].map((l) => {
              const row = l === 'overall' ? overall : agreement[l];
              return (
                <tr key={l}>
                  <th scope="row">{l === 'overall' ? 'Overall' : LABEL_NAMES[l]}</th>
                  <td className="num">{`${percent(row?.peers)} (${row?.pairs ?? 0} pairs)`}</td>
                  <td className="num">{`${percent(row?.key)} (${row?.students ?? 0} students)`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {flagged.length === 0 ? (
        <p>No item is disputed, and the class agrees with the key wherever it agrees with itself.</p>
      ) : (
        <ul className="disputed-items">
          {flagged.map((item) => (
            <li key={item.id}>
              <Link href={editHref(item.id)}>{quoted(item.quote)}</Link>
              {` (${LABEL_NAMES[item.label]})${item.disputed ? ': disputed' : ''}. `}
              {item.disputed &&
                `The stronger half: ${strongerText(item)}, ${item.stronger.otherLabel} labeled it otherwise, ${item.stronger.missed} missed it. `}
              {classAnswerText(item, submitted)}
            </li>
          ))}
        </ul>
      )}
      <TableScroll label="Core items">
        <table className="disputes">
          <caption>{`Every core item, over ${submitted} submitted students`}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Found</th>
              <th scope="col">Found by the stronger half</th>
              <th scope="col">Labeled otherwise</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  <Link href={editHref(item.id)}>{quoted(item.quote)}</Link>{' '}
                  <span>{`(${LABEL_NAMES[item.label]})`}</span>
                </th>
                <td className="num">{of(item.found, submitted)}</td>
                <td className="num">{of(item.stronger.found, item.stronger.size)}</td>
                <td className="num">{otherText(item)}</td>
                <td>{item.disputed ? 'Disputed' : item.classAnswer ? 'Class agrees otherwise' : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
