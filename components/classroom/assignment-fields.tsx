'use client';

import type { UseFormReturn } from 'react-hook-form';
import { type EditAssignment, RELEASE_POLICY_CHOICES } from '@/lib/validation/classroom';
import { FieldError, TextField } from './form-bits';

type Props = {
  /** The form, typed as its settings part (the create form adds the lessons). */
  form: UseFormReturn<EditAssignment>;
  timeZone: string;
  /** An instructor's own article: its key reaches no one outside the classes it is assigned to. */
  ownArticle?: boolean;
};

/** An assignment's dates, key release policy and resubmission rule: the fields shared by making and editing one. */
export function AssignmentSettingsFields({ form, timeZone, ownArticle = false }: Props) {
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <>
      <div className="field-row">
        <TextField
          id="opensDate"
          label="Opens on (optional)"
          type="date"
          error={errors.opensDate?.message}
          {...register('opensDate')}
        />
        <TextField
          id="opensTime"
          label="at (optional)"
          hint="Blank: at the start of the day."
          type="time"
          error={errors.opensTime?.message}
          {...register('opensTime')}
        />
      </div>
      <div className="field-row">
        <TextField
          id="dueDate"
          label="Due on (optional)"
          type="date"
          error={errors.dueDate?.message}
          {...register('dueDate')}
        />
        <TextField
          id="dueTime"
          label="at (optional)"
          hint="Blank: at the end of the day (23:59)."
          type="time"
          error={errors.dueTime?.message}
          {...register('dueTime')}
        />
      </div>
      <p className="field-hint">Times are in your time zone: {timeZone}.</p>
      <fieldset
        aria-describedby={['releasePolicy-note', errors.releasePolicy ? 'releasePolicy-error' : ''].join(' ').trim()}
      >
        <legend>Release the answer key</legend>
        {ownArticle ? (
          <p id="releasePolicy-note" className="field-hint">
            This article’s key reaches only the classes you assign it to, and each class only once its key is released.
          </p>
        ) : (
          <p id="releasePolicy-note" className="field-hint">
            The workbook’s lessons have public keys by design: anyone who submits a lesson’s exercise sees its key, so a
            student could read it in a private window before you release it. The release policy keeps the key out of
            your class’s pages until then, not out of the world. For graded work, use an article of your own (
            <a href="/instructor/articles">My articles</a>), whose key no one outside your class can reach.
          </p>
        )}
        {RELEASE_POLICY_CHOICES.map((choice) => (
          <label key={choice.value} className="check">
            <input type="radio" value={choice.value} {...register('releasePolicy')} /> {choice.label}
          </label>
        ))}
        <FieldError id="releasePolicy-error" message={errors.releasePolicy?.message} />
      </fieldset>
      <label className="check">
        <input type="checkbox" {...register('allowResubmit')} /> Students may submit again
      </label>
    </>
  );
}
