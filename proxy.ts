import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy, securityHeaders } from '@/lib/security-headers';

/**
 * Runs before every page and action: a fresh nonce per request for the CSP, passed to Next
 * on the request (it stamps its own scripts with it) and sent to the browser on the response.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const development = process.env.NODE_ENV === 'development';
  const csp = contentSecurityPolicy(nonce, development);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(securityHeaders(development))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static files carry the same headers through next.config.mjs; pages and actions get them here.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
