'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef, useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { type AnswerForm, answerSchema } from '@/lib/validation/question';
import { loadDraft, saveDraft } from '../exercise/draft-store';
import { recordProgress } from './progress';
import { type AnswerDraftActions, useClassAnswerDraft } from './use-class-answer-draft';

/** The server's answer: the model answer, or a notice while a class's key holds it back. */
type Outcome = { ok: true; model: string | null; notice?: string } | { ok: false; message: string };

/** What the page's plain answer box held when this form replaced it (question-form-lazy.tsx). */
export type Handover = {
  value: string;
  /** Which of its two controls had the focus. */
  focused: 'answer' | 'button' | null;
  selection?: [number | null, number | null, 'forward' | 'backward' | 'none' | null];
  /** Its button was pressed: check now. */
  check: boolean;
};

export type QuestionFormProps = {
  id: string;
  minWords: number;
  answer: (input: unknown) => Promise<Outcome>;
  /** Keeping a class student's draft on the server (see use-class-answer-draft.ts). */
  drafts?: AnswerDraftActions;
};

/** The answer box of a question: validated as typed, kept with the draft, model answer after. */
export function QuestionForm({
  id,
  minWords,
  answer,
  drafts,
  takeOver,
}: QuestionFormProps & { takeOver?: () => Handover }) {
  const draftKey = `question:${id}`;
  const form = useForm<AnswerForm>({ resolver: zodResolver(answerSchema(minWords)), defaultValues: { answer: '' } });
  const [model, setShownModel] = useState<string | null>(null);
  // The model answer as the draft keeper reads it: set with the state, so a save in the same
  // task (a restored draft's reset) keeps it.
  const modelRef = useRef<string | null>(null);
  const setModel = useCallback((m: string | null) => {
    modelRef.current = m;
    setShownModel(m);
  }, []);
  const [serverError, setServerError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, formState, reset, watch, getValues, setValue } = form;
  const classDraft = useClassAnswerDraft(id, form, drafts);
  const { typed } = classDraft;
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const saved = loadDraft<{ answer: string; model?: string }>(draftKey);
    if (saved?.model) setModel(saved.model);
    // What was typed in the plain box before the form arrived is newer than the kept draft.
    const typedFirst = getValues('answer');
    if (typedFirst !== '') saveDraft(draftKey, { answer: typedFirst, model: saved?.model });
    else if (saved) reset({ answer: saved.answer });
  }, [draftKey, reset, getValues, setModel]);

  // In the commit that mounts the box, like the class draft's: no typing slips past it.
  useLayoutEffect(() => {
    const sub = watch((values) =>
      saveDraft(draftKey, { answer: values.answer ?? '', model: modelRef.current ?? undefined }),
    );
    return () => sub.unsubscribe();
  }, [watch, draftKey]);

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

  // In the commit that replaced the plain box: its text, caret, focus and a check asked for.
  const handOver = useEffectEvent(() => {
    const left = takeOver?.();
    if (!left) return;
    if (left.value !== '') {
      setValue('answer', left.value);
      typed(left.value);
    }
    if (left.focused === 'answer') {
      // Focused here, in the commit that removed the plain box: react-hook-form's setFocus
      // waits a task, and what is typed meanwhile would reach no box at all.
      const [start, end, direction] = left.selection ?? [null, null, null];
      const box = document.getElementById(`${id}-answer`);
      if (box instanceof HTMLTextAreaElement) {
        box.focus({ preventScroll: true });
        if (start !== null && end !== null) box.setSelectionRange(start, end, direction ?? undefined);
      }
    } else if (left.focused === 'button') button.current?.focus();
    if (left.check) void onSubmit();
  });
  useLayoutEffect(() => handOver(), []);

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
      <button type="submit" disabled={pending} ref={button}>
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
