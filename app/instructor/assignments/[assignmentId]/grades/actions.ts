'use server';

import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/server/actor';
import { reviewAnswer } from '@/lib/server/data/answers';
import { setGradeOverride, setGradingRule } from '@/lib/server/data/grades';
import type { Result } from '@/lib/server/result';
import { type ActionResult, actionFailure, invalidInput } from '@/lib/validation/action-result';
import { GradeOverrideSchema, GradingRuleSchema, ReviewAnswerSchema } from '@/lib/validation/grades';
import { ReviewIdSchema } from '@/lib/validation/review';

/*
 * Grades and written answers. Each action asks getActor() again; the data layer checks
 * that the assignment (and the student or answer) is this instructor's.
 */

const ids = (...values: string[]) => values.every((v) => ReviewIdSchema.safeParse(v).success);

function settle<T>(assignmentId: string, result: Result<T>, message: string): ActionResult<{ message: string }> {
  if (!result.ok) return actionFailure(result.message);
  revalidatePath(`/instructor/assignments/${assignmentId}`, 'layout');
  return { ok: true, message };
}

export async function setGradingRuleAction(
  assignmentId: string,
  input: unknown,
): Promise<ActionResult<{ message: string }>> {
  const parsed = GradingRuleSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (!ids(assignmentId)) return actionFailure('No such assignment.');
  const rule = { labelPoints: Number(parsed.data.labelPoints), answerPoints: Number(parsed.data.answerPoints) };
  return settle(assignmentId, await setGradingRule(await getActor(), assignmentId, rule), 'Grading rule saved.');
}

export async function setGradeOverrideAction(
  assignmentId: string,
  studentId: string,
  input: unknown,
): Promise<ActionResult<{ message: string }>> {
  const parsed = GradeOverrideSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (!ids(assignmentId, studentId)) return actionFailure('No such student.');
  const points = parsed.data.points === '' ? null : Number(parsed.data.points);
  const result = await setGradeOverride(await getActor(), {
    assignmentId,
    studentId,
    points,
    note: parsed.data.note,
  });
  return settle(assignmentId, result, points === null ? 'Back to the rule’s grade.' : 'Grade set by hand.');
}

export async function reviewAnswerAction(
  assignmentId: string,
  answerId: string,
  input: unknown,
): Promise<ActionResult<{ message: string }>> {
  const parsed = ReviewAnswerSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (!ids(assignmentId, answerId)) return actionFailure('No such answer.');
  const result = await reviewAnswer(await getActor(), { assignmentId, answerId, ...parsed.data });
  return settle(
    assignmentId,
    result,
    parsed.data.status === 'complete' ? 'Marked complete.' : 'Marked to revise; the student sees it after release.',
  );
}
