'use server';

import { revalidatePath } from 'next/cache';
import type { SaveKeyResult } from '@/components/key-editor/types';
import { getActor } from '@/lib/server/actor';
import { saveOwnKeyFromEditor } from '@/lib/server/data/own-article-edit';
import { ReviewIdSchema } from '@/lib/validation/review';

/** Saves the key of one of the instructor's articles from the key editor; the data layer checks the owner. */
export async function saveOwnKeyAction(articleId: string, input: unknown): Promise<SaveKeyResult> {
  if (!ReviewIdSchema.safeParse(articleId).success) return { ok: false, message: 'No such article.', fieldErrors: {} };
  const result = await saveOwnKeyFromEditor(await getActor(), articleId, input);
  if (!result.ok) {
    return {
      ok: false,
      message: result.message,
      fieldErrors: result.fieldErrors,
      conflict: result.error === 'conflict',
    };
  }
  revalidatePath('/instructor/articles', 'layout');
  const { version, rescored } = result.value;
  const students = (n: number) => `${n} student${n === 1 ? '' : 's'}`;
  const work =
    rescored.submissions === 0
      ? ' The classes it is assigned to are scored with it from their first submission.'
      : ` The work submitted in ${new Intl.ListFormat('en', { type: 'conjunction' }).format(rescored.classes)} is rescored against it (${rescored.submissions} submission${rescored.submissions === 1 ? '' : 's'}; the figures of ${students(rescored.studentsChanged)} changed). Students see the new key, marked as changed, once it is released to them.`;
  return { ok: true, version, message: `Saved as version ${version}.${work}` };
}
