'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getActor } from '@/lib/server/actor';
import {
  deleteAssignment,
  extendForStudent,
  reopenForStudent,
  updateAssignment,
} from '@/lib/server/data/assignment-control';
import type { Result } from '@/lib/server/result';
import { type ActionResult, actionFailure, invalidInput } from '@/lib/validation/action-result';
import { ExtensionSchema, extensionInstant } from '@/lib/validation/assignment-control';
import { assignmentInstants, EditAssignmentSchema } from '@/lib/validation/classroom';

/*
 * The instructor's control over one assignment. Each action asks getActor() again and the
 * data layer checks that the assignment (and the student) belong to this instructor's class.
 */

const IdSchema = z.string().min(1).max(100);

/** A data-layer result as an action result; refresh the instructor pages after a change. */
function settle<T>(
  result: Result<T>,
  message: (value: T) => string,
  field?: string,
): ActionResult<{ message: string }> {
  if (!result.ok) {
    const onField = field && result.error === 'invalid' ? { [field]: [result.message] } : {};
    return actionFailure(result.message, onField);
  }
  revalidatePath('/instructor', 'layout');
  return { ok: true, message: message(result.value) };
}

/** Said when a change hides again a key the class could already see. */
const HIDDEN_AGAIN =
  ' The class could already see the key; it is hidden again now, but students who looked at it have seen it. To give some students more time, extend the due date for them instead.';

export async function updateAssignmentAction(
  assignmentId: string,
  input: unknown,
): Promise<ActionResult<{ message: string }>> {
  const parsed = EditAssignmentSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (!IdSchema.safeParse(assignmentId).success) return actionFailure('No such assignment.');
  const { releasePolicy, allowResubmit } = parsed.data;
  const result = await updateAssignment(await getActor(), assignmentId, {
    ...assignmentInstants(parsed.data),
    releasePolicy,
    allowResubmit,
  });
  return settle(result, (v) =>
    v.changed === 0
      ? 'Nothing changed.'
      : `Saved ${v.changed} change${v.changed === 1 ? '' : 's'}.${v.hidesReleasedKey ? HIDDEN_AGAIN : ''}`,
  );
}

export async function deleteAssignmentAction(assignmentId: string): Promise<ActionResult<{ message: string }>> {
  if (!IdSchema.safeParse(assignmentId).success) return actionFailure('No such assignment.');
  return settle(
    await deleteAssignment(await getActor(), assignmentId),
    (v) => `Deleted, with ${v.submissions} submission${v.submissions === 1 ? '' : 's'}.`,
  );
}

export async function reopenForStudentAction(
  assignmentId: string,
  studentId: string,
): Promise<ActionResult<{ message: string }>> {
  if (!IdSchema.safeParse(assignmentId).success) return actionFailure('No such assignment.');
  if (!IdSchema.safeParse(studentId).success) return actionFailure('No such student.');
  return settle(
    await reopenForStudent(await getActor(), assignmentId, studentId),
    () => 'Reopened: one more submission of each exercise for this student.',
  );
}

export async function extendForStudentAction(
  assignmentId: string,
  studentId: string,
  input: unknown,
): Promise<ActionResult<{ message: string }>> {
  const parsed = ExtensionSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (!IdSchema.safeParse(assignmentId).success) return actionFailure('No such assignment.');
  if (!IdSchema.safeParse(studentId).success) return actionFailure('No such student.');
  const dueAt = extensionInstant(parsed.data);
  if (!dueAt) return actionFailure('The new due date is not valid.', { dueDate: ['The new due date is not valid.'] });
  return settle(
    await extendForStudent(await getActor(), assignmentId, studentId, dueAt),
    () => 'Saved: this student has their own due date now.',
    'dueDate',
  );
}
