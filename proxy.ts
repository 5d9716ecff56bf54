import { type NextRequest, NextResponse } from 'next/server';
import { actionBodyProblem, actionSizeProblem } from '@/lib/action-request';
import { contentSecurityPolicy, prerenderedPagePolicy } from '@/lib/security-headers';
import { prerenderedScriptHashes } from '@/lib/server/prerendered-pages';

/**
 * Runs before every page and every server action call.
 * - A page the build prerendered (lessons, articles, practice pages: decision 15): a CSP that
 *   allows its inline scripts by their hashes; the page is served as built.
 * - Any other page: a fresh nonce per request for the CSP, passed to Next on the request (it
 *   stamps its own scripts with it) and sent to the browser on the response. The other
 *   security headers come from next.config.mjs, on every response.
 * - A server action call (a Next-Action header): no nonce (its answer is data, and gets a
 *   CSP that allows nothing from next.config.mjs); its body is checked so that a malformed
 *   one gets 400 or 413 instead of the framework's 500 (lib/action-request.ts).
 */
export async function proxy(request: NextRequest) {
  if (request.headers.has('next-action')) return checkAction(request);
  const development = process.env.NODE_ENV === 'development';
  // `next dev` renders every page per request (a production build's files may sit beside it).
  const reading = !development && (request.method === 'GET' || request.method === 'HEAD');
  const hashes = reading ? prerenderedScriptHashes(request.nextUrl.pathname) : null;
  if (hashes) {
    const response = NextResponse.next();
    response.headers.set('Content-Security-Policy', prerenderedPagePolicy(hashes));
    return response;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, development);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

async function checkAction(request: NextRequest) {
  let problem = actionSizeProblem(request.headers.get('content-length'));
  // Plain arguments come as JSON text; form posts (multipart) are the framework's to parse.
  if (!problem && request.method === 'POST' && request.headers.get('content-type')?.startsWith('text/plain')) {
    problem = actionBodyProblem(await request.text());
  }
  if (!problem) return NextResponse.next();
  return new NextResponse(problem.message, {
    status: problem.status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export const config = {
  // Static files need neither a nonce nor a check; nor do the JSON route handlers under /api,
  // which check their own requests (lib/json-request.ts) and get their CSP from next.config.mjs.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/).*)'],
};
