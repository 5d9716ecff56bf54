'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { type ChangePassword, ChangePasswordSchema, MIN_PASSWORD_CHARS } from '@/lib/validation/account';
import type { ActionResult } from '@/lib/validation/action-result';
import { applyServerErrors, FormAlert, OFFLINE_MESSAGE, TextField } from './form-bits';

const EMPTY: ChangePassword = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** Change password: the current one, then the new one twice. */
export function ChangePasswordForm({ change }: { change: (input: ChangePassword) => Promise<ActionResult> }) {
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, start] = useTransition();
  const { register, handleSubmit, formState, setError, reset } = useForm<ChangePassword>({
    resolver: zodResolver(ChangePasswordSchema),
    defaultValues: EMPTY,
  });
  const onSubmit = handleSubmit((values) => {
    setMessage(null);
    setDone(false);
    start(async () => {
      try {
        const result = await change(values);
        reset(EMPTY);
        if (result.ok) {
          setDone(true);
          return;
        }
        applyServerErrors(setError, result);
        setMessage(result.message);
      } catch {
        setMessage(OFFLINE_MESSAGE);
      }
    });
  });
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
      <FormAlert message={message} />
      {done && (
        <p role="status" className="form-ok">
          Password changed. Your other devices were signed out.
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
