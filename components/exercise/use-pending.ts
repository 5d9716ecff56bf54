'use client';

import { useEffect, useState } from 'react';
import type { TextSpan } from '@/lib/annotation/annotator';
import type { PendingSelection } from '@/lib/annotation/pending';

/**
 * The selection waiting for a label, for a component that shows it. Read through state rather
 * than useSyncExternalStore (as use-spans.ts reads the spans): a store read that way always
 * renders synchronously, so the menu's closing after a label would be drawn in the task right
 * after the label's frame, ahead of the next input. Through state, a selection made by the
 * reader (an event) shows the menu at once, and the closing waits its turn.
 */
export function usePending(selection: PendingSelection): TextSpan | null {
  const [pending, setPending] = useState(selection.get);
  useEffect(() => {
    setPending(selection.get());
    return selection.subscribe(() => setPending(selection.get()));
  }, [selection]);
  return pending;
}
