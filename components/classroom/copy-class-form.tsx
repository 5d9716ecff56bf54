'use client';

import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/lib/validation/action-result';
import { type CopyClass, CopyClassSchema, SHIFT_UNITS } from '@/lib/validation/assignment-control';
import { FieldError, FormAlert, TextField } from './form-bits';
import { useActionForm } from './use-action-form';
import { useBrowserTimeZone } from './use-browser-time-zone';

type Props = {
  className: string;
  copy: (input: CopyClass) => Promise<ActionResult<{ classId: string }>>;
};

/**
 * Copy a class with its assignments for another year. The dates move by whole weeks
 * (52 keeps each weekday, a year on) or days, on the instructor's wall clock.
 */
export function CopyClassForm({ className, copy }: Props) {
  const router = useRouter();
  const { form, onSubmit, message, messageAtField, submitting } = useActionForm<CopyClass, { classId: string }>({
    schema: CopyClassSchema,
    defaultValues: { name: `${className} (copy)`.slice(0, 100), shift: 52, unit: 'weeks', timeZone: 'UTC' },
    action: copy,
    onSuccess: (result) => router.push(`/instructor/classes/${result.classId}`),
  });
  const { register, formState, setValue } = form;
  useBrowserTimeZone(setValue);
  const { errors } = formState;
  return (
    <form className="stack-form" onSubmit={onSubmit} noValidate aria-label="Copy this class">
      <TextField id="copy-name" label="Name of the copy" error={errors.name?.message} {...register('name')} />
      <div className="field-row">
        <TextField
          id="copy-shift"
          label="Move every date by"
          hint="52 weeks: a year on, on the same weekday. 0 keeps the dates; a minus sign moves them back."
          type="number"
          inputMode="numeric"
          step={1}
          error={errors.shift?.message}
          {...register('shift', { valueAsNumber: true })}
        />
        <div className="field">
          <label htmlFor="copy-unit">Unit</label>
          <select id="copy-unit" {...register('unit')}>
            {SHIFT_UNITS.map((u) => (
              <option key={u.value} value={u.value}>
                {u.label}
              </option>
            ))}
          </select>
          <FieldError id="copy-unit-error" message={errors.unit?.message} />
        </div>
      </div>
      <p className="field-hint">
        The copy gets its own class code and every assignment with its key settings and your class key changes; no
        students and none of their work.
      </p>
      <FormAlert message={message} atField={messageAtField} />
      <button type="submit" disabled={submitting}>
        {submitting ? 'Copying…' : 'Copy the class'}
      </button>
    </form>
  );
}
