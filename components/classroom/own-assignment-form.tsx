'use client';

import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { ActionResult } from '@/lib/validation/action-result';
import type { EditAssignment } from '@/lib/validation/classroom';
import { LABEL_NAMES, LABELS } from '@/lib/validation/labels';
import {
  type CreateOwnAssignment,
  CreateOwnAssignmentSchema,
  MAX_INSTRUCTIONS_CHARS,
} from '@/lib/validation/own-assignment';
import { AssignmentSettingsFields } from './assignment-fields';
import { FieldError, FormAlert, FormDone, TextAreaField } from './form-bits';
import { useActionForm } from './use-action-form';
import { useBrowserTimeZone } from './use-browser-time-zone';

type Props = {
  classes: { id: string; name: string }[];
  assign: (input: CreateOwnAssignment) => Promise<ActionResult>;
};

const EMPTY: CreateOwnAssignment = {
  classId: '',
  instructions: 'Label every attribution, every loaded word or phrase, and every claim a reader cannot check.',
  labels: [...LABELS],
  opensDate: '',
  opensTime: '',
  dueDate: '',
  dueTime: '',
  timeZone: 'UTC',
  releasePolicy: 'after-due',
  allowResubmit: false,
};

/** Assigns the article to one of the instructor's classes: the same choices as a lesson's assignment. */
export function OwnAssignmentForm({ classes, assign }: Props) {
  const [saved, setSaved] = useState<string | null>(null);
  const { form, onSubmit, message, messageAtField, submitting } = useActionForm<CreateOwnAssignment>({
    schema: CreateOwnAssignmentSchema,
    defaultValues: { ...EMPTY, classId: classes[0]?.id ?? '' },
    action: assign,
    onStart: () => setSaved(null),
    onSuccess: (_result, values) => {
      setSaved(`Assigned to ${classes.find((c) => c.id === values.classId)?.name ?? 'the class'}.`);
    },
  });
  const { register, formState, setValue } = form;
  const timeZone = useBrowserTimeZone(setValue);
  const { errors } = formState;
  return (
    <form className="stack-form assignment-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="own-assign-class">Class</label>
        <select
          id="own-assign-class"
          aria-invalid={errors.classId ? true : undefined}
          aria-describedby={errors.classId ? 'own-assign-class-error' : undefined}
          {...register('classId')}
        >
          {classes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldError id="own-assign-class-error" message={errors.classId?.message} />
      </div>
      <TextAreaField
        id="own-assign-instructions"
        label="Instructions"
        rows={3}
        maxLength={MAX_INSTRUCTIONS_CHARS}
        error={errors.instructions?.message}
        {...register('instructions')}
      />
      <fieldset aria-describedby={errors.labels ? 'own-assign-labels-error' : undefined}>
        <legend>Labels that count</legend>
        {LABELS.map((label) => (
          <label key={label} className="check">
            <input type="checkbox" value={label} {...register('labels')} /> {LABEL_NAMES[label]}
          </label>
        ))}
        <FieldError id="own-assign-labels-error" message={errors.labels?.message} />
      </fieldset>
      <AssignmentSettingsFields
        form={form as unknown as UseFormReturn<EditAssignment>}
        timeZone={timeZone}
        ownArticle
      />
      <FormAlert message={message} atField={messageAtField} />
      <FormDone message={saved} />
      <button type="submit" className="primary" disabled={submitting}>
        {submitting ? 'Assigning…' : 'Assign'}
      </button>
    </form>
  );
}
