'use client';

import { useState } from 'react';
import { FieldError, FormAlert } from '@/components/classroom/form-bits';
import { useActionForm } from '@/components/classroom/use-action-form';
import type { ActionResult } from '@/lib/validation/action-result';
import {
  AcceptExtraFormSchema,
  type AcceptExtraForm as AcceptExtraValues,
  MAX_ADDITION_EXPLANATION_CHARS,
} from '@/lib/validation/review';

type Props = {
  /** Unique within the page, for the fields' ids. */
  id: string;
  save: (input: AcceptExtraValues) => Promise<ActionResult<{ message: string }>>;
};

/** Accepts a common extra into this class's key, as a core or optional item, with an explanation. */
export function AcceptExtraForm({ id, save }: Props) {
  const [done, setDone] = useState<string | null>(null);
  const {
    form,
    onSubmit,
    message,
    submitting: pending,
  } = useActionForm<AcceptExtraValues, { message: string }>({
    schema: AcceptExtraFormSchema,
    defaultValues: { weight: 'core', explanation: '' },
    action: save,
    onSuccess: (result) => setDone(result.message),
  });
  const { register, formState } = form;
  if (done)
    return (
      <p role="status" className="form-ok">
        {done}
      </p>
    );
  const errors = formState.errors;
  return (
    <form className="review-form" onSubmit={onSubmit} noValidate aria-label="Accept into this class’s key">
      <fieldset>
        <legend>Accept into this class’s key as</legend>
        <label>
          <input type="radio" value="core" {...register('weight')} /> core (counts in recall)
        </label>
        <label>
          <input type="radio" value="optional" {...register('weight')} /> optional (neither credit nor error)
        </label>
        <FieldError id={`${id}-weight-error`} message={errors.weight?.message} />
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-explanation`}>Explanation for students</label>
        <textarea
          id={`${id}-explanation`}
          rows={2}
          maxLength={MAX_ADDITION_EXPLANATION_CHARS}
          aria-invalid={errors.explanation ? true : undefined}
          aria-describedby={errors.explanation ? `${id}-explanation-error` : undefined}
          {...register('explanation')}
        />
        <FieldError id={`${id}-explanation-error`} message={errors.explanation?.message} />
      </div>
      <button type="submit" disabled={pending}>
        Accept into this class’s key
      </button>
      <FormAlert message={message} />
    </form>
  );
}
