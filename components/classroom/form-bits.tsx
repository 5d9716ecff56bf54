'use client';

import type { ComponentProps, ReactNode } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ActionFailure } from '@/lib/validation/action-result';

type FieldFrameProps = { id: string; label: string; hint?: string; error?: string; className?: string };

/** The ids a field's control points at for screen readers: its hint and its error, when shown. */
function describedBy({ id, hint, error }: FieldFrameProps): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** A field's label, hint and error around its control. */
function FieldFrame({ id, label, hint, error, className, children }: FieldFrameProps & { children: ReactNode }) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {children}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

type TextFieldProps = Omit<ComponentProps<'input'>, 'id'> & FieldFrameProps;

/** A labeled input with its hint and its error, both tied to it for screen readers. */
export function TextField({ id, label, hint, error, className, ...input }: TextFieldProps) {
  const frame = { id, label, hint, error, className };
  return (
    <FieldFrame {...frame}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(frame)} {...input} />
    </FieldFrame>
  );
}

type TextAreaFieldProps = Omit<ComponentProps<'textarea'>, 'id'> & FieldFrameProps;

/** The same for a text box of several lines. */
export function TextAreaField({ id, label, hint, error, className, ...textarea }: TextAreaFieldProps) {
  const frame = { id, label, hint, error, className };
  return (
    <FieldFrame {...frame}>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(frame)} {...textarea} />
    </FieldFrame>
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

/**
 * The form-level message of a refused action. `atField`: a field shows the same words, so the
 * alert is for screen readers only, not shown a second time.
 */
export function FormAlert({ message, atField = false }: { message: string | null; atField?: boolean }) {
  if (!message) return null;
  return (
    <p className={atField ? 'sr-only' : 'form-error'} role="alert">
      {message}
    </p>
  );
}

/** What an accepted form did, announced politely; or nothing. */
export function FormDone({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="status" className="form-ok">
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
