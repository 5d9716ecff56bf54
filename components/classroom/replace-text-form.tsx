'use client';

import { useState } from 'react';
import type { ActionResult } from '@/lib/validation/action-result';
import { type ReplaceText, ReplaceTextSchema } from '@/lib/validation/own-article-forms';
import { FormAlert, FormDone, TextAreaField } from './form-bits';
import { useActionForm } from './use-action-form';

type Props = { text: string; save: (input: ReplaceText) => Promise<ActionResult> };

/** Replaces an article's text while no student has submitted work on it; key items follow their quotes. */
export function ReplaceTextForm({ text, save }: Props) {
  const [done, setDone] = useState<string | null>(null);
  const { form, onSubmit, message, messageAtField, submitting } = useActionForm<ReplaceText>({
    schema: ReplaceTextSchema,
    defaultValues: { text },
    action: save,
    onStart: () => setDone(null),
    onSuccess: () => setDone('Saved. Every key item found its quote in the new text.'),
  });
  return (
    <form className="stack-form" onSubmit={onSubmit} noValidate>
      <TextAreaField
        id="replace-text"
        label="Text"
        rows={12}
        error={form.formState.errors.text?.message}
        {...form.register('text')}
      />
      <button type="submit" disabled={submitting}>
        Save the text
      </button>
      <FormAlert message={message} atField={messageAtField} />
      <FormDone message={done} />
    </form>
  );
}
