import Link from 'next/link';
import { LABEL_NAMES, LABELS, type Label } from '@/lib/validation/labels';
import type { HeatStretchView, KeyItemReviewView } from './types';

/** Intensity steps: few enough to tell apart by underline thickness as well as by shade. */
export const HEAT_LEVELS = 5;
const LEVELS = Array.from({ length: HEAT_LEVELS }, (_, i) => i + 1);
/** Rows of the text alternative: the stretches most students labeled. */
const TOP_STRETCHES = 15;

type Props = {
  text: string;
  stretches: HeatStretchView[];
  keyItems: KeyItemReviewView[];
  submitted: number;
  /** Which label's counts set the heat; null: the most-given label of each stretch. */
  label: Label | null;
  labels: Label[];
  labelHref: (label: Label | null) => string;
};

function countOf(s: HeatStretchView, label: Label | null): number {
  return label ? s.counts[label] : Math.max(...LABELS.map((l) => s.counts[l]));
}

/** 0 for nobody, else 1..HEAT_LEVELS by the share of submitted students. */
export function heatLevel(count: number, submitted: number): number {
  if (count === 0 || submitted === 0) return 0;
  return Math.max(1, Math.ceil((count / submitted) * HEAT_LEVELS));
}

/**
 * The exercise's text with each stretch shaded and underlined by how many students labeled
 * it (shade and underline thickness both grow, so color is not the only cue; a count badge
 * follows each labeled stretch) and the key's spans outlined. The table after it says the
 * same in words.
 */
export function HeatmapView({ text, stretches, keyItems, submitted, label, labels, labelHref }: Props) {
  const keyIds = new Set(keyItems.map((k) => k.id));
  const top = [...stretches]
    .filter((s) => LABELS.some((l) => s.counts[l] > 0))
    .sort((a, b) => countOf(b, label) - countOf(a, label) || a.start - b.start)
    .slice(0, TOP_STRETCHES);
  return (
    <>
      {labels.length > 1 && (
        <p className="heat-filter">
          Shade by:{' '}
          {[null, ...labels].map((l) => (
            <span key={l ?? 'any'}>
              {l === label ? (
                <strong aria-current="true">{l ? LABEL_NAMES[l] : 'Any label'}</strong>
              ) : (
                <Link href={labelHref(l)}>{l ? LABEL_NAMES[l] : 'Any label'}</Link>
              )}{' '}
            </span>
          ))}
        </p>
      )}
      <div className="heat-legend" aria-hidden="true">
        {LEVELS.map((level) => (
          <span key={level} className={`heat heat-${level}`}>
            {`${Math.round(((level - 1) / HEAT_LEVELS) * 100)}–${Math.round((level / HEAT_LEVELS) * 100)}%`}
          </span>
        ))}
        <span className="heat-key">key item</span>
      </div>
      <p className="sr-only">
        The article text below is shaded and underlined by how many students labeled each part; the table after it lists
        the parts most students labeled.
      </p>
      <div className="heatmap-text">
        {stretches.map((s) => {
          const count = countOf(s, label);
          const level = heatLevel(count, submitted);
          const inKey = s.keyItemIds.some((id) => keyIds.has(id));
          return (
            <span key={s.start} className={`heat heat-${level}${inKey ? ' heat-key' : ''}`} data-count={count}>
              {text.slice(s.start, s.end)}
              {count > 0 && (
                <span className="heat-badge" aria-hidden="true">
                  {count}
                </span>
              )}
            </span>
          );
        })}
      </div>
      <table className="heat-table">
        <caption>{`The ${top.length} stretches of text most labeled, of ${submitted} submissions`}</caption>
        <thead>
          <tr>
            <th scope="col">Text</th>
            {labels.map((l) => (
              <th key={l} scope="col">
                {LABEL_NAMES[l]}
              </th>
            ))}
            <th scope="col">In the key</th>
          </tr>
        </thead>
        <tbody>
          {top.map((s) => (
            <tr key={s.start}>
              <th scope="row">{`“${text.slice(s.start, s.end).trim()}”`}</th>
              {labels.map((l) => (
                <td key={l} className="num">
                  {s.counts[l]}
                </td>
              ))}
              <td>
                {s.keyItemIds.length === 0
                  ? 'no'
                  : s.keyItemIds
                      .map((id) => keyItems.find((k) => k.id === id))
                      .filter((k) => k !== undefined)
                      .map((k) => `${LABEL_NAMES[k.label]}${k.optional ? ' (optional)' : ''}`)
                      .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
