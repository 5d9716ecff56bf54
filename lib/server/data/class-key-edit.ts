import 'server-only';
import { blocksSaving, checkClassKey } from '../../content/key-lint/class-key';
import type { FieldErrors } from '../../validation/action-result';
import { type ClassKeyItemInput, SaveClassKeySchema } from '../../validation/class-key';
import type { KeyItemView } from '../../validation/key';
import type { Label } from '../../validation/labels';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import { type KeyVersionSummary, listKeyVersions } from '../keys/history';
import { type ClassKeyItem, diffItems, toStoredItem } from '../keys/overlay';
import { type ClassKey, type KeyResolver, keyResolver } from '../keys/resolve';
import { type Rescored, rescoreClass, writeKeyVersion } from '../keys/store';
import { type Failure, fail, ok, type Result } from '../result';
import { isFailure, ownedClass } from './access';

/** A class's key of one exercise as its editor shows it. */
export type ClassKeyEditor = {
  classId: string;
  className: string;
  archived: boolean;
  exerciseId: string;
  instructions: string;
  labels: Label[];
  attributes: boolean;
  articleId: string;
  articleTitle: string;
  sha256: string;
  text: string;
  range: { start: number; end: number };
  version: number;
  items: ClassKeyItem[];
  /** The shipped (base) key, for "back to the shipped key". */
  shipped: KeyItemView[];
  versions: KeyVersionSummary[];
  /** Assignments of the class that hold this exercise, newest first, for links back. */
  assignments: { id: string; lessonSlug: string }[];
  /** Submissions scored against an older version than the newest (rescoring would update them). */
  stale: number;
};

type Owned = {
  classId: string;
  className: string;
  archived: boolean;
  userId: string;
  key: ClassKey;
  keys: KeyResolver;
};

/**
 * The class key of an exercise, if the actor is the instructor of the class and some
 * assignment of the class holds the exercise. `forbidden` for students and anonymous
 * callers, `not-found` for another instructor, an unknown class or exercise.
 */
async function ownedKey(db: Db, actor: Actor, classId: string, exerciseId: string): Promise<Owned | Failure> {
  const klass = await ownedClass(db, actor, classId);
  if (isFailure(klass)) return klass;
  const keys = keyResolver(db);
  const slugs = await db.selectFrom('assignment').select('lesson_slug').where('class_id', '=', klass.id).execute();
  let held = false;
  for (const { lesson_slug } of slugs) {
    if ((await keys.exercisesOf(lesson_slug)).some((e) => e.exercise.id === exerciseId)) held = true;
  }
  const key = held ? await keys.classKey(klass.id, exerciseId) : null;
  if (!key) return fail('not-found', 'This class has no assignment with that exercise.');
  return {
    classId: klass.id,
    className: klass.name,
    archived: klass.archived_at !== null,
    userId: klass.instructor_id,
    key,
    keys,
  };
}

/** The editor's view of a class key, for the class's instructor only. */
export async function openClassKeyEditor(
  actor: Actor,
  classId: string,
  exerciseId: string,
  db: Db = getDb(),
): Promise<Result<ClassKeyEditor>> {
  const owned = await ownedKey(db, actor, classId, exerciseId);
  if (isFailure(owned)) return owned;
  const { key } = owned;
  const resolved = key.exercise;
  const [versions, assignments, stale] = await Promise.all([
    listKeyVersions(db, owned.classId, exerciseId),
    db
      .selectFrom('assignment')
      .select(['id', 'lesson_slug'])
      .where('class_id', '=', owned.classId)
      .where('lesson_slug', '=', resolved.assignedAs ?? '')
      .orderBy('seq', 'desc')
      .execute(),
    db
      .selectFrom('submission')
      .innerJoin('assignment', 'assignment.id', 'submission.assignment_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('assignment.class_id', '=', owned.classId)
      .where('submission.exercise_id', '=', exerciseId)
      .where('submission.key_version', '!=', key.version)
      .executeTakeFirst(),
  ]);
  return ok({
    classId: owned.classId,
    className: owned.className,
    archived: owned.archived,
    exerciseId,
    instructions: resolved.exercise.instructions,
    labels: resolved.exercise.labels,
    attributes: resolved.exercise.attributes,
    articleId: resolved.article.id,
    articleTitle: resolved.article.title,
    sha256: resolved.article.sha256,
    text: resolved.article.text,
    range: resolved.range,
    version: key.version,
    items: key.items,
    shipped: resolved.baseKey,
    versions,
    assignments: assignments.map((a) => ({ id: a.id, lessonSlug: a.lesson_slug })),
    stale: Number(stale?.n ?? 0),
  });
}

/** A refused save: the message, and every problem by field (`items.3.explanation`). */
export type SaveRefusal = Failure & { fieldErrors: FieldErrors };

/**
 * Saves the editor's whole list of items as the next version of the class key. Every item
 * is checked as the content check and the key lint check a key file; any error refuses the
 * save with every problem named by field, and nothing is stored. Refused (`conflict`) when
 * the key changed since `baseVersion` (another tab saved first).
 */
export async function saveClassKey(
  actor: Actor,
  classId: string,
  exerciseId: string,
  input: unknown,
  db: Db = getDb(),
): Promise<Result<{ version: number; changes: number }> | SaveRefusal> {
  const owned = await ownedKey(db, actor, classId, exerciseId);
  if (isFailure(owned)) return owned;
  if (owned.archived) return fail('archived', 'This class is archived; its key no longer changes.');
  const parsed = SaveClassKeySchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.') || 'items'] ??= []).push(issue.message);
    return {
      ...fail('invalid', 'The key could not be saved: some fields need attention. Nothing was stored.'),
      fieldErrors,
    };
  }
  const { items, baseVersion, note } = parsed.data;
  const refusal = itemErrors(owned.key, items);
  if (refusal) return refusal;
  const changes = diffItems(owned.key.exercise.baseKey, items);
  const written = await writeKeyVersion(db, {
    classId: owned.classId,
    exerciseId,
    baseVersion,
    changes,
    note,
    userId: owned.userId,
  });
  return written.ok ? ok({ version: written.value.version, changes: changes.length }) : written;
}

function itemErrors(key: ClassKey, items: readonly ClassKeyItemInput[]): SaveRefusal | null {
  const { article, range } = key.exercise;
  const problems = checkClassKey({ text: article.text, range, labels: key.exercise.exercise.labels }, items);
  if (!blocksSaving(problems)) return null;
  const at = new Map(items.map((item, i) => [item.id, i]));
  const fieldErrors: FieldErrors = {};
  for (const [id, list] of problems) {
    for (const p of list)
      if (p.severity === 'error') (fieldErrors[`items.${at.get(id)}.${p.field}`] ??= []).push(p.message);
  }
  return { ...fail('invalid', 'Some items have problems, named beside each. Nothing was stored.'), fieldErrors };
}

/**
 * "Rescore the class": every submission of the class on this exercise scored against the
 * newest version, in one transaction; says how many students' figures changed.
 */
export async function rescoreClassKey(
  actor: Actor,
  classId: string,
  exerciseId: string,
  db: Db = getDb(),
): Promise<Result<Rescored>> {
  const owned = await ownedKey(db, actor, classId, exerciseId);
  if (isFailure(owned)) return owned;
  return db.transaction().execute((trx) => rescoreClass(trx, owned.classId, exerciseId, keyResolver(trx)));
}

/** The editor's items without quotes, as a save sends them back. */
export function editableItems(items: readonly KeyItemView[]): ClassKeyItemInput[] {
  return items.map(toStoredItem);
}
