'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getActor } from '@/lib/server/actor';
import { copyOwnArticle, replaceOwnArticleText } from '@/lib/server/data/own-article-edit';
import { importArticleFile } from '@/lib/server/data/own-article-files';
import { createOwnArticle, deleteOwnArticle } from '@/lib/server/data/own-articles';
import { createOwnAssignment } from '@/lib/server/data/own-assignments';
import type { Result } from '@/lib/server/result';
import { type ActionResult, actionFailure, invalidInput } from '@/lib/validation/action-result';
import { assignmentInstants } from '@/lib/validation/classroom';
import { OwnArticleSchema } from '@/lib/validation/own-article';
import { ImportArticleSchema, ReplaceTextSchema } from '@/lib/validation/own-article-forms';
import { CreateOwnAssignmentSchema } from '@/lib/validation/own-assignment';

/*
 * The instructor's own articles. Each action asks getActor() again, and the data layer
 * checks that the article is the caller's: another instructor's id is "No such article."
 */

const IdSchema = z.string().min(1).max(100);

function settle<T, R extends object>(result: Result<T>, pick: (value: T) => R, field = ''): ActionResult<R> {
  if (!result.ok) return actionFailure(result.message, field ? { [field]: [result.message] } : {});
  revalidatePath('/instructor/articles', 'layout');
  return { ok: true, ...pick(result.value) };
}

export async function createOwnArticleAction(input: unknown): Promise<ActionResult<{ articleId: string }>> {
  const parsed = OwnArticleSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  return settle(await createOwnArticle(await getActor(), parsed.data), (v) => ({ articleId: v.id }));
}

export async function importArticleAction(input: unknown): Promise<ActionResult<{ articleId: string }>> {
  const parsed = ImportArticleSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  return settle(await importArticleFile(await getActor(), parsed.data.file), (v) => ({ articleId: v.id }), 'file');
}

export async function copyOwnArticleAction(
  articleId: string,
): Promise<ActionResult<{ message: string; articleId: string }>> {
  if (!IdSchema.safeParse(articleId).success) return actionFailure('No such article.');
  return settle(await copyOwnArticle(await getActor(), articleId), (v) => ({
    articleId: v.id,
    message: 'Copied, with its key. The copy is at the top of your articles.',
  }));
}

/**
 * Deletes the article with its key. Nothing is revalidated: the page it is asked from is the
 * article's own, which would render as "not found"; the button goes on to the list, which is
 * rendered per request.
 */
export async function deleteOwnArticleAction(articleId: string): Promise<ActionResult<{ message: string }>> {
  if (!IdSchema.safeParse(articleId).success) return actionFailure('No such article.');
  const result = await deleteOwnArticle(await getActor(), articleId);
  if (!result.ok) return actionFailure(result.message);
  return { ok: true, message: `Deleted “${result.value.title}” with its key.` };
}

export async function replaceOwnArticleTextAction(articleId: string, input: unknown): Promise<ActionResult> {
  const parsed = ReplaceTextSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (!IdSchema.safeParse(articleId).success) return actionFailure('No such article.');
  return settle(await replaceOwnArticleText(await getActor(), articleId, parsed.data.text), () => ({}), 'text');
}

export async function createOwnAssignmentAction(articleId: string, input: unknown): Promise<ActionResult> {
  const parsed = CreateOwnAssignmentSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (!IdSchema.safeParse(articleId).success) return actionFailure('No such article.');
  const { classId, instructions, labels, releasePolicy, allowResubmit } = parsed.data;
  const result = await createOwnAssignment(await getActor(), articleId, {
    classId,
    instructions,
    labels,
    releasePolicy,
    allowResubmit,
    ...assignmentInstants(parsed.data),
  });
  if (result.ok) revalidatePath('/instructor', 'layout');
  return result.ok ? { ok: true } : actionFailure(result.message);
}
