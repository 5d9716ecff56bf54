import 'server-only';

/**
 * Why a data function refused. `forbidden`: the actor may not do this; `not-found`: no such
 * thing, or not one the actor may know about; `invalid`: the input is malformed;
 * `conflict`: the state forbids it (a resubmission that is not allowed, a reused id);
 * `closed`: the assignment is not open yet; `archived`: the class no longer takes changes;
 * `rate-limited`: too many attempts, try again later.
 */
export type ErrorCode = 'forbidden' | 'not-found' | 'invalid' | 'conflict' | 'closed' | 'archived' | 'rate-limited';

/**
 * A data function's refusal with a message fit to show the person who asked. (What an action
 * answers the browser is an ActionFailure, built with actionFailure(): lib/validation/action-result.ts.)
 */
export type Failure = { ok: false; error: ErrorCode; message: string };

/** What every data function returns: the value, or why not. User errors never throw. */
export type Result<T> = { ok: true; value: T } | Failure;

/** Wraps a value as a success. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** A refusal with its reason. */
export function fail(error: ErrorCode, message: string): Failure {
  return { ok: false, error, message };
}
