'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import type { ActionResult } from '@/lib/validation/action-result';
import { type CreateAssignment, CreateAssignmentSchema, RELEASE_POLICY_CHOICES } from '@/lib/validation/classroom';
import { applyServerErrors, FieldError, FormAlert, OFFLINE_MESSAGE, TextField } from './form-bits';

type Props = {
  lessons: { slug: string; title: string }[];
  create: (input: CreateAssignment) => Promise<ActionResult<{ count: number }>>;
};

const EMPTY: CreateAssignment = {
  lessonSlugs: [],
  opensAt: '',
  dueAt: '',
  timezoneOffset: 0,
  releasePolicy: 'on-submit',
  allowResubmit: false,
};

/** Assign one or more lessons with the same dates and key release policy. */
export function AssignmentForm({ lessons, create }: Props) {
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, formState, setError, setValue, reset } = useForm<CreateAssignment>({
    resolver: zodResolver(CreateAssignmentSchema),
    defaultValues: EMPTY,
  });
  // The times typed are the instructor's local time; the server needs the browser's offset.
  useEffect(() => setValue('timezoneOffset', new Date().getTimezoneOffset()), [setValue]);
  const onSubmit = handleSubmit((values) => {
    setMessage(null);
    setSaved(null);
    start(async () => {
      try {
        const result = await create(values);
        if (!result.ok) {
          applyServerErrors(setError, result);
          setMessage(result.message);
          return;
        }
        reset({ ...EMPTY, timezoneOffset: values.timezoneOffset });
        setSaved(`Assigned ${result.count} lesson${result.count === 1 ? '' : 's'}.`);
      } catch {
        setMessage(OFFLINE_MESSAGE);
      }
    });
  });
  const { errors } = formState;
  return (
    <form className="stack-form assignment-form" onSubmit={onSubmit} noValidate>
      <fieldset aria-describedby={errors.lessonSlugs ? 'lessonSlugs-error' : undefined}>
        <legend>Lessons</legend>
        {lessons.map((lesson) => (
          <label key={lesson.slug} className="check">
            <input type="checkbox" value={lesson.slug} {...register('lessonSlugs')} /> {lesson.title}
          </label>
        ))}
        <FieldError id="lessonSlugs-error" message={errors.lessonSlugs?.message} />
      </fieldset>
      <div className="field-row">
        <TextField
          id="opensAt"
          label="Opens (optional)"
          type="datetime-local"
          error={errors.opensAt?.message}
          {...register('opensAt')}
        />
        <TextField
          id="dueAt"
          label="Due (optional)"
          type="datetime-local"
          error={errors.dueAt?.message}
          {...register('dueAt')}
        />
      </div>
      <fieldset aria-describedby={errors.releasePolicy ? 'releasePolicy-error' : undefined}>
        <legend>Release the answer key</legend>
        {RELEASE_POLICY_CHOICES.map((choice) => (
          <label key={choice.value} className="check">
            <input type="radio" value={choice.value} {...register('releasePolicy')} /> {choice.label}
          </label>
        ))}
        <FieldError id="releasePolicy-error" message={errors.releasePolicy?.message} />
      </fieldset>
      <label className="check">
        <input type="checkbox" {...register('allowResubmit')} /> Students may submit again
      </label>
      <FormAlert message={message} />
      {saved && (
        <p role="status" className="form-ok">
          {saved}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {pending ? 'Assigning…' : 'Assign'}
      </button>
    </form>
  );
}
