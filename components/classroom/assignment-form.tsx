'use client';

import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { ActionResult } from '@/lib/validation/action-result';
import { type CreateAssignment, CreateAssignmentSchema, type EditAssignment } from '@/lib/validation/classroom';
import { AssignmentSettingsFields } from './assignment-fields';
import { FieldError, FormAlert, FormDone } from './form-bits';
import { useActionForm } from './use-action-form';
import { useBrowserTimeZone } from './use-browser-time-zone';

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
    messageAtField,
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
  const timeZone = useBrowserTimeZone(setValue);
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
      <AssignmentSettingsFields form={form as unknown as UseFormReturn<EditAssignment>} timeZone={timeZone} />
      <FormAlert message={message} atField={messageAtField} />
      <FormDone message={saved} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? 'Assigning…' : 'Assign'}
      </button>
    </form>
  );
}
