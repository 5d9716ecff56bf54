/**
 * The Content-Security-Policy for one page response. Scripts run only with this request's
 * nonce (and what they load: 'strict-dynamic'); no 'unsafe-eval' outside `next dev`, whose
 * tooling needs it. Styles allow inline because React sets style attributes. The headers
 * that do not change per response (nosniff, HSTS, referrer policy…) are in next.config.mjs.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
