import { z } from 'zod';
import { MAX_ID_CHARS, MAX_SPANS } from './limits';
import { SUBMITTED_SPAN_FIELDS } from './submission';

/** One span of a draft as the browser keeps it: a submitted span plus its local id. */
export const DraftSpanSchema = z.strictObject({ ...SUBMITTED_SPAN_FIELDS, id: z.string().min(1).max(MAX_ID_CHARS) });
export type DraftSpan = z.infer<typeof DraftSpanSchema>;

/** A classroom draft sent to the server while the student works. */
export const SaveDraftSchema = z.strictObject({
  exerciseId: z.string().min(1).max(MAX_ID_CHARS),
  answers: z.array(DraftSpanSchema).max(MAX_SPANS, `a draft may have at most ${MAX_SPANS} labels`),
});
export type SaveDraft = z.infer<typeof SaveDraftSchema>;
