'use client';

import { memo, useLayoutEffect, useRef, useState } from 'react';
import { Quote } from '@/components/article/quote';
import type { TextSpan } from '@/lib/annotation/annotator';
import { quoted } from '@/lib/quote-marks';
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
        Add a note<span className="sr-only"> on {quoted(short)}</span>
      </button>
    );
  }
  return (
    <label className="why">
      <span>
        Why? (optional)<span className="sr-only"> {quoted(short)}</span>
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

type ChoiceProps = {
  /** The accessible name, such as "Label of “…”". */
  name: string;
  value: string;
  choices: readonly { value: string; name: string }[];
  /** The text of the empty choice, when there is one (an attribute not chosen yet). */
  unset?: string;
  disabled: boolean;
  onChange: (value: string) => void;
};

/**
 * One choice of a list entry (its label, its kind or voice or basis): a button that shows the
 * choice until it is used, and the <select> it stands for while it is (opened by a click or a
 * tap, focused by Enter or Space). A list of a few hundred labels would otherwise hold twice as
 * many selects, and Chromium lays every select out again on each layout of the page, such as
 * the label menu appearing (decision 23). The select goes back to a button when a choice is
 * picked from its open list, when it loses focus, or on Escape.
 */
function ChoiceSelect({ name, value, choices, unset, disabled, onChange }: ChoiceProps) {
  // How the select was asked for: by a pointer, it opens its list at once; by the keyboard, it
  // takes the focus and the arrow keys change it, as a select does.
  const [open, setOpen] = useState<'pointer' | 'keys' | null>(null);
  const [refocus, setRefocus] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (open && select.current) {
      select.current.focus();
      if (open === 'pointer') {
        try {
          select.current.showPicker();
        } catch {
          // A browser that cannot open the list from here leaves the select focused.
        }
      }
    } else if (!open && refocus) {
      setRefocus(false);
      button.current?.focus();
    }
  }, [open, refocus]);
  // Closed on purpose (a choice picked, Escape): the focus goes back to the button.
  const close = () => {
    setRefocus(true);
    setOpen(null);
  };
  const shown = choices.find((c) => c.value === value)?.name ?? unset ?? value;
  if (!open) {
    return (
      <button
        ref={button}
        type="button"
        className={value ? 'choice' : 'choice unset'}
        disabled={disabled}
        // A click from the keyboard (Enter, Space) has no pointer behind it: detail is 0.
        onClick={(e) => setOpen(e.detail > 0 ? 'pointer' : 'keys')}
      >
        <span className="sr-only">{name}: </span>
        {shown}
        <span aria-hidden="true" className="caret">
          ▾
        </span>
      </button>
    );
  }
  return (
    <label>
      <span className="sr-only">{name}</span>
      <select
        ref={select}
        value={value}
        disabled={disabled}
        onChange={(e) => {
          onChange(e.target.value);
          // A choice picked from the list that a pointer opened is made: back to the button.
          // From the keyboard the arrows go on changing it until the select is left.
          if (open === 'pointer') close();
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          close();
        }}
        // Leaving the page (another window) is not leaving the select.
        onBlur={() => document.hasFocus() && setOpen(null)}
      >
        {unset !== undefined && <option value="">{unset}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.name}
          </option>
        ))}
      </select>
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
        <span className={`chip chip-${s.label}`}>{LABEL_NAMES[s.label]}</span> <Quote words={short} />
      </button>
      <div className="span-controls">
        <ChoiceSelect
          name={`Label of ${quoted(short)}`}
          value={s.label}
          choices={config.labels.map((l) => ({ value: l, name: LABEL_NAMES[l] }))}
          disabled={locked}
          onChange={(label) => onChange(s.id, { label: label as Label, attribute: undefined })}
        />
        {config.attributes && (
          <ChoiceSelect
            key={s.label}
            name={`${choice.name} of ${quoted(short)}`}
            value={s.attribute ?? ''}
            choices={choice.values.map((v) => ({ value: v, name: ATTRIBUTE_NAMES[v] ?? v }))}
            unset={`${choice.name}…`}
            disabled={locked}
            // The choices are the label's attribute values, so the value is one of them or ''.
            onChange={(v) => onChange(s.id, { attribute: (v || undefined) as DraftSpan['attribute'] })}
          />
        )}
        <button type="button" className="delete" disabled={locked} onClick={() => onDelete(s.id)}>
          Delete<span className="sr-only"> {quoted(short)}</span>
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
