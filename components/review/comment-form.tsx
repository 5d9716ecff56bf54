'use client';

import { useState } from 'react';
import { FieldError, FormAlert, FormDone, TextAreaField } from '@/components/classroom/form-bits';
import { useActionForm } from '@/components/classroom/use-action-form';
import type { ActionResult } from '@/lib/validation/action-result';
import { CommentFormSchema, type CommentForm as CommentValues, MAX_COMMENT_CHARS } from '@/lib/validation/review';

type Props = {
  id: string;
  /** The spans one may comment on: the student's labels and the key's items, by offsets. */
  spans: { value: string; name: string }[];
  save: (input: CommentValues) => Promise<ActionResult<{ message: string }>>;
};

/** A comment on one span of the student's work, or on the whole submission. */
export function CommentForm({ id, spans, save }: Props) {
  const [done, setDone] = useState<string | null>(null);
  const {
    form,
    onSubmit,
    message,
    submitting: pending,
  } = useActionForm<CommentValues, { message: string }>({
    schema: CommentFormSchema,
    defaultValues: { span: '', body: '' },
    action: save,
    onStart: () => setDone(null),
    onSuccess: (result, _values, f) => {
      f.reset({ span: '', body: '' });
      setDone(result.message);
    },
  });
  const { register, formState } = form;
  const errors = formState.errors;
  return (
    <form className="review-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-span`}>Comment on</label>
        <select id={`${id}-span`} {...register('span')}>
          <option value="">The whole submission</option>
          {spans.map((s) => (
            <option key={s.value} value={s.value}>
              {s.name}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-span-error`} message={errors.span?.message} />
      </div>
      <TextAreaField
        id={`${id}-body`}
        label="Comment"
        rows={3}
        maxLength={MAX_COMMENT_CHARS}
        error={errors.body?.message}
        {...register('body')}
      />
      <button type="submit" disabled={pending}>
        Add comment
      </button>
      <FormAlert message={message} />
      <FormDone message={done} />
    </form>
  );
}
