import 'server-only';
import { z } from 'zod';
import type { ScoreResult } from '../../scoring/types';
import { DraftSpanSchema } from '../../validation/classroom-exercise';
import { type Label, LabelSchema } from '../../validation/labels';
import { ScoreResultSchema } from '../../validation/score-result';
import { SUBMITTED_SPAN_FIELDS, type SubmittedSpan } from '../../validation/submission';
import { type Failure, fail } from '../result';

// The JSON columns (answers_json of submissions and drafts, score_json of submissions): written
// here and read back here, decoded with the schemas they were validated with on the way in, so
// that no caller casts what a column holds.

/** Far above any honest answer set (MAX_SPANS spans of ~60 bytes, notes aside); bounds a row's size. */
const MAX_JSON_CHARS = 200_000;

/** JSON text of a value, or a refusal when it cannot be stored. */
export function toJson(value: unknown, what: string): string | Failure {
  const text = JSON.stringify(value);
  if (text === undefined) return fail('invalid', `The ${what} are missing.`);
  if (text.length > MAX_JSON_CHARS) return fail('invalid', `The ${what} are too large to save.`);
  return text;
}

function parsed(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** The elements of a stored array that fit `schema`; anything else is dropped, never thrown on. */
function elements<T>(value: unknown, schema: z.ZodType<T>): T[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((element) => {
    const one = schema.safeParse(element);
    return one.success ? [one.data] : [];
  });
}

/** A submitted span read back; fields the app no longer writes are dropped. */
const StoredSpanSchema = z.object(SUBMITTED_SPAN_FIELDS);

/** A submission's answers: its spans, read defensively (a row that is not a span is dropped). */
export function readAnswers(json: string): SubmittedSpan[] {
  return elements(parsed(json), StoredSpanSchema);
}

/** A stored list of labels (an own article's assignment's labels, a key item's accepted labels); unknown ones are dropped. */
export function readLabels(json: string | null): Label[] {
  return json === null ? [] : elements(parsed(json), LabelSchema);
}

/** A submission's stored score, or null when it cannot be read as one (then rescore it). */
export function readScore(json: string): ScoreResult | null {
  const result = ScoreResultSchema.safeParse(parsed(json));
  return result.success ? result.data : null;
}

/**
 * A draft as stored: an exercise's spans (each with its local id) or a written answer's text
 * (`{ answer }`, lib/server/questions.ts); null when it is neither.
 */
export type StoredDraft =
  | { kind: 'spans'; spans: z.infer<typeof DraftSpanSchema>[] }
  | { kind: 'answer'; answer: string };

const WrittenDraftSchema = z.object({ answer: z.string() });

/** Decodes a draft's answers_json (see StoredDraft). */
export function readDraft(json: string): StoredDraft | null {
  const value = parsed(json);
  if (Array.isArray(value)) return { kind: 'spans', spans: elements(value, z.object(DraftSpanSchema.shape)) };
  const written = WrittenDraftSchema.safeParse(value);
  return written.success ? { kind: 'answer', answer: written.data.answer } : null;
}
