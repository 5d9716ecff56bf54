'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import type { ActionResult } from '@/lib/validation/action-result';
import { type JoinClass, JoinClassSchema, MAX_DISPLAY_NAME_CHARS } from '@/lib/validation/classroom';
import { applyServerErrors, FormAlert, OFFLINE_MESSAGE, TextField } from './form-bits';

type Joined = { className: string; resumeCode: string };

/** Join a class with its code and a name; then show the resume code, once. */
export function JoinForm({ join }: { join: (input: JoinClass) => Promise<ActionResult<Joined>> }) {
  const [message, setMessage] = useState<string | null>(null);
  const [joined, setJoined] = useState<Joined | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, formState, setError } = useForm<JoinClass>({
    resolver: zodResolver(JoinClassSchema),
    defaultValues: { joinCode: '', displayName: '' },
  });
  const onSubmit = handleSubmit((values) => {
    setMessage(null);
    start(async () => {
      try {
        const result = await join(values);
        if (!result.ok) {
          applyServerErrors(setError, result);
          setMessage(result.message);
          return;
        }
        setJoined({ className: result.className, resumeCode: result.resumeCode });
      } catch {
        setMessage(OFFLINE_MESSAGE);
      }
    });
  });

  if (joined) {
    return (
      <section className="resume-code-panel" aria-labelledby="joined-heading">
        <h2 id="joined-heading">You joined {joined.className}</h2>
        <p>
          <strong>Write this code down now.</strong> It is your personal resume code: with it and the class code you can
          continue on another device. It is shown only this once.
        </p>
        <p className="big-code" aria-label={`Your resume code: ${joined.resumeCode.split('').join(' ')}`}>
          {joined.resumeCode}
        </p>
        <p>If you lose it, your teacher can give you a new one.</p>
        <p>
          <Link href="/class" className="button primary">
            I wrote it down: go to my class
          </Link>
        </p>
      </section>
    );
  }
  return (
    <form className="stack-form" onSubmit={onSubmit} noValidate>
      <TextField
        id="joinCode"
        label="Class code"
        hint="8 letters and digits, from your teacher."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        className="code-field"
        error={formState.errors.joinCode?.message}
        {...register('joinCode')}
      />
      <TextField
        id="displayName"
        label="Your name"
        hint="As your teacher should see it. A first name is enough."
        autoComplete="given-name"
        maxLength={MAX_DISPLAY_NAME_CHARS}
        error={formState.errors.displayName?.message}
        {...register('displayName')}
      />
      <FormAlert message={message} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? 'Joining…' : 'Join the class'}
      </button>
    </form>
  );
}
