'use client';

import { forwardRef } from 'react';
import { Quote } from '@/components/article/quote';
import type { TextSpan } from '@/lib/annotation/annotator';
import type { PendingSelection } from '@/lib/annotation/pending';
import type { Label } from '@/lib/validation/vocabulary';
import { LABEL_NAMES } from './label-meta';
import { usePending } from './use-pending';

type Props = {
  labels: readonly Label[];
  /** The label pen, when one is on: mouse selections are labeled without this menu. */
  pen: Label | null;
  /** The selection waiting for a label: the menu shows while there is one. */
  selection: PendingSelection;
  quote: (span: TextSpan) => string;
  /** Labels the selection; given the selection the menu shows. */
  onLabel: (label: Label, span: TextSpan) => void;
  onCancel: () => void;
};

/**
 * The label menu for the current selection; stays at the bottom of the screen while open. It
 * reads the selection itself, so a new selection redraws the menu alone.
 */
export const LabelToolbar = forwardRef<HTMLDivElement, Props>(function LabelToolbar(
  { labels, pen, selection, quote, onLabel, onCancel },
  ref,
) {
  const pending = usePending(selection);
  if (!pending) {
    return (
      <p className="label-toolbar idle">
        {pen
          ? `Each selection you make with the mouse is labeled ${LABEL_NAMES[pen]} at once. Arrow keys and touch still ask for a label.`
          : 'Select words in the text (or use the arrow keys) to label them.'}
      </p>
    );
  }
  const text = quote(pending);
  return (
    <div ref={ref} className="label-toolbar" role="group" aria-label="Label the selection">
      <p className="selected">
        Selected: <Quote words={text.length > 90 ? `${text.slice(0, 89)}…` : text} />
      </p>
      <div className="label-buttons">
        {labels.map((label, i) => (
          <button
            key={label}
            type="button"
            className={`label-button label-${label}`}
            onClick={() => onLabel(label, pending)}
          >
            <kbd aria-hidden="true">{i + 1}</kbd> {LABEL_NAMES[label]}
          </button>
        ))}
        <button type="button" className="cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
});
