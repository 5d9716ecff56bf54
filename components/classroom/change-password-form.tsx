'use client';

import { useState } from 'react';
import { type ChangePassword, ChangePasswordSchema, MIN_PASSWORD_CHARS } from '@/lib/validation/account';
import type { ActionResult } from '@/lib/validation/action-result';
import { FormAlert, FormDone, TextField } from './form-bits';
import { useActionForm } from './use-action-form';

const EMPTY: ChangePassword = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** Change password: the current one, then the new one twice. */
export function ChangePasswordForm({ change }: { change: (input: ChangePassword) => Promise<ActionResult> }) {
  const [done, setDone] = useState(false);
  const {
    form,
    onSubmit,
    message,
    messageAtField,
    submitting: pending,
  } = useActionForm<ChangePassword>({
    schema: ChangePasswordSchema,
    defaultValues: EMPTY,
    action: change,
    onStart: () => setDone(false),
    onSuccess: (_result, _values, f) => {
      f.reset(EMPTY);
      setDone(true);
    },
    onRefused: (f) => f.reset(EMPTY),
  });
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <form className="stack-form" onSubmit={onSubmit} noValidate>
      <TextField
        id="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...register('currentPassword')}
      />
      <TextField
        id="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_CHARS} characters. A few unrelated words make a strong one.`}
        error={errors.newPassword?.message}
        {...register('newPassword')}
      />
      <TextField
        id="confirmPassword"
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword?.message}
        {...register('confirmPassword')}
      />
      <FormAlert message={message} atField={messageAtField} />
      <FormDone message={done ? 'Password changed. Your other devices were signed out.' : null} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
