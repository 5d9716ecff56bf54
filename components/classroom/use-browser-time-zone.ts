'use client';

import { useEffect } from 'react';
import { useViewerTimeZone } from '@/components/time/local-time';

/**
 * The viewer's time zone (components/time/local-time.tsx: from the server's first draw when the
 * browser has told it, else UTC until the page is hydrated), also written into the form's
 * `timeZone` field: dates and times are typed on the user's own wall clock, and the server
 * needs the zone to turn them into instants.
 */
export function useBrowserTimeZone(setValue: (name: 'timeZone', value: string) => void): string {
  const zone = useViewerTimeZone();
  useEffect(() => {
    setValue('timeZone', zone);
  }, [zone, setValue]);
  return zone;
}
