import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Label } from '@/lib/validation/labels';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import type { AssignmentTable } from '../db/schema';
import { takeSeq } from '../db/sequence';
import { fail, ok, type Result } from '../result';
import { isFailure, ownedClass } from './access';
import { type AssignmentSettings, type AssignmentView, settingsProblem, toView } from './assignments';
import { ownLessonSlug } from './own-article-source';
import { ownedArticle } from './own-articles';

export type CreateOwnAssignmentInput = AssignmentSettings & {
  classId: string;
  instructions: string;
  labels: Label[];
};

/**
 * Assigns one of the instructor's articles to one of their classes as an exercise, with the
 * same dates, release policy and resubmission rule as a lesson's. `not-found` when the
 * article or the class is not the caller's; `archived` for an archived class.
 */
export async function createOwnAssignment(
  actor: Actor,
  articleId: string,
  input: CreateOwnAssignmentInput,
  db: Db = getDb(),
): Promise<Result<AssignmentView>> {
  const article = await ownedArticle(db, actor, articleId);
  if (isFailure(article)) return article;
  const klass = await ownedClass(db, actor, input.classId);
  if (isFailure(klass)) return klass;
  if (klass.archived_at) return fail('archived', 'This class is archived.');
  const problem = settingsProblem(input, new Date());
  if (problem) return fail('invalid', problem);
  const labels = [...new Set(input.labels)];
  if (labels.length === 0) return fail('invalid', 'Choose at least one label that counts.');
  const id = randomUUID();
  const row: AssignmentTable = {
    id,
    class_id: klass.id,
    lesson_slug: ownLessonSlug(id),
    opens_at: input.opensAt?.toISOString() ?? null,
    due_at: input.dueAt?.toISOString() ?? null,
    release_policy: input.releasePolicy,
    released_at: null,
    allow_resubmit: input.allowResubmit ? 1 : 0,
    created_at: new Date().toISOString(),
    seq: await takeSeq(db, 'assignment'),
    label_points: 0,
    answer_points: 0,
    own_article_id: article.id,
    own_instructions: input.instructions.trim(),
    own_labels: JSON.stringify(labels),
  };
  await db.insertInto('assignment').values(row).execute();
  return ok(toView(row));
}
