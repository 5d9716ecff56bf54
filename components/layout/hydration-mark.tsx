'use client';

import { useEffect } from 'react';

/**
 * Marks the document once React has hydrated the page: `<html data-hydrated>`. Its effect runs
 * after those of the page before it in the tree, so the exercises and forms listen by then. A
 * lesson or practice page asks for its scripts after the text is painted (decision 19), so
 * there the page's `load` event can come before its code does; the browser tests wait for this.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = '';
  }, []);
  return null;
}
