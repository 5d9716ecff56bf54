'use client';

import { useState } from 'react';
import type { ActionResult } from '@/lib/validation/action-result';
import { type Extension, ExtensionSchema } from '@/lib/validation/assignment-control';
import { FormAlert, FormDone, TextField } from './form-bits';
import { useActionForm } from './use-action-form';
import { useBrowserTimeZone } from './use-browser-time-zone';

type Props = {
  /** Unique on the page: the fields' ids start with it. */
  id: string;
  studentName: string;
  save: (input: Extension) => Promise<ActionResult<{ message: string }>>;
};

/** One student's later due date: a day and an optional time on the instructor's wall clock. */
export function ExtensionForm({ id, studentName, save }: Props) {
  const [saved, setSaved] = useState<string | null>(null);
  const { form, onSubmit, message, messageAtField, submitting } = useActionForm<Extension, { message: string }>({
    schema: ExtensionSchema,
    defaultValues: { dueDate: '', dueTime: '', timeZone: 'UTC' },
    action: save,
    onStart: () => setSaved(null),
    onSuccess: (result) => setSaved(result.message),
  });
  const { register, formState, setValue } = form;
  useBrowserTimeZone(setValue);
  const { errors } = formState;
  return (
    <form className="stack-form" onSubmit={onSubmit} noValidate aria-label={`Later due date for ${studentName}`}>
      <div className="field-row">
        <TextField
          id={`${id}-date`}
          label={`New due date for ${studentName}`}
          type="date"
          error={errors.dueDate?.message}
          {...register('dueDate')}
        />
        <TextField
          id={`${id}-time`}
          label="at (optional)"
          hint="Blank: at the end of the day (23:59), your time."
          type="time"
          error={errors.dueTime?.message}
          {...register('dueTime')}
        />
      </div>
      <FormAlert message={message} atField={messageAtField} />
      <FormDone message={saved} />
      <button type="submit" disabled={submitting}>
        {submitting ? 'Saving…' : `Give ${studentName} this due date`}
      </button>
    </form>
  );
}
