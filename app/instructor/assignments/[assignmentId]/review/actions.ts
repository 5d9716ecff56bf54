'use server';

import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/server/actor';
import { acceptExtra, dismissExtra } from '@/lib/server/data/review';
import { type ActionResult, actionFailure, invalidInput } from '@/lib/validation/action-result';
import type { Label } from '@/lib/validation/labels';
import { AcceptExtraFormSchema, DismissExtraFormSchema, ReviewIdSchema } from '@/lib/validation/review';

/*
 * Each action asks getActor() again and the data layer checks that the assignment is this
 * instructor's: the page's own check protects nothing here. The span comes bound by the
 * page; the data layer validates it like any other input.
 */

type Span = { label: Label; start: number; end: number };

function ids(...values: string[]): boolean {
  return values.every((v) => ReviewIdSchema.safeParse(v).success);
}

export async function acceptExtraAction(
  assignmentId: string,
  exerciseId: string,
  span: Span,
  input: unknown,
): Promise<ActionResult<{ message: string }>> {
  const parsed = AcceptExtraFormSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (!ids(assignmentId, exerciseId)) return actionFailure('No such assignment.');
  const result = await acceptExtra(await getActor(), assignmentId, exerciseId, {
    ...span,
    optional: parsed.data.weight === 'optional',
    explanation: parsed.data.explanation,
  });
  if (!result.ok) return actionFailure(result.message);
  revalidatePath(`/instructor/assignments/${assignmentId}`, 'layout');
  return { ok: true, message: `Accepted into this class’s key; ${result.value.rescored} submissions rescored.` };
}

export async function dismissExtraAction(
  assignmentId: string,
  exerciseId: string,
  span: Span,
  input: unknown,
): Promise<ActionResult<{ message: string }>> {
  const parsed = DismissExtraFormSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (!ids(assignmentId, exerciseId)) return actionFailure('No such assignment.');
  const result = await dismissExtra(await getActor(), assignmentId, exerciseId, {
    ...span,
    comment: parsed.data.comment,
  });
  if (!result.ok) return actionFailure(result.message);
  revalidatePath(`/instructor/assignments/${assignmentId}`, 'layout');
  return { ok: true, message: 'Dismissed; the comment is kept.' };
}
