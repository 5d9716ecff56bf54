'use client';

import { useEffect, useState } from 'react';

/** The instant in UTC, as the server can write it before the browser's zone is known. */
function inUtc(date: Date): string {
  return `${date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
}

/** The instant in the browser's own time zone, with the zone's name ("15 Jan 2027, 23:59 CST"). */
export function inViewerZone(date: Date, locale?: string): string {
  const when = date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const zone = new Intl.DateTimeFormat(locale, { timeZoneName: 'short' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName')?.value;
  return zone ? `${when} ${zone}` : when;
}

/**
 * A stored instant shown in the viewer's own time zone, named. The server does not know the
 * viewer's zone, so the page is sent with the time in UTC and the browser rewrites it on
 * load; the machine-readable instant stays in `dateTime`.
 */
export function LocalTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  const [text, setText] = useState(() => inUtc(date));
  useEffect(() => setText(inViewerZone(new Date(iso))), [iso]);
  return <time dateTime={iso}>{text}</time>;
}
