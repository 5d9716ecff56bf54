'use client';

import { useState } from 'react';
import { FieldError, FormAlert, FormDone, TextAreaField } from '@/components/classroom/form-bits';
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
  if (done) return <FormDone message={done} />;
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
      <TextAreaField
        id={`${id}-explanation`}
        label="Explanation for students"
        rows={2}
        maxLength={MAX_ADDITION_EXPLANATION_CHARS}
        error={errors.explanation?.message}
        {...register('explanation')}
      />
      <button type="submit" disabled={pending}>
        Accept into this class’s key
      </button>
      <FormAlert message={message} />
    </form>
  );
}
