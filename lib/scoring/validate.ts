import type { z } from 'zod';
import { answersFor, MAX_SPANS } from '../validation/answer';
import type { AnswerSpan } from './types';

/** Problems named in one message; past this a long broken upload says "and N more". */
const MAX_REPORTED_PROBLEMS = 5;

/** The checked spans, or one message naming every problem found (up to a few). */
export type ValidationResult = { ok: true; value: AnswerSpan[] } | { ok: false; error: string };

function describe(issue: z.core.$ZodIssue): string {
  const [index, field] = issue.path;
  if (typeof index === 'number') {
    return field === undefined
      ? `answer ${index}: ${issue.message}`
      : `answer ${index}, field "${String(field)}": ${issue.message}`;
  }
  return issue.message;
}

/**
 * Checks untrusted answers (a parsed JSON body, a form value) against a text of
 * `textLength` characters: an array of at most MAX_SPANS spans with a known label and whole
 * offsets, 0 <= start < end <= textLength. The error names every problem (up to a few),
 * each with the answer's index and field.
 */
export function validateAnswers(textLength: number, answers: unknown): ValidationResult {
  // Refuse an oversized upload before checking each of its spans.
  if (Array.isArray(answers) && answers.length > MAX_SPANS) {
    return { ok: false, error: `too many spans: ${answers.length}, at most ${MAX_SPANS} are allowed` };
  }
  const parsed = answersFor(textLength).safeParse(answers);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map(describe);
  const shown = problems.slice(0, MAX_REPORTED_PROBLEMS);
  const more = problems.length - shown.length;
  return { ok: false, error: shown.join('; ') + (more > 0 ? `; and ${more} more` : '') };
}
