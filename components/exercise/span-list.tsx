'use client';

import { memo, useState } from 'react';
import type { TextSpan } from '@/lib/annotation/annotator';
import type { DraftSpan, ExerciseConfig } from '@/lib/validation/exercise-contract';
import { MAX_WHY_CHARS } from '@/lib/validation/limits';
import type { Label } from '@/lib/validation/vocabulary';
import { ATTRIBUTE_CHOICES, ATTRIBUTE_NAMES, LABEL_NAMES } from './label-meta';

type Props = {
  config: ExerciseConfig;
  spans: readonly DraftSpan[];
  active: string[];
  locked: boolean;
  quote: (span: TextSpan) => string;
  onJump: (span: TextSpan) => void;
  onChange: (id: string, patch: Partial<DraftSpan>, undoable?: boolean) => void;
  onDelete: (id: string) => void;
};

/**
 * The optional "why" note: a button until the student opens it, so that a long list does not
 * carry hundreds of empty text boxes.
 */
function WhyNote({
  span,
  short,
  locked,
  onChange,
}: {
  span: DraftSpan;
  short: string;
  locked: boolean;
  onChange: ItemProps['onChange'];
}) {
  const [open, setOpen] = useState(false);
  if (!open && !span.why) {
    return (
      <button type="button" className="add-note" disabled={locked} onClick={() => setOpen(true)}>
        Add a note<span className="sr-only"> on “{short}”</span>
      </button>
    );
  }
  return (
    <label className="why">
      <span>
        Why? (optional)<span className="sr-only"> “{short}”</span>
      </span>
      <textarea
        rows={2}
        maxLength={MAX_WHY_CHARS}
        value={span.why ?? ''}
        disabled={locked}
        autoFocus={open}
        onChange={(e) => onChange(span.id, { why: e.target.value || undefined }, false)}
      />
    </label>
  );
}

type ItemProps = {
  span: DraftSpan;
  config: ExerciseConfig;
  text: string;
  isActive: boolean;
  locked: boolean;
  onJump: (span: TextSpan) => void;
  onChange: (id: string, patch: Partial<DraftSpan>, undoable?: boolean) => void;
  onDelete: (id: string) => void;
};

/** One entry of the list; memoized so that labeling one span does not redraw the others. */
const SpanItem = memo(function SpanItem({
  span: s,
  config,
  text,
  isActive,
  locked,
  onJump,
  onChange,
  onDelete,
}: ItemProps) {
  const short = text.length > 70 ? `${text.slice(0, 69)}…` : text;
  const choice = ATTRIBUTE_CHOICES[s.label];
  return (
    <li className={`span-item label-${s.label}`} aria-current={isActive ? 'true' : undefined}>
      <button type="button" id={`span-${s.id}`} className="jump" onClick={() => onJump(s)} title="Show in the text">
        <span className={`chip chip-${s.label}`}>{LABEL_NAMES[s.label]}</span> <q>{short}</q>
      </button>
      <div className="span-controls">
        <label>
          <span className="sr-only">Label of “{short}”</span>
          <select
            value={s.label}
            disabled={locked}
            onChange={(e) => onChange(s.id, { label: e.target.value as Label, attribute: undefined })}
          >
            {config.labels.map((l) => (
              <option key={l} value={l}>
                {LABEL_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        {config.attributes && (
          <label>
            <span className="sr-only">
              {choice.name} of “{short}”
            </span>
            <select
              value={s.attribute ?? ''}
              disabled={locked}
              // The options are the label's attribute values, so the value is one of them or ''.
              onChange={(e) => onChange(s.id, { attribute: (e.target.value || undefined) as DraftSpan['attribute'] })}
            >
              <option value="">{choice.name}…</option>
              {choice.values.map((v) => (
                <option key={v} value={v}>
                  {ATTRIBUTE_NAMES[v]}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="delete" disabled={locked} onClick={() => onDelete(s.id)}>
          Delete<span className="sr-only"> “{short}”</span>
        </button>
      </div>
      {config.why && <WhyNote span={s} short={short} locked={locked} onChange={onChange} />}
    </li>
  );
});

/**
 * "My labels": every span with jump-to, change label, attribute, note and delete. Memoized:
 * a new selection or status message does not redraw the list.
 */
export const SpanList = memo(function SpanList({
  config,
  spans,
  active,
  locked,
  quote,
  onJump,
  onChange,
  onDelete,
}: Props) {
  return (
    <>
      <h3 id={`${config.id}-mine`}>
        My labels <span className="count">({spans.length})</span>
      </h3>
      {spans.length === 0 ? (
        <p className="empty">No labels yet.</p>
      ) : (
        <ol className="span-list">
          {spans.map((s) => (
            <SpanItem
              key={s.id}
              span={s}
              config={config}
              text={quote(s)}
              isActive={active.includes(s.id)}
              locked={locked}
              onJump={onJump}
              onChange={onChange}
              onDelete={onDelete}
            />
          ))}
        </ol>
      )}
    </>
  );
});
