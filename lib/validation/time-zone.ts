// Apart from local-time.ts, so that a page that only checks a zone's name (the viewer's zone,
// lib/time/viewer-zone.ts) does not take the time zone arithmetic into its scripts.

/** Whether the browser or server knows this IANA time zone name ("America/Chicago"). */
export function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
