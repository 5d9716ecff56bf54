import 'server-only';
import { randomUUID } from 'node:crypto';
import { LABELS, type Label } from '@/lib/validation/labels';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import type { AssignmentTable } from '../db/schema';
import { takeSeq } from '../db/sequence';
import { fail, ok, type Result } from '../result';
import { isFailure, ownedClass, visibleAssignment } from './access';
import { readLabels } from './answers-json';
import { type AssignmentSettings, type AssignmentView, settingsProblem, toView } from './assignments';
import { ownExerciseId, ownLessonSlug } from './own-article-source';
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

/** An own article's exercise as its students see it before release: the text and the rules, no key. */
export type OwnExerciseView = {
  assignmentId: string;
  exerciseId: string;
  title: string;
  outlet: string;
  author: string | null;
  published: string;
  sourceUrl: string;
  instructions: string;
  labels: Label[];
  text: string;
  sha256: string;
};

/**
 * The exercise of an own article's assignment for a student of its class or for the
 * class's instructor; `not-found` for anyone else (another class, another instructor) and
 * for a lesson's assignment; `forbidden` for anonymous callers. Never any part of the key.
 */
export async function getOwnExercise(
  actor: Actor,
  assignmentId: string,
  db: Db = getDb(),
): Promise<Result<OwnExerciseView>> {
  const assignment = await visibleAssignment(db, actor, assignmentId);
  if (isFailure(assignment)) return assignment;
  if (!assignment.own_article_id) return fail('not-found', 'No such assignment.');
  const article = await db
    .selectFrom('own_article')
    .select(['title', 'outlet', 'author', 'published', 'source_url', 'text', 'sha256'])
    .where('id', '=', assignment.own_article_id)
    .executeTakeFirst();
  if (!article) return fail('not-found', 'No such assignment.');
  const counted = new Set(readLabels(assignment.own_labels));
  return ok({
    assignmentId: assignment.id,
    exerciseId: ownExerciseId(assignment.id),
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    published: article.published,
    sourceUrl: article.source_url,
    instructions: assignment.own_instructions ?? '',
    labels: LABELS.filter((l) => counted.has(l)),
    text: article.text,
    sha256: article.sha256,
  });
}

/**
 * The article titles of the own articles' assignments among these ids, by assignment id, as
 * far as the actor may see them: a student's class's, an instructor's classes'; empty for
 * anyone else. Lists use it where a lesson's title would go.
 */
export async function ownAssignmentTitles(
  actor: Actor,
  assignmentIds: readonly string[],
  db: Db = getDb(),
): Promise<Map<string, string>> {
  if (assignmentIds.length === 0 || actor.kind === 'anonymous') return new Map();
  let query = db
    .selectFrom('assignment')
    .innerJoin('own_article', 'own_article.id', 'assignment.own_article_id')
    .innerJoin('class', 'class.id', 'assignment.class_id')
    .select(['assignment.id', 'own_article.title'])
    .where('assignment.id', 'in', [...assignmentIds]);
  query =
    actor.kind === 'student'
      ? query.where('class.id', '=', actor.classId)
      : query.where('class.instructor_id', '=', actor.userId);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}
