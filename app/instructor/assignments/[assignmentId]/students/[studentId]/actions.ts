'use server';

import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/server/actor';
import { addComment } from '@/lib/server/data/review';
import { type ActionResult, actionFailure, invalidInput } from '@/lib/validation/action-result';
import { CommentFormSchema, commentFromForm, ReviewIdSchema } from '@/lib/validation/review';

/** Comments on a submission; the data layer checks that it belongs to this instructor's class. */
export async function addCommentAction(
  assignmentId: string,
  submissionId: string,
  input: unknown,
): Promise<ActionResult<{ message: string }>> {
  const parsed = CommentFormSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (!ReviewIdSchema.safeParse(submissionId).success) return actionFailure('No such submission.');
  const result = await addComment(await getActor(), submissionId, commentFromForm(parsed.data));
  if (!result.ok) return actionFailure(result.message);
  revalidatePath(`/instructor/assignments/${assignmentId}`, 'layout');
  return { ok: true, message: 'Comment added. The student sees it once the key is released to them.' };
}
