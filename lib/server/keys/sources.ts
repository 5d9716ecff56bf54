import 'server-only';
import { getArticle } from '../../content/articles';
import { exerciseRange, getExercise, getLesson, type Lesson } from '../../content/lessons';
import type { KeyItemView } from '../../validation/key';
import type { Exercise } from '../../validation/lesson';
import type { Db } from '../db/client';
import { keyView } from '../grading';

/**
 * An exercise as the key resolver needs it, wherever it comes from: the shipped lessons
 * (content/), or a source registered with registerExerciseSource (an instructor's own
 * article, whose text and base key live in the database).
 */
export type ResolvedExercise = {
  exercise: Exercise;
  /** The lesson it belongs to, or null (free practice, an instructor's own article). */
  lesson: Lesson | null;
  /** The `lesson_slug` an assignment holding this exercise has, or null when none can (free practice). */
  assignedAs: string | null;
  /** The article's normalized text and its SHA-256 (what a submission records). */
  article: { id: string; title: string; text: string; sha256: string };
  /** The part of the text in play. */
  range: { start: number; end: number };
  /** The key every class starts from, as students see it after release. */
  baseKey: KeyItemView[];
  /**
   * Changes whenever the base key or the text changes; cached class keys are keyed by it.
   * Shipped exercises use the article's SHA-256 (content changes only with a new build).
   */
  baseVersion: string;
  /** Which source answered: 'shipped' or a registered source's name. */
  source: string;
};

/**
 * An extension point for exercises that are not in the shipped lessons. A source answers
 * only for ids and lesson slugs it owns and returns null for the rest; it does no
 * authorization (the resolver's callers check who is asking). Sources are asked after the
 * shipped lessons, in the order they were registered.
 */
export type ExerciseSource = {
  /** A short name, unique among sources; it becomes ResolvedExercise.source. */
  name: string;
  /** The exercise with this id, or null when the id is not this source's. */
  exercise(db: Db, exerciseId: string): Promise<ResolvedExercise | null>;
  /**
   * The exercises an assignment holds whose `lesson_slug` is this, or null when the slug is
   * not this source's (an empty array: the source's, with no exercises left).
   */
  exercisesOf(db: Db, lessonSlug: string): Promise<ResolvedExercise[] | null>;
};

const sources: ExerciseSource[] = [];

/** Adds a source of exercises; registering the same name again replaces the earlier one. */
export function registerExerciseSource(source: ExerciseSource): void {
  const at = sources.findIndex((s) => s.name === source.name);
  if (at >= 0) sources[at] = source;
  else sources.push(source);
}

/** A shipped exercise resolved, or null when its article or part cannot be found. */
export function shippedExercise(exercise: Exercise, lesson: Lesson | null): ResolvedExercise | null {
  const article = getArticle(exercise.article);
  const range = exerciseRange(exercise);
  if (!article || !range.ok) return null;
  return {
    exercise,
    lesson,
    assignedAs: lesson?.slug ?? null,
    article: { id: article.slug, title: article.title, text: article.text, sha256: article.sha256 },
    range: range.value,
    baseKey: keyView(exercise),
    baseVersion: article.sha256,
    source: 'shipped',
  };
}

/** The exercise with this id from the shipped lessons, then from each registered source; null when none has it. */
export async function findExercise(db: Db, exerciseId: string): Promise<ResolvedExercise | null> {
  const found = getExercise(exerciseId);
  if (found) return shippedExercise(found.exercise, found.lesson);
  for (const source of sources) {
    const resolved = await source.exercise(db, exerciseId);
    if (resolved) return resolved;
  }
  return null;
}

/** The exercises of an assignment's lesson slug; empty when no source knows the slug. */
export async function findExercisesOf(db: Db, lessonSlug: string): Promise<ResolvedExercise[]> {
  const lesson = getLesson(lessonSlug);
  if (lesson) return lesson.exercises.flatMap((e) => shippedExercise(e, lesson) ?? []);
  for (const source of sources) {
    const resolved = await source.exercisesOf(db, lessonSlug);
    if (resolved) return resolved;
  }
  return [];
}
