'use server';

import { revalidatePath } from 'next/cache';
import type { RescoreResult, SaveKeyResult } from '@/components/key-editor/types';
import { getActor } from '@/lib/server/actor';
import { rescoreClassKey, saveClassKey } from '@/lib/server/data/class-key-edit';
import { ReviewIdSchema } from '@/lib/validation/review';

/*
 * Each action asks getActor() again; the data layer checks that the class is this
 * instructor's and validates the items (the page's own check protects nothing here).
 */

const ids = (...values: unknown[]) => values.every((v) => ReviewIdSchema.safeParse(v).success);

export async function saveClassKeyAction(classId: string, exerciseId: string, input: unknown): Promise<SaveKeyResult> {
  if (!ids(classId, exerciseId)) return { ok: false, message: 'No such class key.', fieldErrors: {} };
  const result = await saveClassKey(await getActor(), classId, exerciseId, input);
  if (!result.ok) {
    return {
      ok: false,
      message: result.message,
      fieldErrors: 'fieldErrors' in result ? result.fieldErrors : {},
      conflict: result.error === 'conflict',
    };
  }
  revalidatePath(`/instructor/classes/${classId}`, 'layout');
  const { version, changes } = result.value;
  return {
    ok: true,
    version,
    message: `Saved as version ${version} (${changes} ${changes === 1 ? 'item differs' : 'items differ'} from the shipped key). Rescore the class to update the students’ figures.`,
  };
}

export async function rescoreClassKeyAction(classId: string, exerciseId: string): Promise<RescoreResult> {
  if (!ids(classId, exerciseId)) return { ok: false, message: 'No such class key.' };
  const result = await rescoreClassKey(await getActor(), classId, exerciseId);
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath(`/instructor/classes/${classId}`, 'layout');
  const { version, submissions, studentsChanged } = result.value;
  return {
    ok: true,
    message: `Rescored ${submissions} ${submissions === 1 ? 'submission' : 'submissions'} with version ${version}: ${studentsChanged} ${studentsChanged === 1 ? 'student’s figures' : 'students’ figures'} changed.`,
  };
}
