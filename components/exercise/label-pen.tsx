'use client';

import type { Label } from '@/lib/validation/vocabulary';
import { LABEL_NAMES } from './label-meta';

type Props = {
  /** Names the radio group; unique per exercise on the page. */
  name: string;
  labels: readonly Label[];
  pen: Label | null;
  onPen: (pen: Label | null) => void;
};

/**
 * The label pen: choose a label first, and every selection made with the mouse gets it the
 * moment the button is released, with no menu in between. Off ("Ask each time") by default.
 */
export function LabelPen({ name, labels, pen, onPen }: Props) {
  return (
    <fieldset className="label-pen">
      <legend>Label each mouse selection</legend>
      <label>
        <input type="radio" name={name} checked={pen === null} onChange={() => onPen(null)} /> Ask each time
      </label>
      {labels.map((label) => (
        <label key={label}>
          <input type="radio" name={name} checked={pen === label} onChange={() => onPen(label)} /> As{' '}
          <span className={`pen-swatch cr-mark-${label}`}>{LABEL_NAMES[label]}</span>
        </label>
      ))}
    </fieldset>
  );
}
