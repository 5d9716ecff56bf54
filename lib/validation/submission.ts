import { z } from 'zod';
import { BASES, LabelSchema, SOURCE_KINDS, VOICES } from './labels';
import { MAX_ID_CHARS, MAX_SUBMITTED_SPANS, MAX_WHY_CHARS } from './limits';

export { MAX_ID_CHARS, MAX_SUBMITTED_SPANS, MAX_WHY_CHARS };

const attribute = z.enum([...SOURCE_KINDS, ...VOICES, ...BASES]);

/** One labeled span as the browser sends it. Offsets are checked against the text on the server. */
export const SubmittedSpanSchema = z.strictObject({
  label: LabelSchema,
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  attribute: attribute.optional(),
  why: z.string().max(MAX_WHY_CHARS, `a note may have at most ${MAX_WHY_CHARS} characters`).optional(),
});
export type SubmittedSpan = z.infer<typeof SubmittedSpanSchema>;

/** A submission of one exercise. `clientId` makes retries idempotent. */
export const SubmitExerciseSchema = z.strictObject({
  exerciseId: z.string().min(1).max(MAX_ID_CHARS),
  clientId: z.uuid(),
  answers: z
    .array(SubmittedSpanSchema)
    .max(MAX_SUBMITTED_SPANS, `a submission may have at most ${MAX_SUBMITTED_SPANS} labels`),
});
export type SubmitExercise = z.infer<typeof SubmitExerciseSchema>;
