import 'server-only';

/**
 * The client's address for rate limits: the first X-Forwarded-For hop (set by the reverse
 * proxy a deployment runs behind), else X-Real-IP, else 'unknown'. Without a proxy a client
 * can forge these headers; the per-email and per-class-code limits still hold then.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return (forwarded || headers.get('x-real-ip')?.trim() || 'unknown').slice(0, 64);
}
