import { z } from 'zod';
import { LabelSchema } from './labels';
import { MIN_SHORT_ANSWER_WORDS } from './limits';

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens (unique across all lessons)');

/**
 * A labeling exercise of a lesson, placed in the MDX with `<LabelingExercise id="..." />`.
 * `from`/`to` are quotes that bound the part of the article in play (whole article if absent).
 */
export const ExerciseSchema = z.strictObject({
  id,
  article: z.string().min(1),
  labels: z.array(LabelSchema).min(1),
  attributes: z.boolean().default(false),
  why: z.boolean().default(false),
  from: z.string().min(3).optional(),
  to: z.string().min(3).optional(),
  keyOnRetry: z.boolean().default(true),
  instructions: z.string().min(10),
});
export type Exercise = z.infer<typeof ExerciseSchema>;

/** A question of a lesson, placed with `<Question id="..." />`; `model` shows only after answering. */
export const QuestionSchema = z.strictObject({
  id,
  kind: z.enum(['short-answer', 'reflection']),
  prompt: z.string().min(10),
  minWords: z.number().int().min(1).max(200).default(MIN_SHORT_ANSWER_WORDS),
  model: z.string().min(20),
});
export type Question = z.infer<typeof QuestionSchema>;

/** Front matter of a lesson in `content/lessons/NN.slug.mdx`. */
export const LessonMetaSchema = z
  .strictObject({
    title: z.string().min(3),
    summary: z.string().min(20),
    objectives: z.array(z.string().min(5)).min(1),
    minutes: z.number().int().min(5).max(180),
    articles: z.array(z.string().min(1)).min(1),
    order: z.number().int().min(1),
    exercises: z.array(ExerciseSchema).default([]),
    questions: z.array(QuestionSchema).default([]),
    /** The lesson's parts with their minutes, for the teacher's plan; they add up to `minutes`. */
    timing: z.array(z.strictObject({ part: z.string().min(3), minutes: z.number().int().min(1) })).min(1),
    /** What a content warning in the lesson is about, for the teacher's plan; absent when there is none. */
    contentWarning: z.string().min(20).optional(),
  })
  .refine((m) => m.timing.reduce((sum, t) => sum + t.minutes, 0) === m.minutes, {
    path: ['timing'],
    message: 'the parts’ minutes must add up to the lesson’s `minutes`',
  });
export type LessonMeta = z.infer<typeof LessonMetaSchema>;
