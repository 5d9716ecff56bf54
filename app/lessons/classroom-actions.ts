'use server';

import { getActor } from '@/lib/server/actor';
import { saveClassroomDraft } from '@/lib/server/classroom-grading';
import type { SaveDraftOutcome } from '@/lib/validation/exercise-contract';

/** Saves the student's draft of an assigned exercise to the server. */
export async function saveDraftToClass(input: unknown): Promise<SaveDraftOutcome> {
  return saveClassroomDraft(await getActor(), input);
}
