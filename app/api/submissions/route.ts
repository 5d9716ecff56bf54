import type { NextRequest } from 'next/server';
import { jsonRequestHeadersProblem, parseJsonBody, type RequestProblem, readCappedText } from '@/lib/json-request';
import { resolveActor, STUDENT_COOKIE } from '@/lib/server/actor';
import { gradeForActor } from '@/lib/server/classroom-grading';
import { actionFailure } from '@/lib/validation/action-result';
import type { SubmitOutcome } from '@/lib/validation/exercise-contract';

const NO_STORE = { 'cache-control': 'no-store' };

function refused(problem: RequestProblem): Response {
  return Response.json(actionFailure(problem.message, { [problem.field]: [problem.message] }), {
    status: problem.status,
    headers: NO_STORE,
  });
}

/**
 * Submits one exercise: the JSON body is `SubmitExercise` (lib/validation/submission.ts), the
 * answer a `SubmitOutcome`. A route handler rather than a server action because a class
 * submits at once and an action call costs several times more of the server (decision 17).
 * Same-origin JSON only (lib/json-request.ts); who is asking comes from the request's own
 * cookies; the key reaches the browser only in this answer, after submitting, and for a
 * student of a class only once it is released (gradeForActor).
 * Status: 200 when taken, 400 for input that cannot be read or does not fit (the fields
 * named), 403 cross-site, 413 too large, 415 not JSON, 422 for a refusal of readable work
 * (the exercise is locked, already submitted, not open).
 */
export async function POST(request: NextRequest): Promise<Response> {
  const headerProblem = jsonRequestHeadersProblem(request.headers);
  if (headerProblem) return refused(headerProblem);
  const read = await readCappedText(request.body);
  if (!read.ok) return refused(read.problem);
  const body = parseJsonBody(read.text);
  if (!body.ok) return refused(body.problem);
  const actor = await resolveActor({
    headers: request.headers,
    studentToken: request.cookies.get(STUDENT_COOKIE)?.value,
  });
  const outcome: SubmitOutcome = await gradeForActor(actor, body.value);
  const status = outcome.ok ? 200 : Object.keys(outcome.fieldErrors).length > 0 ? 400 : 422;
  return Response.json(outcome, { status, headers: NO_STORE });
}
