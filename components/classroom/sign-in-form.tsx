'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { type SignIn, SignInSchema } from '@/lib/validation/account';
import type { ActionResult } from '@/lib/validation/action-result';
import { applyServerErrors, FormAlert, OFFLINE_MESSAGE, TextField } from './form-bits';

/** The instructor sign-in form; the password is cleared after a refusal, never sent back. */
export function SignInForm({ signIn }: { signIn: (input: SignIn) => Promise<ActionResult> }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, formState, setError, resetField } = useForm<SignIn>({
    resolver: zodResolver(SignInSchema),
    defaultValues: { email: '', password: '' },
  });
  const onSubmit = handleSubmit((values) => {
    setMessage(null);
    start(async () => {
      try {
        const result = await signIn(values);
        if (result.ok) {
          router.push('/instructor');
          router.refresh();
          return;
        }
        resetField('password');
        applyServerErrors(setError, result);
        setMessage(result.message);
      } catch {
        setMessage(OFFLINE_MESSAGE);
      }
    });
  });
  return (
    <form className="stack-form" onSubmit={onSubmit} noValidate>
      <TextField
        id="email"
        label="Email"
        type="email"
        autoComplete="username"
        error={formState.errors.email?.message}
        {...register('email')}
      />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        error={formState.errors.password?.message}
        {...register('password')}
      />
      <FormAlert message={message} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
