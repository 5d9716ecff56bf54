import 'server-only';

/**
 * Whether a stored instant (an ISO 8601 string, or null for none) has arrived by `now`.
 * Compared as times, never as strings: an extended year ("+010000-01-01T…") or another
 * offset would sort wrongly as text. An unreadable value has not arrived.
 */
export function hasArrived(iso: string | null, now: Date): boolean {
  if (iso === null) return false;
  const at = Date.parse(iso);
  return !Number.isNaN(at) && at <= now.getTime();
}

/** Whether a stored instant lies after `now` (it exists and has not arrived yet). */
export function isAhead(iso: string | null, now: Date): boolean {
  return iso !== null && !hasArrived(iso, now);
}
