import { z } from 'zod';
import { LABELS } from './labels';
import { MAX_SPANS } from './limits';

export { MAX_SPANS };

const LABEL_LIST = LABELS.join(', ');

/** A label named in a student's answer: one of the guide's three, with a message that says which. */
export const AnswerLabelSchema = z.enum(LABELS, {
  error: (issue) =>
    issue.input === undefined
      ? `is missing; give one of ${LABEL_LIST}`
      : `unknown label ${JSON.stringify(issue.input)}; expected one of ${LABEL_LIST}`,
});

/** A character offset: a whole, non-negative number. */
const offset = () =>
  z
    .number({
      error: (issue) => (issue.input === undefined ? 'is missing' : `must be a number, got ${typeof issue.input}`),
    })
    .int({ error: `must be a whole number (a character offset)` })
    .min(0, { error: `must not be negative` });

/**
 * The fields of every labeled span sent to the server (an answer, a submitted or drafted
 * span, an extra in the review): a label and half-open UTF-16 offsets into the article's
 * normalized text. Schemas that carry more fields spread these.
 */
export const SPAN_FIELDS = {
  label: AnswerLabelSchema,
  start: offset(),
  end: offset().min(1, { error: 'must be at least 1: a span holds at least one character' }),
};

/**
 * One labeled span of a student's answer. Unknown extra fields (a quote kept by the client)
 * are dropped.
 */
export const AnswerSpanSchema = z
  .object(SPAN_FIELDS, {
    error: (issue) =>
      `must be an object {label, start, end}, got ${issue.input === null ? 'null' : typeof issue.input}`,
  })
  .superRefine((span, ctx) => {
    if (span.start >= span.end) {
      ctx.addIssue({
        code: 'custom',
        message: `start (${span.start}) must be before end (${span.end}): a span holds at least one character`,
      });
    }
  });
/** A span that passed AnswerSpanSchema (offsets not yet checked against a text). */
export type AnswerSpanInput = z.infer<typeof AnswerSpanSchema>;

/** An array of at most MAX_SPANS elements, with messages that say what was sent instead. */
function spanArray<T extends z.ZodType>(element: T) {
  return z
    .array(element, {
      error: (issue) => `answers must be an array of spans, got ${issue.input === null ? 'null' : typeof issue.input}`,
    })
    .max(MAX_SPANS, { error: `too many spans: at most ${MAX_SPANS} are allowed` });
}

/** A whole submission: at most MAX_SPANS spans. Offsets are checked against the text by `answersFor`. */
export const AnswersSchema = spanArray(AnswerSpanSchema);

/** AnswersSchema whose spans must also end inside a text of `textLength` characters. */
export function answersFor(textLength: number) {
  return spanArray(
    AnswerSpanSchema.superRefine((span, ctx) => {
      if (span.end > textLength) {
        ctx.addIssue({
          code: 'custom',
          path: ['end'],
          message: `offset ${span.end} is outside the text (${textLength} characters)`,
        });
      }
    }),
  );
}
