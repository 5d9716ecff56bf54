'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import type { ActionResult } from '@/lib/validation/action-result';
import { type ClassName, ClassNameSchema, MAX_CLASS_NAME_CHARS } from '@/lib/validation/classroom';
import { applyServerErrors, FormAlert, OFFLINE_MESSAGE, TextField } from './form-bits';

type Props = {
  id: string;
  label: string;
  submitLabel: string;
  defaultName?: string;
  save: (input: ClassName) => Promise<ActionResult>;
  /** Empty the field after saving (creating), or keep the new name (renaming). */
  clearOnSave?: boolean;
};

/** Create or rename a class. */
export function ClassNameForm({ id, label, submitLabel, defaultName = '', save, clearOnSave = false }: Props) {
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, formState, setError, reset } = useForm<ClassName>({
    resolver: zodResolver(ClassNameSchema),
    defaultValues: { name: defaultName },
  });
  const onSubmit = handleSubmit((values) => {
    setMessage(null);
    setSaved(null);
    start(async () => {
      try {
        const result = await save(values);
        if (!result.ok) {
          applyServerErrors(setError, result);
          setMessage(result.message);
          return;
        }
        reset(clearOnSave ? { name: '' } : values);
        setSaved(`Saved “${values.name}”.`);
      } catch {
        setMessage(OFFLINE_MESSAGE);
      }
    });
  });
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <TextField
        id={id}
        label={label}
        maxLength={MAX_CLASS_NAME_CHARS}
        error={formState.errors.name?.message}
        {...register('name')}
      />
      <button type="submit" disabled={pending}>
        {submitLabel}
      </button>
      <FormAlert message={message} />
      {saved && (
        <p role="status" className="form-ok">
          {saved}
        </p>
      )}
    </form>
  );
}
