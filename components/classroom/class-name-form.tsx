'use client';

import { useState } from 'react';
import type { ActionResult } from '@/lib/validation/action-result';
import {
  type ClassName,
  ClassNameSchema,
  MAX_CLASS_NAME_CHARS,
  MAX_DISPLAY_NAME_CHARS,
  StudentNameSchema,
} from '@/lib/validation/classroom';
import { FormAlert, FormDone, TextField } from './form-bits';
import { useActionForm } from './use-action-form';

type Props = {
  id: string;
  label: string;
  submitLabel: string;
  defaultName?: string;
  save: (input: ClassName) => Promise<ActionResult>;
  /** Empty the field after saving (creating), or keep the new name (renaming). */
  clearOnSave?: boolean;
  /** A class's name (the default) or a student's, which follows the join form's rules. */
  of?: 'class' | 'student';
};

const RULES = {
  class: { schema: ClassNameSchema, maxLength: MAX_CLASS_NAME_CHARS },
  student: { schema: StudentNameSchema, maxLength: MAX_DISPLAY_NAME_CHARS },
} as const;

/** Create or rename a class, or rename a student. */
export function ClassNameForm({
  id,
  label,
  submitLabel,
  defaultName = '',
  save,
  clearOnSave = false,
  of = 'class',
}: Props) {
  const [saved, setSaved] = useState<string | null>(null);
  const {
    form,
    onSubmit,
    message,
    messageAtField,
    submitting: pending,
  } = useActionForm<ClassName>({
    schema: RULES[of].schema,
    defaultValues: { name: defaultName },
    action: save,
    onStart: () => setSaved(null),
    onSuccess: (_result, values, f) => {
      f.reset(clearOnSave ? { name: '' } : values);
      setSaved(`Saved “${values.name}”.`);
    },
  });
  const { register, formState } = form;
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <TextField
        id={id}
        label={label}
        maxLength={RULES[of].maxLength}
        error={formState.errors.name?.message}
        {...register('name')}
      />
      <button type="submit" disabled={pending}>
        {submitLabel}
      </button>
      <FormAlert message={message} atField={messageAtField} />
      <FormDone message={saved} />
    </form>
  );
}
