'use client';

import { useEffect, useState } from 'react';
import type { ActionResult } from '@/lib/validation/action-result';
import { type CreateAssignment, CreateAssignmentSchema, RELEASE_POLICY_CHOICES } from '@/lib/validation/classroom';
import { FieldError, FormAlert, FormDone, TextField } from './form-bits';
import { useActionForm } from './use-action-form';

type Props = {
  lessons: { slug: string; title: string }[];
  create: (input: CreateAssignment) => Promise<ActionResult<{ count: number }>>;
};

const EMPTY: CreateAssignment = {
  lessonSlugs: [],
  opensDate: '',
  opensTime: '',
  dueDate: '',
  dueTime: '',
  timeZone: 'UTC',
  releasePolicy: 'on-submit',
  allowResubmit: false,
};

/** Assign one or more lessons with the same dates and key release policy. */
export function AssignmentForm({ lessons, create }: Props) {
  const [saved, setSaved] = useState<string | null>(null);
  const {
    form,
    onSubmit,
    message,
    submitting: pending,
  } = useActionForm<CreateAssignment, { count: number }>({
    schema: CreateAssignmentSchema,
    defaultValues: EMPTY,
    action: create,
    onStart: () => setSaved(null),
    onSuccess: (result, values, f) => {
      f.reset({ ...EMPTY, timeZone: values.timeZone });
      setSaved(`Assigned ${result.count} lesson${result.count === 1 ? '' : 's'}.`);
    },
  });
  const { register, formState, setValue } = form;
  // The times typed are the instructor's wall-clock time; the server needs the browser's zone.
  const [timeZone, setTimeZone] = useState('UTC');
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    setTimeZone(zone);
    setValue('timeZone', zone);
  }, [setValue]);
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
          id="opensDate"
          label="Opens on (optional)"
          type="date"
          error={errors.opensDate?.message}
          {...register('opensDate')}
        />
        <TextField
          id="opensTime"
          label="at (optional)"
          hint="Blank: at the start of the day."
          type="time"
          error={errors.opensTime?.message}
          {...register('opensTime')}
        />
      </div>
      <div className="field-row">
        <TextField
          id="dueDate"
          label="Due on (optional)"
          type="date"
          error={errors.dueDate?.message}
          {...register('dueDate')}
        />
        <TextField
          id="dueTime"
          label="at (optional)"
          hint="Blank: at the end of the day (23:59)."
          type="time"
          error={errors.dueTime?.message}
          {...register('dueTime')}
        />
      </div>
      <p className="field-hint">Times are in your time zone: {timeZone}.</p>
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
      <FormDone message={saved} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? 'Assigning…' : 'Assign'}
      </button>
    </form>
  );
}
