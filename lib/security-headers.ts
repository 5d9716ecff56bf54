/**
 * The Content-Security-Policy for one response. Scripts run only with this request's nonce
 * (and what they load: 'strict-dynamic'); no 'unsafe-eval' outside `next dev`, whose tooling
 * needs it. Styles allow inline because React sets style attributes.
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

/** Headers every response carries besides the CSP. HSTS only outside development. */
export function securityHeaders(development: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(development ? {} : { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' }),
  };
}
