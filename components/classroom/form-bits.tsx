'use client';

import type { ComponentProps } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ActionFailure } from '@/lib/validation/action-result';

type TextFieldProps = Omit<ComponentProps<'input'>, 'id'> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
};

/** A labeled input with its hint and its error, both tied to it for screen readers. */
export function TextField({ id, label, hint, error, className, ...input }: TextFieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={described || undefined} {...input} />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** One field's error, or nothing. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

/** The form-level message of a refused action. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}

/** Puts every field error the server sent onto the form's fields. */
export function applyServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, result: ActionFailure) {
  for (const [field, messages] of Object.entries(result.fieldErrors)) {
    if (field) setError(field as Path<T>, { type: 'server', message: messages.join(' ') });
  }
}

/** The message shown when an action could not be reached at all. */
export const OFFLINE_MESSAGE =
  'The server could not be reached. Check your connection and try again; nothing was lost.';
