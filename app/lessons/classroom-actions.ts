'use server';

import type { ClassroomState } from '@/components/exercise/types';
import { getActor } from '@/lib/server/actor';
import { openClassroomExercise, saveClassroomDraft } from '@/lib/server/classroom-grading';

/** The classroom state of an exercise for the signed-in student, or null (self-guided). */
export async function openClassroom(exerciseId: string): Promise<ClassroomState | null> {
  if (typeof exerciseId !== 'string') return null;
  return openClassroomExercise(await getActor(), exerciseId);
}

/** Saves the student's draft of an assigned exercise to the server. */
export async function saveDraftToClass(input: unknown) {
  return saveClassroomDraft(await getActor(), input);
}
