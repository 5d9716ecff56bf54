'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { applyServerErrors, FieldError, FormAlert, OFFLINE_MESSAGE } from '@/components/classroom/form-bits';
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
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, formState, setError } = useForm<DismissValues>({
    resolver: zodResolver(DismissExtraFormSchema),
    defaultValues: { comment: '' },
  });
  const onSubmit = handleSubmit((values) => {
    setMessage(null);
    start(async () => {
      try {
        const result = await save(values);
        if (!result.ok) {
          applyServerErrors(setError, result);
          setMessage(result.message);
          return;
        }
        setDone(result.message);
      } catch {
        setMessage(OFFLINE_MESSAGE);
      }
    });
  });
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
