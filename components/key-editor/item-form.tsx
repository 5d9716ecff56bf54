'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ATTRIBUTE_CHOICES, ATTRIBUTE_NAMES, LABEL_NAMES } from '@/components/exercise/label-meta';
import type { PendingSelection } from '@/lib/annotation/pending';
import type { ItemProblem } from '@/lib/content/key-lint/class-key';
import { quoted } from '@/lib/quote-marks';
import { type KeyItemForm, KeyItemFormSchema } from '@/lib/validation/class-key';
import { LABELS, type Label } from '@/lib/validation/vocabulary';
import type { EditorItem } from './types';

type Props = {
  id: string;
  item: EditorItem;
  quote: string;
  labels: readonly Label[];
  problems: readonly ItemProblem[];
  /** The words selected in the text, waiting to become the item's extent. */
  selection: PendingSelection;
  /** The shipped version of this item, when it has one and differs. */
  shippedDiffers: boolean;
  onApply: (patch: Partial<EditorItem>) => void;
  onTakeSelection: () => void;
  onRestore: () => void;
  onDelete: () => void;
  onClose: () => void;
};

function toForm(item: EditorItem): KeyItemForm {
  return {
    label: item.label,
    attribute: item.attribute ?? '',
    explanation: item.explanation,
    check: item.check ?? '',
    record: item.record ?? '',
    optional: item.optional,
    accept: item.accept,
  };
}

/** One key item opened: its label and attribute, its prose, and what may be done with it. */
/** The form's name for the field (or key check) a problem is about, as the teacher reads it. */
function problemField(field: string, attributeName: string): string {
  const names: Record<string, string> = {
    label: 'Label',
    attribute: attributeName,
    explanation: 'Explanation',
    'short-explanation': 'Explanation',
    check: 'How to check',
    'claim-without-check': 'How to check',
    record: 'What the record shows',
    accept: 'Also accept',
    optional: 'Optional',
    start: 'The words',
    end: 'The words',
    id: 'The item',
    item: 'The item',
  };
  return names[field] ?? 'Key check';
}

export function ItemForm(props: Props) {
  const { id, item, quote, labels, problems } = props;
  const form = useForm<KeyItemForm>({ resolver: zodResolver(KeyItemFormSchema), defaultValues: toForm(item) });
  const { register, handleSubmit, formState, watch } = form;
  const label = watch('label');
  const choices = ATTRIBUTE_CHOICES[label];
  const f = (name: string) => `${id}-${name}`;
  const error = (name: keyof KeyItemForm) => {
    const message = formState.errors[name]?.message;
    return message ? (
      <p className="field-error" id={f(`${name}-error`)}>
        {message}
      </p>
    ) : null;
  };
  const onSubmit = handleSubmit((values) =>
    props.onApply({
      label: values.label,
      attribute: values.attribute || null,
      explanation: values.explanation,
      check: values.check || null,
      record: values.record || null,
      optional: values.optional,
      accept: values.accept.filter((l) => l !== values.label),
    }),
  );
  return (
    <form className="key-item-form" onSubmit={onSubmit} aria-labelledby={f('title')} noValidate>
      <h3 id={f('title')}>{`Item ${quoted(quote.length > 60 ? `${quote.slice(0, 59)}…` : quote)}`}</h3>
      {problems.length > 0 && (
        <ul className="key-problems" aria-label="Problems of this item">
          {problems.map((p) => (
            <li key={`${p.field}:${p.message}`} className={`problem-${p.severity}`}>
              <strong>{p.severity === 'error' ? 'Error' : 'Warning'}</strong>
              {` (${problemField(p.field, choices.name)}): ${p.message}`}
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={f('label')}>Label</label>
      <select id={f('label')} {...register('label')}>
        {labels.map((l) => (
          <option key={l} value={l}>
            {LABEL_NAMES[l]}
          </option>
        ))}
      </select>
      <label htmlFor={f('attribute')}>{choices.name}</label>
      <select id={f('attribute')} {...register('attribute')}>
        <option value="">Choose…</option>
        {choices.values.map((v) => (
          <option key={v} value={v}>
            {ATTRIBUTE_NAMES[v] ?? v}
          </option>
        ))}
      </select>
      <label htmlFor={f('explanation')}>Explanation (students read it after release)</label>
      <textarea
        id={f('explanation')}
        rows={3}
        aria-invalid={!!formState.errors.explanation}
        {...register('explanation')}
      />
      {error('explanation')}
      <label htmlFor={f('check')}>How to check (required for an unverifiable claim)</label>
      <textarea id={f('check')} rows={2} aria-invalid={!!formState.errors.check} {...register('check')} />
      {error('check')}
      <label htmlFor={f('record')}>What the record shows (optional, see docs/fact-check.md)</label>
      <textarea id={f('record')} rows={2} aria-invalid={!!formState.errors.record} {...register('record')} />
      {error('record')}
      <label className="inline">
        <input type="checkbox" {...register('optional')} /> Optional (a repeat or borderline case)
      </label>
      <fieldset>
        <legend>Also accept these labels</legend>
        {LABELS.filter((l) => l !== label).map((l) => (
          <label key={l} className="inline">
            <input type="checkbox" value={l} {...register('accept')} /> {LABEL_NAMES[l]}
          </label>
        ))}
      </fieldset>
      <div className="key-item-actions">
        <button type="submit" className="primary">
          Apply to this item
        </button>
        <TakeSelection selection={props.selection} onTake={props.onTakeSelection} />
        {props.shippedDiffers && (
          <button type="button" onClick={props.onRestore}>
            Back to the shipped item
          </button>
        )}
        <button type="button" onClick={props.onDelete}>
          Delete this item
        </button>
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </form>
  );
}

/**
 * "Use the selected words as its extent". Always enabled: it reads the selection when it is
 * pressed, and with no words selected it says so beside it. A button that followed the
 * selection (enabled only while words are selected) changed with every selection and had its
 * column redrawn in the frame that must show the label menu.
 */
function TakeSelection({ selection, onTake }: { selection: PendingSelection; onTake: () => void }) {
  const [asked, setAsked] = useState(false);
  const take = () => {
    const pending = selection.get() !== null;
    setAsked(!pending);
    if (pending) onTake();
  };
  return (
    <>
      <button type="button" onClick={take}>
        Use the selected words as its extent
      </button>
      <span role="status" className="take-hint">
        {asked ? 'Select the words in the text first, then press this again.' : ''}
      </span>
    </>
  );
}
