/**
 * Checks on the body of a server action call before the framework decodes it. The
 * framework answers a body it cannot decode with HTTP 500 and an error digest; a request
 * that is the client's fault should get 400 (or 413 when too large) and a plain message.
 * Runs in proxy.ts on every action call; pure, so it is tested directly.
 */

/** The framework's own limit on a server action body (serverActions.bodySizeLimit's default). */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;
/**
 * Deepest nesting of arrays and objects an action argument may have. The app's arguments
 * are at most four levels deep (a list of spans, each an object); 32 leaves ample room.
 */
export const MAX_ACTION_DEPTH = 32;

export type ActionBodyProblem = { status: 400 | 413; message: string };

const TOO_LARGE: ActionBodyProblem = { status: 413, message: 'The request is too large.' };

/** A problem with the declared size (the Content-Length header), or null. */
export function actionSizeProblem(contentLength: string | null): ActionBodyProblem | null {
  if (contentLength === null) return null;
  const bytes = Number(contentLength);
  return Number.isFinite(bytes) && bytes > MAX_ACTION_BODY_BYTES ? TOO_LARGE : null;
}

/**
 * What is wrong with a text body of a server action call (the JSON the browser sends for
 * plain arguments), or null when it may go on: empty, too large, not JSON, or nested deeper
 * than MAX_ACTION_DEPTH. Depth is measured by a scan before parsing, so a deep body never
 * reaches a recursive parser.
 */
export function actionBodyProblem(body: string): ActionBodyProblem | null {
  if (new TextEncoder().encode(body).length > MAX_ACTION_BODY_BYTES) return TOO_LARGE;
  if (body.trim() === '') return { status: 400, message: 'The request has no body.' };
  if (nestingDepth(body) > MAX_ACTION_DEPTH) return { status: 400, message: 'The request is nested too deeply.' };
  try {
    JSON.parse(body);
  } catch {
    return { status: 400, message: 'The request could not be read.' };
  }
  return null;
}

/** The deepest nesting of [ and { outside strings (quotes and escapes respected). */
export function nestingDepth(json: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return deepest;
}
