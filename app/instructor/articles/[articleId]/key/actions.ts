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
  return {
    ok: true,
    version: result.value.version,
    message: `Saved as version ${result.value.version}. Classes it is assigned to are scored with it from their next submission; rescore a class from its key page to update earlier ones.`,
  };
}
