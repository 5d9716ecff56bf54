import type { z } from 'zod';

/** Every message per field name (dotted path); '' holds messages about the form as a whole. */
export type FieldErrors = Record<string, string[]>;

/** A refused action: a message for the whole form and every field's errors, never a password. */
export type ActionFailure = { ok: false; message: string; fieldErrors: FieldErrors };

/** What every form action returns. */
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;

/** Every issue of a failed parse, grouped by field; not just the first. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.');
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

/** The failure for input that did not pass the form's schema. */
export function invalidInput(error: z.ZodError): ActionFailure {
  return { ok: false, message: 'Some fields need attention.', fieldErrors: fieldErrorsOf(error) };
}

/**
 * A refused action's answer with a form-level message (and any field errors). One name per
 * meaning: `ActionFailure` / `actionFailure()` is what an action or route answers the browser;
 * `Failure` / `fail()` (lib/server/result.ts) is a data function's refusal with an ErrorCode.
 */
export function actionFailure(message: string, fieldErrors: FieldErrors = {}): ActionFailure {
  return { ok: false, message, fieldErrors };
}
