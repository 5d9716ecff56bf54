'use client';

import { useEffect, useState } from 'react';
import { useViewerTimeZone } from '@/components/time/local-time';
import type { ActionResult } from '@/lib/validation/action-result';
import { type EditAssignment, EditAssignmentSchema } from '@/lib/validation/classroom';
import { instantToDayAndTime } from '@/lib/validation/local-time';
import { AssignmentSettingsFields } from './assignment-fields';
import { FormAlert, FormDone } from './form-bits';
import { useActionForm } from './use-action-form';

type Props = {
  /** The stored settings: instants as ISO strings (null: none). */
  current: {
    opensAt: string | null;
    dueAt: string | null;
    releasePolicy: EditAssignment['releasePolicy'];
    allowResubmit: boolean;
  };
  save: (input: EditAssignment) => Promise<ActionResult<{ message: string }>>;
  /** The assignment is an instructor's own article (its key is not public). */
  ownArticle?: boolean;
};

/** The form's values for the stored settings, the dates on the wall clock of `timeZone`. */
function valuesFor(current: Props['current'], timeZone: string): EditAssignment {
  const opens = current.opensAt ? instantToDayAndTime(current.opensAt, timeZone) : null;
  const due = current.dueAt ? instantToDayAndTime(current.dueAt, timeZone) : null;
  return {
    opensDate: opens?.day ?? '',
    opensTime: opens?.time ?? '',
    dueDate: due?.day ?? '',
    dueTime: due?.time ?? '',
    timeZone,
    releasePolicy: current.releasePolicy,
    allowResubmit: current.allowResubmit,
  };
}

/** Change an assignment's dates, key release policy and resubmission rule; the same checks as making one. */
export function EditAssignmentForm({ current, save, ownArticle = false }: Props) {
  const [saved, setSaved] = useState<string | null>(null);
  // The stored instants are shown, and typed, on the instructor's own wall clock: in the zone
  // the server knows from the first draw, the browser's own after hydration.
  const timeZone = useViewerTimeZone();
  const { form, onSubmit, message, messageAtField, submitting } = useActionForm<EditAssignment, { message: string }>({
    schema: EditAssignmentSchema,
    defaultValues: valuesFor(current, timeZone),
    action: save,
    onStart: () => setSaved(null),
    onSuccess: (result) => setSaved(result.message),
  });
  const { reset } = form;
  useEffect(() => {
    // After a save the page brings the stored settings back: a field changed since then
    // (typed while the page reloaded) keeps what was typed.
    reset(valuesFor(current, timeZone), { keepDirtyValues: true });
  }, [current, reset, timeZone]);
  return (
    <form className="stack-form assignment-form" onSubmit={onSubmit} noValidate aria-label="Change the assignment">
      <AssignmentSettingsFields form={form} timeZone={timeZone} ownArticle={ownArticle} />
      <FormAlert message={message} atField={messageAtField} />
      <FormDone message={saved} />
      <button type="submit" className="primary" disabled={submitting}>
        {submitting ? 'Saving…' : 'Save changes'}
      </button>
    </form>
  );
}
