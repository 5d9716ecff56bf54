'use client';

import { useRouter } from 'next/navigation';
import { type SignIn, SignInSchema } from '@/lib/validation/account';
import type { ActionResult } from '@/lib/validation/action-result';
import { FormAlert, TextField } from './form-bits';
import { useActionForm } from './use-action-form';

/** The instructor sign-in form; the password is cleared after a refusal, never sent back. */
export function SignInForm({ signIn }: { signIn: (input: SignIn) => Promise<ActionResult> }) {
  const router = useRouter();
  const {
    form,
    onSubmit,
    message,
    messageAtField,
    submitting: pending,
  } = useActionForm<SignIn>({
    schema: SignInSchema,
    defaultValues: { email: '', password: '' },
    action: signIn,
    onSuccess: () => {
      router.push('/instructor');
      router.refresh();
    },
    onRefused: (f) => f.resetField('password'),
  });
  const { register, formState } = form;
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
      <FormAlert message={message} atField={messageAtField} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
