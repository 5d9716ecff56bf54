/**
 * Checks on a JSON POST to one of the app's route handlers (POST /api/submissions), before
 * anything is read as the caller's work. A route handler does not get the checks Next.js
 * gives a server action (the origin check, the body size limit), so they are made here:
 * - cross-site: a browser marks a request from another site (Sec-Fetch-Site) and names its
 *   origin; either one naming another site is refused with 403. A request with neither comes
 *   from no browser, so it cannot carry a victim's cookies (CSRF needs a browser);
 * - content type: only `application/json`, which no plain HTML form can send, so a cross-site
 *   form post never reaches the handler even from an old browser without Sec-Fetch-Site;
 * - size: the same limit as a server action's body, read with a cap so that a body without a
 *   Content-Length cannot grow past it.
 * Pure (the body reader takes a stream), so it is tested directly.
 */
import { actionBodyProblem, actionSizeProblem, MAX_ACTION_BODY_BYTES } from './action-request';

export type RequestProblem = { status: 400 | 403 | 413 | 415; message: string; field: string };

const NOTHING_SAVED = 'Nothing was saved.';

/** The host the request was addressed to: the reverse proxy's X-Forwarded-Host, else Host. */
function requestHost(headers: Headers): string | null {
  return headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
}

/**
 * What is wrong with a JSON POST's headers, or null: a cross-site origin (403), a content
 * type other than JSON (415), a declared size over the limit (413). `field` names the header.
 */
export function jsonRequestHeadersProblem(headers: Headers): RequestProblem | null {
  const site = headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') {
    return {
      status: 403,
      field: 'Sec-Fetch-Site',
      message: `Requests from another site are refused. ${NOTHING_SAVED}`,
    };
  }
  const origin = headers.get('origin');
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      // "null" (an opaque origin) or garbage: refused below.
    }
    if (originHost === null || originHost !== requestHost(headers)) {
      return { status: 403, field: 'Origin', message: `Requests from another site are refused. ${NOTHING_SAVED}` };
    }
  }
  const type = headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    return {
      status: 415,
      field: 'Content-Type',
      message: `The request must be JSON (Content-Type: application/json). ${NOTHING_SAVED}`,
    };
  }
  const size = actionSizeProblem(headers.get('content-length'));
  if (size) return tooLarge();
  return null;
}

function tooLarge(): RequestProblem {
  const mib = MAX_ACTION_BODY_BYTES / (1024 * 1024);
  return { status: 413, field: 'body', message: `The request is larger than ${mib} MiB. ${NOTHING_SAVED}` };
}

/**
 * Reads a body as UTF-8 text, stopping (and cancelling the stream) once it passes `max`
 * bytes: then the answer is a 413 problem, never the text.
 */
export async function readCappedText(
  body: ReadableStream<Uint8Array> | null,
  max: number = MAX_ACTION_BODY_BYTES,
): Promise<{ ok: true; text: string } | { ok: false; problem: RequestProblem }> {
  if (body === null) return { ok: true, text: '' };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > max) {
      await reader.cancel();
      return { ok: false, problem: tooLarge() };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

/**
 * The body's JSON value, or what is wrong with it: empty, nested too deeply or not JSON
 * (400, with the server action's own words), too large (413).
 */
export function parseJsonBody(text: string): { ok: true; value: unknown } | { ok: false; problem: RequestProblem } {
  const problem = actionBodyProblem(text);
  if (problem) {
    if (problem.status === 413) return { ok: false, problem: tooLarge() };
    return { ok: false, problem: { status: 400, field: 'body', message: `${problem.message} ${NOTHING_SAVED}` } };
  }
  return { ok: true, value: JSON.parse(text) as unknown };
}
