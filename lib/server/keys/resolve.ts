import 'server-only';
import { type PreparedKey, prepareKey, type ScoringKeyItem } from '../../scoring';
import type { KeyChange } from '../../validation/class-key';
import type { Db } from '../db/client';
// Registers the instructor's own articles as a source of exercises (a side effect of loading).
import '../data/own-article-source';
import { applyChanges, type ClassKeyItem, parseChanges } from './overlay';
import { findExercise, findExercisesOf, type ResolvedExercise } from './sources';

/**
 * The one place that answers "the key of this exercise for this class, at this version".
 * Grading, the review, the key editor, exports and the key-lock rules all ask a
 * KeyResolver; none reads key files or overlay rows itself (decision 16).
 */

/** A class's key of one exercise at one version, ready to show and to score against. */
export type ClassKey = {
  classId: string;
  exerciseId: string;
  /** 0 is the base (shipped) key with no changes. */
  version: number;
  exercise: ResolvedExercise;
  /** The overlay at this version: one change per item the class added, edited or deleted. */
  changes: KeyChange[];
  items: ClassKeyItem[];
  prepared: PreparedKey;
  /** Whether the class key differs from the base key. */
  extended: boolean;
};

/** A resolver for one request: each exercise and each class key is looked up at most once. */
export type KeyResolver = {
  /** The exercise with this id from any source, or null. */
  exercise(exerciseId: string): Promise<ResolvedExercise | null>;
  /** The exercises an assignment with this lesson slug holds. */
  exercisesOf(lessonSlug: string): Promise<ResolvedExercise[]>;
  /** The newest version of the class's key of this exercise (0 when never changed). */
  currentVersion(classId: string, exerciseId: string): Promise<number>;
  /**
   * The class's key of this exercise at `version` (default: the newest), or null when the
   * exercise does not exist or the class has no such version. No authorization: callers
   * check who is asking.
   */
  classKey(classId: string, exerciseId: string, version?: number): Promise<ClassKey | null>;
};

/** The scoring engine's view of a class key: offsets and rules, no prose. */
export function toClassScoringKey(items: readonly ClassKeyItem[]): ScoringKeyItem[] {
  return items.map(({ id, label, start, end, optional, accept }) => ({ id, label, start, end, optional, accept }));
}

/*
 * A stored version never changes, so a class key is cached by (base key, class, exercise,
 * version) for the life of the process; the newest version number is read once per request.
 * Only keys read outside a transaction are cached (see load).
 * Bounded so that a server with many classes keeps only the keys in use.
 */
const CACHE_LIMIT = 256;
const cache = new Map<string, ClassKey>();

function remember(at: string, key: ClassKey): ClassKey {
  cache.delete(at);
  cache.set(at, key);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return key;
}

/** How many class keys the process holds now (for tests of the cache). */
export function cachedClassKeys(): number {
  return cache.size;
}

/** Builds a class key from its exercise and overlay; the pure part of resolution. */
export function buildClassKey(
  classId: string,
  exercise: ResolvedExercise,
  version: number,
  changes: KeyChange[],
): ClassKey {
  const items = applyChanges(exercise.baseKey, changes, exercise.article.text);
  return {
    classId,
    exerciseId: exercise.exercise.id,
    version,
    exercise,
    changes,
    items,
    prepared: prepareKey(toClassScoringKey(items)),
    extended: changes.length > 0,
  };
}

/** A new resolver over this database (or transaction) for one request. */
export function keyResolver(db: Db): KeyResolver {
  const exercises = new Map<string, Promise<ResolvedExercise | null>>();
  const lessons = new Map<string, Promise<ResolvedExercise[]>>();
  const versions = new Map<string, Promise<number>>();
  const keys = new Map<string, Promise<ClassKey | null>>();

  const exercise = (id: string) => {
    let found = exercises.get(id);
    if (!found) exercises.set(id, (found = findExercise(db, id)));
    return found;
  };
  const currentVersion = (classId: string, exerciseId: string) => {
    const at = `${classId}\n${exerciseId}`;
    let found = versions.get(at);
    if (!found) {
      found = db
        .selectFrom('class_key_version')
        .select((eb) => eb.fn.max('version').as('version'))
        .where('class_id', '=', classId)
        .where('exercise_id', '=', exerciseId)
        .executeTakeFirst()
        .then((row) => Number(row?.version ?? 0));
      versions.set(at, found);
    }
    return found;
  };
  const load = async (classId: string, exerciseId: string, asked?: number): Promise<ClassKey | null> => {
    const resolved = await exercise(exerciseId);
    if (!resolved) return null;
    const version = asked ?? (await currentVersion(classId, exerciseId));
    const at = `${resolved.source}:${resolved.baseVersion}\n${classId}\n${exerciseId}\n${version}`;
    // What a transaction reads may still be rolled back (a key saved and rescored in one
    // transaction that then fails): only committed reads are kept for other requests.
    const keep = (key: ClassKey) => (db.isTransaction ? key : remember(at, key));
    const hit = cache.get(at);
    if (hit) return keep(hit);
    if (version === 0) return keep(buildClassKey(classId, resolved, 0, []));
    const row = await db
      .selectFrom('class_key_version')
      .select('changes_json')
      .where('class_id', '=', classId)
      .where('exercise_id', '=', exerciseId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) return null;
    return keep(buildClassKey(classId, resolved, version, parseChanges(row.changes_json)));
  };
  return {
    exercise,
    exercisesOf(slug) {
      let found = lessons.get(slug);
      if (!found) lessons.set(slug, (found = findExercisesOf(db, slug)));
      return found;
    },
    currentVersion,
    classKey(classId, exerciseId, version) {
      const at = `${classId}\n${exerciseId}\n${version ?? 'newest'}`;
      let found = keys.get(at);
      if (!found) keys.set(at, (found = load(classId, exerciseId, version)));
      return found;
    },
  };
}
