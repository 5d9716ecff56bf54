'use server';

import type { SubmitOutcome } from '@/components/exercise/types';
import { gradeSubmission } from '@/lib/server/grading';

/**
 * Scores one exercise on the server. The key reaches the browser only in this response,
 * after the student has submitted.
 */
export async function submitExercise(input: unknown): Promise<SubmitOutcome> {
  const outcome = gradeSubmission(input);
  if (!outcome.ok) return { ok: false, message: outcome.message, fieldErrors: outcome.fieldErrors };
  return { ok: true, graded: outcome.value };
}
