import type { SubmitExercise, SubmitOutcome } from '@/lib/validation/exercise-contract';

/** Where the exercise sends a submission (app/api/submissions/route.ts). */
export const SUBMISSIONS_URL = '/api/submissions';

const NOT_TAKEN =
  'The server could not take your answers just now. Nothing was saved; your labels are kept. Try again.';

function isOutcome(value: unknown): value is SubmitOutcome {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/**
 * Sends one submission and resolves to the server's outcome. A refusal comes back as the
 * server's own `{ ok: false, message, fieldErrors }` whatever its status; an answer that is
 * not one (a proxy's error page) becomes a refusal that says nothing was saved. Rejects only
 * when the request did not reach the server (no connection).
 */
export async function postSubmission(input: SubmitExercise): Promise<SubmitOutcome> {
  const response = await fetch(SUBMISSIONS_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(input),
  });
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: answered below
  }
  return isOutcome(body) ? body : { ok: false, message: `${NOT_TAKEN} (HTTP ${response.status})`, fieldErrors: {} };
}
