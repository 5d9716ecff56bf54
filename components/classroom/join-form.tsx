'use client';

import { useState } from 'react';
import { Link } from '@/components/layout/link';
import type { ActionResult } from '@/lib/validation/action-result';
import { type JoinClass, JoinClassSchema, MAX_DISPLAY_NAME_CHARS } from '@/lib/validation/classroom';
import { FormAlert, TextField } from './form-bits';
import { useActionForm } from './use-action-form';

type Joined = { className: string; resumeCode: string };

type Props = {
  join: (input: JoinClass) => Promise<ActionResult<Joined>>;
  /** The name of the class student already signed in on this browser, if any. */
  signedInAs?: string;
};

/** Join a class with its code and a name; then show the resume code, once. */
export function JoinForm({ join, signedInAs }: Props) {
  const [joined, setJoined] = useState<Joined | null>(null);
  const {
    form,
    onSubmit,
    message,
    messageAtField,
    submitting: pending,
  } = useActionForm<JoinClass, Joined>({
    schema: JoinClassSchema,
    defaultValues: { joinCode: '', displayName: '' },
    action: join,
    onSuccess: (result) => setJoined({ className: result.className, resumeCode: result.resumeCode }),
  });
  const { register, formState } = form;

  if (joined) {
    // Only the new class is spoken of now: the note about the class this browser was in is gone.
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
      {signedInAs && (
        <p className="note">
          You are already in a class as “{signedInAs}”: <Link href="/class">go to my class</Link>, or join another class
          here.
        </p>
      )}
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
      <FormAlert message={message} atField={messageAtField} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? 'Joining…' : 'Join the class'}
      </button>
    </form>
  );
}
