'use client';

import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/lib/validation/action-result';
import { type Resume, ResumeSchema } from '@/lib/validation/classroom';
import { FormAlert, TextField } from './form-bits';
import { useActionForm } from './use-action-form';

/** Continue on another device with the class code and the personal resume code. */
export function ResumeForm({ resume }: { resume: (input: Resume) => Promise<ActionResult> }) {
  const router = useRouter();
  const {
    form,
    onSubmit,
    message,
    messageAtField,
    submitting: pending,
  } = useActionForm<Resume>({
    schema: ResumeSchema,
    defaultValues: { joinCode: '', resumeCode: '' },
    action: resume,
    onSuccess: () => {
      router.push('/class');
      router.refresh();
    },
  });
  const { register, formState } = form;
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
      <FormAlert message={message} atField={messageAtField} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? 'Checking…' : 'Continue'}
      </button>
    </form>
  );
}
