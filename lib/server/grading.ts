import 'server-only';
import { getArticle } from '../content/articles';
import { getKey, type ResolvedKeyItem } from '../content/keys';
import { exerciseRange, getExercise } from '../content/lessons';
import { type PreparedKey, score } from '../scoring';
import { type ActionFailure, actionFailure } from '../validation/action-result';
import type { GradedExercise } from '../validation/exercise-contract';
import { attributeOf, type KeyItemView } from '../validation/key';
import { ATTRIBUTE_OF, BASES, type Label, SOURCE_KINDS, VOICES } from '../validation/labels';
import type { Exercise } from '../validation/lesson';
import { type SubmitExercise, SubmitExerciseSchema, type SubmittedSpan } from '../validation/submission';

export type GradeOutcome =
  | { ok: true; value: GradedExercise; exercise: Exercise; articleSha256: string; clientId: string }
  | ActionFailure;

const ATTRIBUTE_VALUES: Record<Label, readonly string[]> = {
  sourcing: SOURCE_KINDS,
  'loaded-language': VOICES,
  'unverifiable-claim': BASES,
};

/** The key items an exercise is scored against: its labels, inside its part of the article. */
export function exerciseKey(exercise: Exercise): ResolvedKeyItem[] {
  const range = exerciseRange(exercise);
  const key = getKey(exercise.article);
  if (!range.ok || !key) return [];
  const labels = new Set<Label>(exercise.labels);
  return key.items.filter((i) => labels.has(i.label) && i.start >= range.value.start && i.end <= range.value.end);
}

/** The key of an exercise as students see it after submitting. */
export function keyView(exercise: Exercise): KeyItemView[] {
  return exerciseKey(exercise).map(keyItemView);
}

/** A key item as students see it after release: offsets, label, attribute and prose. */
export function keyItemView(item: ResolvedKeyItem): KeyItemView {
  return {
    id: item.id,
    label: item.label,
    start: item.start,
    end: item.end,
    quote: item.quote,
    attribute: attributeOf(item),
    explanation: item.explanation,
    check: item.check ?? null,
    record: item.record ?? null,
    optional: item.optional ?? false,
    accept: item.accept ?? [],
  };
}

/**
 * What is wrong with each span of an answer set for this exercise, by field (`answers.3`):
 * an end before its start, offsets outside the part of the article in play (`range`, by
 * default the shipped exercise's), a label the exercise does not use, an attribute of
 * another label. Empty when every span fits; null when the exercise's part cannot be found.
 * Submissions and drafts are checked alike.
 */
export function spanProblems(
  exercise: Exercise,
  answers: readonly Pick<SubmittedSpan, 'label' | 'start' | 'end' | 'attribute'>[],
  range: { start: number; end: number } | null = shippedRange(exercise),
): Record<string, string[]> | null {
  if (!range) return null;
  const errors: Record<string, string[]> = {};
  answers.forEach((a, i) => {
    const problems: string[] = [];
    if (a.end <= a.start) problems.push('the span ends before it starts');
    if (a.start < range.start || a.end > range.end) problems.push('the span is outside the part in play');
    if (!exercise.labels.includes(a.label)) problems.push(`the label "${a.label}" is not used in this exercise`);
    if (a.attribute !== undefined && !ATTRIBUTE_VALUES[a.label].includes(a.attribute)) {
      problems.push(`"${a.attribute}" is not a ${ATTRIBUTE_OF[a.label]} of ${a.label}`);
    }
    if (problems.length > 0) errors[`answers.${i}`] = problems;
  });
  return errors;
}

function shippedRange(exercise: Exercise): { start: number; end: number } | null {
  const range = exerciseRange(exercise);
  return range.ok ? range.value : null;
}

/** A submission read from the browser (untrusted), or every problem with it by field. */
export function parseSubmission(input: unknown): { ok: true; value: SubmitExercise } | ActionFailure {
  const parsed = SubmitExerciseSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join('.') || 'submission';
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return actionFailure('The answers could not be read. Nothing was saved.', fieldErrors);
}

/** What a submission is graded against: the exercise, its part, its text's hash and its key. */
export type GradingTarget = {
  exercise: Exercise;
  range: { start: number; end: number };
  articleSha256: string;
  key: KeyItemView[];
  /** The key prepared for scoring, when the caller holds it (a class key); else built from `key`. */
  prepared?: PreparedKey;
};

/** Checks a parsed submission's spans against the target and scores them against its key. */
export function gradeAgainst(submission: SubmitExercise, target: GradingTarget): GradeOutcome {
  const { exerciseId, clientId, answers } = submission;
  const errors = spanProblems(target.exercise, answers, target.range);
  if (errors === null) return actionFailure('This exercise is misconfigured.');
  if (Object.keys(errors).length > 0)
    return actionFailure('Some labels do not fit this exercise. Nothing was saved.', errors);
  const result = score(
    target.prepared ??
      target.key.map(({ id, label, start, end, optional, accept }) => ({ id, label, start, end, optional, accept })),
    answers.map(({ label, start, end }) => ({ label, start, end })),
  );
  return {
    ok: true,
    exercise: target.exercise,
    articleSha256: target.articleSha256,
    clientId,
    value: { exerciseId, result, key: target.key, answers },
  };
}

/**
 * Validates a submission from the browser (untrusted) and scores it against the shipped key
 * on the server (self-guided work). Every problem comes back as a message; nothing is thrown.
 */
export function gradeSubmission(input: unknown): GradeOutcome {
  const parsed = parseSubmission(input);
  if (!parsed.ok) return parsed;
  const found = getExercise(parsed.value.exerciseId);
  if (!found) return actionFailure(`There is no exercise "${parsed.value.exerciseId}".`);
  const range = shippedRange(found.exercise);
  const article = getArticle(found.exercise.article);
  if (!range || !article) return actionFailure('This exercise is misconfigured.');
  return gradeAgainst(parsed.value, {
    exercise: found.exercise,
    range,
    articleSha256: article.sha256,
    key: keyView(found.exercise),
  });
}
