'use client';

import { useState } from 'react';
import { FieldError, FormAlert } from '@/components/classroom/form-bits';
import { useActionForm } from '@/components/classroom/use-action-form';
import type { ActionResult } from '@/lib/validation/action-result';
import {
  DismissExtraFormSchema,
  type DismissExtraForm as DismissValues,
  MAX_COMMENT_CHARS,
} from '@/lib/validation/review';

type Props = {
  id: string;
  save: (input: DismissValues) => Promise<ActionResult<{ message: string }>>;
};

/** Dismisses a common extra with a comment kept for the record. */
export function DismissExtraForm({ id, save }: Props) {
  const [done, setDone] = useState<string | null>(null);
  const {
    form,
    onSubmit,
    message,
    submitting: pending,
  } = useActionForm<DismissValues, { message: string }>({
    schema: DismissExtraFormSchema,
    defaultValues: { comment: '' },
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
  const error = formState.errors.comment?.message;
  return (
    <form className="review-form" onSubmit={onSubmit} noValidate aria-label="Dismiss with a comment">
      <div className="field">
        <label htmlFor={`${id}-comment`}>Why dismiss it</label>
        <textarea
          id={`${id}-comment`}
          rows={2}
          maxLength={MAX_COMMENT_CHARS}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-comment-error` : undefined}
          {...register('comment')}
        />
        <FieldError id={`${id}-comment-error`} message={error} />
      </div>
      <button type="submit" disabled={pending}>
        Dismiss with this comment
      </button>
      <FormAlert message={message} />
    </form>
  );
}
