'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import type { ActionResult } from '@/lib/validation/action-result';
import { type Resume, ResumeSchema } from '@/lib/validation/classroom';
import { applyServerErrors, FormAlert, OFFLINE_MESSAGE, TextField } from './form-bits';

/** Continue on another device with the class code and the personal resume code. */
export function ResumeForm({ resume }: { resume: (input: Resume) => Promise<ActionResult> }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, formState, setError } = useForm<Resume>({
    resolver: zodResolver(ResumeSchema),
    defaultValues: { joinCode: '', resumeCode: '' },
  });
  const onSubmit = handleSubmit((values) => {
    setMessage(null);
    start(async () => {
      try {
        const result = await resume(values);
        if (result.ok) {
          router.push('/class');
          router.refresh();
          return;
        }
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
        id="joinCode"
        label="Class code"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        className="code-field"
        error={formState.errors.joinCode?.message}
        {...register('joinCode')}
      />
      <TextField
        id="resumeCode"
        label="Your resume code"
        hint="12 letters and digits, shown when you joined."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        className="code-field"
        error={formState.errors.resumeCode?.message}
        {...register('resumeCode')}
      />
      <FormAlert message={message} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? 'Checking…' : 'Continue'}
      </button>
    </form>
  );
}
