'use client';

import { createContext, type ReactNode, useContext, useEffect, useSyncExternalStore } from 'react';
import {
  browserZone,
  decodeViewerZone,
  encodeViewerZone,
  formatInstant,
  type ViewerZone,
  ZONE_COOKIE,
  ZONE_COOKIE_MAX_AGE,
} from '@/lib/time/viewer-zone';

/** The viewer's zone as the server knows it from their cookie (lib/time/viewer-zone.ts), or null. */
const ServerZone = createContext<ViewerZone | null>(null);

/** Gives the times inside the zone the server read from the viewer's cookie. */
export function ViewerZoneProvider({ zone, children }: { zone: ViewerZone | null; children: ReactNode }) {
  return <ServerZone value={zone}>{children}</ServerZone>;
}

const noChange = () => () => {};

/** False while React hydrates the server's HTML; true in the browser after it, and for anything drawn there. */
function useInBrowser(): boolean {
  return useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  );
}

/** The browser's zone, read once per page: every time on the page is written in it. */
let ownZone: ViewerZone | null = null;
const pageZone = (): ViewerZone => {
  ownZone ??= browserZone();
  return ownZone;
};

/**
 * The viewer's IANA zone for a form that takes dates and times: the zone the server read from
 * the cookie while React hydrates (UTC when it has none), the browser's own after. A form drawn
 * by the server in the right zone then needs no change once the page has loaded.
 */
export function useViewerTimeZone(): string {
  const serverZone = useContext(ServerZone);
  return useInBrowser() ? pageZone().timeZone : (serverZone?.timeZone ?? 'UTC');
}

/** Whether this page has already put its zone in the cookie (a list of times asks once). */
let remembered = false;

/** Keeps the browser's zone in the cookie when the cookie says otherwise (or nothing). */
function rememberZone(): void {
  if (remembered) return;
  remembered = true;
  const zone = pageZone();
  const saved = document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${ZONE_COOKIE}=`))
    ?.slice(ZONE_COOKIE.length + 1);
  const known = decodeViewerZone(saved);
  if (known && known.timeZone === zone.timeZone && known.locale === zone.locale) return;
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${ZONE_COOKIE}=${encodeViewerZone(zone)}; Path=/; Max-Age=${ZONE_COOKIE_MAX_AGE}; SameSite=Lax${secure}`;
}

/**
 * A stored instant shown in the viewer's own time zone, named. The server writes it in the
 * zone the viewer's cookie names (in UTC, named, before the browser has told it one); the
 * browser writes it in its own zone, at once for anything it draws, and after hydration for the
 * server's HTML (the same text once the cookie is right). The machine-readable instant stays
 * in `dateTime`.
 */
export function LocalTime({ iso }: { iso: string }) {
  const serverZone = useContext(ServerZone);
  const inBrowser = useInBrowser();
  useEffect(rememberZone, []);
  const date = new Date(iso);
  return <time dateTime={iso}>{formatInstant(date, inBrowser ? pageZone() : serverZone)}</time>;
}
