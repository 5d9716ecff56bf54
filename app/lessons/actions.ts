'use server';

import { getActor } from '@/lib/server/actor';
import { gradeForActor } from '@/lib/server/classroom-grading';
import type { SubmitOutcome } from '@/lib/validation/exercise-contract';

/**
 * Scores one exercise on the server. The key reaches the browser only in this response,
 * after the student has submitted, and for a student in a class only once it is released.
 */
export async function submitExercise(input: unknown): Promise<SubmitOutcome> {
  return gradeForActor(await getActor(), input);
}
