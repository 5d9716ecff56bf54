import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy } from '@/lib/security-headers';

/**
 * Runs before every page: a fresh nonce per request for the CSP, passed to Next on the
 * request (it stamps its own scripts with it) and sent to the browser on the response. The
 * other security headers come from next.config.mjs, on every response.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Static files need no nonce. Neither do server action calls made by the page's script
  // (they carry a Next-Action header and answer with data, never a document): they skip
  // this step, which is most of the cost of a submission under load, and get a CSP that
  // allows nothing from next.config.mjs.
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [{ type: 'header', key: 'next-action' }],
    },
  ],
};
