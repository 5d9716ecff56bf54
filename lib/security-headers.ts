/**
 * The Content-Security-Policy of page responses. Scripts run only when the policy names them:
 * never 'unsafe-inline', and no 'unsafe-eval' outside `next dev`, whose tooling needs it.
 * Styles allow inline because React sets style attributes. The headers that do not change per
 * response (nosniff, HSTS, referrer policy…) are in next.config.mjs.
 */
function policy(scriptSrc: string): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
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

/** A page rendered per request: its scripts carry this request's nonce (and what they load: 'strict-dynamic'). */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return policy(`'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`);
}

/**
 * A page prerendered by the build, the same for every reader: its inline scripts are allowed
 * by their hashes, its script files because they come from this site ('self', served with
 * nosniff, so no other answer of the site runs as a script). No nonce, so the page is static.
 */
export function prerenderedPagePolicy(hashes: readonly string[]): string {
  return policy(["'self'", ...hashes.map((h) => `'${h}'`)].join(' '));
}
