import { quoted } from '@/lib/quote-marks';
import type { ActionResult } from '@/lib/validation/action-result';
import { LABEL_NAMES } from '@/lib/validation/labels';
import type { AcceptExtraForm as AcceptValues, DismissExtraForm as DismissValues } from '@/lib/validation/review';
import { AcceptExtraForm } from './accept-extra-form';
import { DismissExtraForm } from './dismiss-extra-form';
import type { ExtraGroupView } from './types';

/** Groups shown with forms: the most common, since a class key grows from what many students saw. */
const SHOWN = 10;

type Save<T> = (input: T) => Promise<ActionResult<{ message: string }>>;

type Props = {
  extras: ExtraGroupView[];
  acceptFor: (group: ExtraGroupView) => Save<AcceptValues>;
  dismissFor: (group: ExtraGroupView) => Save<DismissValues>;
};

/** Common extras (student spans overlapping nothing in the key), each with accept and dismiss forms. */
export function ExtrasList({ extras, acceptFor, dismissFor }: Props) {
  const open = extras.filter((e) => !e.dismissed);
  const dismissed = extras.filter((e) => e.dismissed);
  return (
    <>
      {open.length === 0 ? (
        <p>No extras left to review.</p>
      ) : (
        <ol className="extras">
          {open.slice(0, SHOWN).map((group) => {
            const id = `extra-${group.label}-${group.start}`;
            return (
              <li key={id} className="extra-group">
                <h3 id={`${id}-title`}>
                  {`${LABEL_NAMES[group.label]}: ${quoted(group.quote.trim())}`}
                  <span className="extra-count">{` ${group.students} ${group.students === 1 ? 'student' : 'students'}`}</span>
                </h3>
                {group.samples.length > 1 && (
                  <ul className="extra-samples" aria-label="What students labeled">
                    {group.samples.map((s) => (
                      <li key={s.quote}>{`${quoted(s.quote)} (${s.students})`}</li>
                    ))}
                  </ul>
                )}
                <div className="extra-actions">
                  <AcceptExtraForm id={`${id}-accept`} save={acceptFor(group)} />
                  <DismissExtraForm id={`${id}-dismiss`} save={dismissFor(group)} />
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {dismissed.length > 0 && (
        <details className="dismissed-extras">
          <summary>{`Dismissed extras (${dismissed.length})`}</summary>
          <ul>
            {dismissed.map((g) => (
              <li
                key={`${g.label}-${g.start}`}
              >{`${LABEL_NAMES[g.label]}: ${quoted(g.quote.trim())} (${g.students}), ${g.dismissed?.comment}`}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
