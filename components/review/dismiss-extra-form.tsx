'use client';

import { useState } from 'react';
import { FormAlert, FormDone, TextAreaField } from '@/components/classroom/form-bits';
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
  if (done) return <FormDone message={done} />;
  return (
    <form className="review-form" onSubmit={onSubmit} noValidate aria-label="Dismiss with a note">
      <TextAreaField
        id={`${id}-comment`}
        label="Why dismiss it (a note for you: students do not see it)"
        rows={2}
        maxLength={MAX_COMMENT_CHARS}
        error={formState.errors.comment?.message}
        {...register('comment')}
      />
      <button type="submit" disabled={pending}>
        Dismiss, keeping this note
      </button>
      <FormAlert message={message} />
    </form>
  );
}
