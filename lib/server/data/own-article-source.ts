import 'server-only';
import { sha256 } from '@/lib/content/articles';
import { LABELS, type Label } from '@/lib/validation/labels';
import type { Db } from '../db/client';
import { keyItemView } from '../grading';
import { type ExerciseSource, type ResolvedExercise, registerExerciseSource } from '../keys/sources';
import { readLabels } from './answers-json';
import { itemsOfRows } from './own-article-key';

/*
 * The instructor's own articles as a source of exercises for the key resolver
 * (lib/server/keys/sources.ts). Each assignment of an own article is one exercise, with the
 * id `own-<assignment id>`; the assignment's `lesson_slug` is `own:<assignment id>`. The
 * exercise is only ever graded for a student of that assignment's class: the self-guided
 * grading reads the shipped lessons alone, so no one else can get its key.
 */

const EXERCISE_PREFIX = 'own-';
const SLUG_PREFIX = 'own:';

/** The `lesson_slug` of an own article's assignment. */
export function ownLessonSlug(assignmentId: string): string {
  return `${SLUG_PREFIX}${assignmentId}`;
}

/** The exercise id of an own article's assignment. */
export function ownExerciseId(assignmentId: string): string {
  return `${EXERCISE_PREFIX}${assignmentId}`;
}

/** Whether an assignment's lesson slug is an own article's. */
export function isOwnLessonSlug(slug: string): boolean {
  return slug.startsWith(SLUG_PREFIX);
}

/** The exercise of an own article's assignment, or null when there is no such assignment. */
async function exerciseOfAssignment(db: Db, assignmentId: string): Promise<ResolvedExercise | null> {
  const row = await db
    .selectFrom('assignment')
    .innerJoin('own_article', 'own_article.id', 'assignment.own_article_id')
    .select([
      'assignment.own_instructions',
      'assignment.own_labels',
      'own_article.id as article_id',
      'own_article.title',
      'own_article.text',
      'own_article.sha256',
      'own_article.key_version',
    ])
    .where('assignment.id', '=', assignmentId)
    .executeTakeFirst();
  if (!row) return null;
  const counted = new Set(readLabels(row.own_labels));
  const labels = LABELS.filter((l) => counted.has(l));
  const rows = await db
    .selectFrom('own_key_item')
    .selectAll()
    .where('article_id', '=', row.article_id)
    .orderBy('position')
    .execute();
  const items = itemsOfRows(row.text, rows).filter((i) => counted.has(i.label));
  return {
    exercise: {
      id: ownExerciseId(assignmentId),
      article: `own-article-${row.article_id}`,
      labels,
      attributes: true,
      why: true,
      keyOnRetry: false,
      instructions: row.own_instructions ?? '',
    },
    lesson: null,
    assignedAs: ownLessonSlug(assignmentId),
    article: { id: row.article_id, title: row.title, text: row.text, sha256: row.sha256 },
    range: { start: 0, end: row.text.length },
    baseKey: items.map(keyItemView),
    // The text's hash, the key's version and a hash of the items as read: either changing
    // gives a new base key, and a key read while a save commits is never taken for another.
    baseVersion: `${row.sha256}:${row.key_version}:${sha256(JSON.stringify(items))}`,
    source: 'own-article',
  };
}

export const ownArticleSource: ExerciseSource = {
  name: 'own-article',
  async exercise(db, exerciseId) {
    if (!exerciseId.startsWith(EXERCISE_PREFIX)) return null;
    return exerciseOfAssignment(db, exerciseId.slice(EXERCISE_PREFIX.length));
  },
  async exercisesOf(db, lessonSlug) {
    if (!isOwnLessonSlug(lessonSlug)) return null;
    const found = await exerciseOfAssignment(db, lessonSlug.slice(SLUG_PREFIX.length));
    return found ? [found] : [];
  },
};

registerExerciseSource(ownArticleSource);
