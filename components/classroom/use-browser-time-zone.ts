'use client';

import { useEffect, useState } from 'react';

/**
 * The browser's time zone ('UTC' until the page is hydrated), also written into the form's
 * `timeZone` field: dates and times are typed on the user's own wall clock, and the server
 * needs the zone to turn them into instants.
 */
export function useBrowserTimeZone(setValue: (name: 'timeZone', value: string) => void): string {
  const [zone, setZone] = useState('UTC');
  useEffect(() => {
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    setZone(browser);
    setValue('timeZone', browser);
  }, [setValue]);
  return zone;
}
