import { ATTRIBUTE_NAMES } from '@/components/exercise/label-meta';
import { Link } from '@/components/layout/link';
import { quoted } from '@/lib/quote-marks';
import { ATTRIBUTE_OF, LABEL_NAMES } from '@/lib/validation/labels';
import type { KeyItemReviewView, StudentRef } from './types';

/**
 * What the students who found an item chose as its kind, voice or basis: the key's value
 * first and named as such, then the others by count, then none chosen.
 */
export function choicesText(item: Pick<KeyItemReviewView, 'label' | 'attribute' | 'choices'>): string | null {
  const entries = Object.entries(item.choices);
  if (entries.length === 0) return null;
  const name = (v: string) => (v === '' ? 'none chosen' : (ATTRIBUTE_NAMES[v] ?? v));
  const sorted = entries.sort(
    ([a, x], [b, y]) => Number(b === item.attribute) - Number(a === item.attribute) || y - x || a.localeCompare(b),
  );
  const parts = sorted.map(([v, n]) => `${name(v)}${v !== '' && v === item.attribute ? ' (the key’s)' : ''}: ${n}`);
  const word = ATTRIBUTE_OF[item.label];
  return `${word[0]?.toUpperCase()}${word.slice(1)} chosen by those who found it: ${parts.join(', ')}`;
}

/** Items shown in the most-missed list. */
const MOST_MISSED = 5;

function names(students: StudentRef[]): string {
  return students.length === 0 ? 'nobody' : students.map((s) => s.name).join(', ');
}

/**
 * The class key's items, each a link that opens who found and missed it; the most-missed ones
 * first, with the explanation a student reads, so that the printed report says what to reteach.
 */
export function KeyItems({
  items,
  mostMissed,
  selected,
  itemHref,
}: {
  items: KeyItemReviewView[];
  mostMissed: KeyItemReviewView[];
  selected: string | null;
  itemHref: (id: string) => string;
}) {
  const chosen = items.find((k) => k.id === selected) ?? null;
  return (
    <>
      <h3>Most missed</h3>
      {mostMissed.length === 0 ? (
        <p>No core item was missed.</p>
      ) : (
        <ol className="most-missed">
          {mostMissed.slice(0, MOST_MISSED).map((k) => (
            <li key={k.id}>
              <Link href={itemHref(k.id)}>{quoted(k.quote)}</Link>
              {` (${LABEL_NAMES[k.label]}): missed by ${k.missed.length}, found by ${k.found.length}`}
              <p className="missed-why">{k.explanation}</p>
            </li>
          ))}
        </ol>
      )}
      {chosen && (
        <section className="item-detail" id="item-detail" aria-labelledby="item-detail-title">
          <h3 id="item-detail-title">{`Who found ${quoted(chosen.quote)}`}</h3>
          <p>
            {`${LABEL_NAMES[chosen.label]}${chosen.optional ? ', optional' : ''}${chosen.source === 'class' ? ', added by this class' : chosen.source === 'edited' ? ', edited for this class' : ''}. `}
            {chosen.explanation}
          </p>
          {chosen.optional ? (
            <p>Optional items count for no one and against no one.</p>
          ) : (
            <dl>
              {choicesText(chosen) && (
                <>
                  <dt>Attribute</dt>
                  <dd>{choicesText(chosen)}</dd>
                </>
              )}
              <dt>{`Found (${chosen.found.length})`}</dt>
              <dd>{names(chosen.found)}</dd>
              <dt>{`Labeled otherwise (${chosen.wrongLabel.length})`}</dt>
              <dd>{names(chosen.wrongLabel)}</dd>
              <dt>{`Missed (${chosen.missed.length})`}</dt>
              <dd>{names(chosen.missed)}</dd>
            </dl>
          )}
        </section>
      )}
      <h3>All key items</h3>
      <ul className="key-item-list">
        {items.map((k) => (
          <li key={k.id}>
            <Link href={itemHref(k.id)} aria-current={k.id === selected ? 'true' : undefined}>
              {quoted(k.quote)}
            </Link>
            {` ${LABEL_NAMES[k.label]}${k.optional ? ', optional' : ''}${k.source === 'class' ? ', class addition' : k.source === 'edited' ? ', edited for this class' : ''}`}
            {!k.optional && ` · found ${k.found.length}, missed ${k.missed.length}`}
            {!k.optional && choicesText(k) && <span className="item-choices">{` · ${choicesText(k)}`}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
