'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { type AnswerForm, answerSchema } from '@/lib/validation/question';
import { loadDraft, saveDraft } from '../exercise/draft-store';
import { recordProgress } from './progress';
import { type AnswerDraftActions, useClassAnswerDraft } from './use-class-answer-draft';

/** The server's answer: the model answer, or a notice while a class's key holds it back. */
type Outcome = { ok: true; model: string | null; notice?: string } | { ok: false; message: string };

export type QuestionFormProps = {
  id: string;
  minWords: number;
  answer: (input: unknown) => Promise<Outcome>;
  /** Keeping a class student's draft on the server (see use-class-answer-draft.ts). */
  drafts?: AnswerDraftActions;
};

/** The answer box of a question: validated as typed, kept with the draft, model answer after. */
export function QuestionForm({ id, minWords, answer, drafts }: QuestionFormProps) {
  const draftKey = `question:${id}`;
  const form = useForm<AnswerForm>({ resolver: zodResolver(answerSchema(minWords)), defaultValues: { answer: '' } });
  const [model, setModel] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, formState, reset, watch } = form;
  const classDraft = useClassAnswerDraft(id, form, drafts);

  useEffect(() => {
    const saved = loadDraft<{ answer: string; model?: string }>(draftKey);
    if (saved) {
      reset({ answer: saved.answer });
      if (saved.model) setModel(saved.model);
    }
  }, [draftKey, reset]);

  useEffect(() => {
    const sub = watch((values) => saveDraft(draftKey, { answer: values.answer ?? '', model: model ?? undefined }));
    return () => sub.unsubscribe();
  }, [watch, draftKey, model]);

  const onSubmit = handleSubmit((values) => {
    setServerError(null);
    setNotice(null);
    start(async () => {
      try {
        const outcome = await answer({ questionId: id, answer: values.answer, clientId: crypto.randomUUID() });
        if (!outcome.ok) {
          setServerError(outcome.message);
          return;
        }
        setNotice(outcome.notice ?? null);
        setModel(outcome.model);
        saveDraft(draftKey, { answer: values.answer, model: outcome.model ?? undefined });
        recordProgress(id);
      } catch {
        setServerError('Your answer could not be checked just now. It is kept here; try again.');
      }
    });
  });

  const error = formState.errors.answer?.message ?? serverError;
  return (
    <form className="question-form" onSubmit={onSubmit} noValidate>
      <textarea
        id={`${id}-answer`}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onFocus={classDraft.onFocus}
        {...register('answer')}
      />
      {classDraft.status && (
        <p className="question-draft-status" aria-live="polite">
          {classDraft.status}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? 'Checking…' : model ? 'Update my answer' : 'Check my answer'}
      </button>
      {notice && (
        <p className="question-notice" role="status">
          {notice}
        </p>
      )}
      {model && (
        <div className="model-answer" aria-live="polite">
          <p className="model-title">A model answer</p>
          <p>{model}</p>
        </div>
      )}
    </form>
  );
}

export default QuestionForm;
