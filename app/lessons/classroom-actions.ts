'use server';

import { getActor } from '@/lib/server/actor';
import { openClassroomExercise, saveClassroomDraft } from '@/lib/server/classroom-grading';
import type { ClassroomExercise, SaveDraftOutcome } from '@/lib/validation/exercise-contract';

/** The classroom state of an exercise for the signed-in student, or null (self-guided). */
export async function openClassroom(exerciseId: string): Promise<ClassroomExercise | null> {
  if (typeof exerciseId !== 'string') return null;
  return openClassroomExercise(await getActor(), exerciseId);
}

/** Saves the student's draft of an assigned exercise to the server. */
export async function saveDraftToClass(input: unknown): Promise<SaveDraftOutcome> {
  return saveClassroomDraft(await getActor(), input);
}
