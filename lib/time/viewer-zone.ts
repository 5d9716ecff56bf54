import { isTimeZone } from '@/lib/validation/time-zone';

/**
 * The viewer's time zone and locale, as their browser formats times. The browser keeps them
 * in a cookie (ZONE_COOKIE) once a page has shown a time, so that the server writes the next
 * page's times as the browser would: no time is shown in UTC and then rewritten on load.
 */
export type ViewerZone = { timeZone: string; locale: string };

export const ZONE_COOKIE = 'cr-zone';
/** A year: the zone changes when the reader travels, and the browser rewrites it then. */
export const ZONE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

function isLocale(tag: string): boolean {
  if (tag.length === 0 || tag.length > 35) return false;
  try {
    return Intl.getCanonicalLocales(tag)[0] === tag;
  } catch {
    return false;
  }
}

/** The cookie's value for a zone: `<locale> <time zone>`, URI-encoded. */
export function encodeViewerZone(zone: ViewerZone): string {
  return encodeURIComponent(`${zone.locale} ${zone.timeZone}`);
}

/** The zone a cookie names, or null for anything else (absent, malformed, an unknown zone or locale). */
export function decodeViewerZone(value: string | undefined): ViewerZone | null {
  if (!value || value.length > 120) return null;
  let text: string;
  try {
    text = decodeURIComponent(value);
  } catch {
    return null;
  }
  const [locale, timeZone, ...rest] = text.split(' ');
  if (rest.length > 0 || !locale || !timeZone || !isLocale(locale) || !isTimeZone(timeZone)) return null;
  return { locale, timeZone };
}

/** The zone and locale of the browser this runs in. */
export function browserZone(): ViewerZone {
  const { timeZone, locale } = Intl.DateTimeFormat().resolvedOptions();
  return { timeZone, locale };
}

/**
 * An instant as a reader in `zone` reads it, with the zone's short name ("15 Jan 2027, 23:59
 * CST"); in UTC, named, when the zone is not known.
 */
export function formatInstant(date: Date, zone: ViewerZone | null): string {
  if (!zone) return `${date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
  const { locale, timeZone } = zone;
  const when = date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const name = new Intl.DateTimeFormat(locale, { timeZoneName: 'short', timeZone })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName')?.value;
  return name ? `${when} ${name}` : when;
}
