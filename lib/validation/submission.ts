import { z } from 'zod';
import { SPAN_FIELDS } from './answer';
import { BASES, SOURCE_KINDS, VOICES } from './labels';
import { MAX_ID_CHARS, MAX_SPANS, MAX_WHY_CHARS } from './limits';

export { MAX_ID_CHARS, MAX_SPANS, MAX_WHY_CHARS };

const attribute = z.enum([...SOURCE_KINDS, ...VOICES, ...BASES]);

/** The fields of a span as the browser sends it: the span's own, a second choice and a note. */
export const SUBMITTED_SPAN_FIELDS = {
  ...SPAN_FIELDS,
  attribute: attribute.optional(),
  why: z.string().max(MAX_WHY_CHARS, `a note may have at most ${MAX_WHY_CHARS} characters`).optional(),
};

/**
 * One labeled span as the browser sends it. Its order (start before end) and its offsets are
 * checked against the exercise's part of the text on the server (`spanProblems`).
 */
export const SubmittedSpanSchema = z.strictObject(SUBMITTED_SPAN_FIELDS);
export type SubmittedSpan = z.infer<typeof SubmittedSpanSchema>;

/** A submission of one exercise. `clientId` makes retries idempotent. */
export const SubmitExerciseSchema = z.strictObject({
  exerciseId: z.string().min(1).max(MAX_ID_CHARS),
  clientId: z.uuid(),
  answers: z.array(SubmittedSpanSchema).max(MAX_SPANS, `a submission may have at most ${MAX_SPANS} labels`),
});
export type SubmitExercise = z.infer<typeof SubmitExerciseSchema>;
