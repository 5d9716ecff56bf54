import { Link } from '@/components/layout/link';
import { TableScroll } from '@/components/layout/table-scroll';
import { quoted } from '@/lib/quote-marks';
import { heatCount, mostLabeled } from '@/lib/scoring/heat';
import { LABEL_NAMES, type Label } from '@/lib/validation/labels';
import { HEAT_LEVELS, levelRange } from './heat-data';
import { HeatmapText } from './heatmap-text';
import type { HeatStretchView, KeyItemReviewView } from './types';

const LEVELS = Array.from({ length: HEAT_LEVELS }, (_, i) => i + 1);
/** Rows of the text alternative: the stretches most students labeled. */
const TOP_STRETCHES = 15;

type Props = {
  text: string;
  stretches: HeatStretchView[];
  keyItems: KeyItemReviewView[];
  submitted: number;
  /** Which label's counts set the heat; null: students who gave the word any label. */
  label: Label | null;
  labels: Label[];
  labelHref: (label: Label | null) => string;
  /** Where the browser fetches the per-word detail. */
  detailSrc: string;
};

/**
 * The class heatmap: a label filter, a legend (shade and underline thickness grow together,
 * so the level reads without color), the shaded article (loaded after the page, see
 * HeatmapText) and, rendered with the page, its text alternative: the stretches of whole
 * words most students labeled, with their counts.
 */
export function HeatmapView({ text, stretches, keyItems, submitted, label, labels, labelHref, detailSrc }: Props) {
  const top = mostLabeled(stretches, label, TOP_STRETCHES);
  const showAny = labels.length > 1;
  return (
    <>
      {showAny && (
        <p className="heat-filter print-hide">
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
      <p className="heat-shading">
        {`Each word is shaded by the share of the ${submitted} submitting students who labeled it${label ? ` ${LABEL_NAMES[label].toLowerCase()}` : ' with any label'}; key items are outlined.`}
      </p>
      <div className="heat-legend" aria-hidden="true">
        {LEVELS.map((level) => (
          <span key={level} className={`heat heat-${level}`}>
            {levelRange(level)}
          </span>
        ))}
        <span className="heat-key">key item</span>
      </div>
      <HeatmapText src={detailSrc} label={label} labels={labels} />
      <TableScroll label="Most-labeled stretches">
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
              {showAny && <th scope="col">Any label</th>}
              <th scope="col">Share</th>
              <th scope="col">In the key</th>
            </tr>
          </thead>
          <tbody>
            {top.map((s) => (
              <tr key={s.start}>
                <th scope="row">{quoted(text.slice(s.start, s.end))}</th>
                {labels.map((l) => (
                  <td key={l} className="num">
                    {s.counts[l]}
                  </td>
                ))}
                {showAny && <td className="num">{s.any}</td>}
                <td className="num">{submitted ? `${Math.round((heatCount(s, label) / submitted) * 100)}%` : '–'}</td>
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
      </TableScroll>
    </>
  );
}
