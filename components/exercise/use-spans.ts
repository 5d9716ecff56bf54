'use client';

import { startTransition, useEffect, useState } from 'react';
import { SpanStore } from '@/lib/annotation/span-store';
import type { DraftSpan } from '@/lib/validation/exercise-contract';
import { loadDraft, saveDraft } from './draft-store';

type StoredDraft = { spans: DraftSpan[]; savedAt: string };

/**
 * The student's spans with undo/redo: a SpanStore, kept in browser storage under `draftKey`
 * on every change and when the page is hidden, and restored on load. `restored` turns true
 * once the browser's draft has been read.
 *
 * React reads the store through state rather than useSyncExternalStore: a store update read
 * that way always renders synchronously, and the list of a few hundred labels redrawn at
 * once after each new label held up the next task (label pen median 36 -> 70 ms at 4x CPU
 * throttle). A new label's redraw is a transition, which yields; every other change (undo,
 * a note typed, a label changed) renders at once, as a controlled text box needs.
 */
export function useSpans(draftKey: string) {
  const [store] = useState(() => new SpanStore<DraftSpan>());
  const [restored, setRestored] = useState(false);
  const [snapshot, setSnapshot] = useState(() => store.snapshot);
  useEffect(() => {
    setSnapshot(store.snapshot);
    return store.subscribe((deferred) => {
      if (deferred) startTransition(() => setSnapshot(store.snapshot));
      else setSnapshot(store.snapshot);
    });
  }, [store]);

  useEffect(() => {
    const draft = loadDraft<StoredDraft>(draftKey);
    if (draft?.spans?.length) store.load(draft.spans);
    setRestored(true);
  }, [draftKey, store]);

  useEffect(() => {
    if (!restored) return;
    // The store holds every change at once (an added label before the list redraws), so a
    // save, on a change or when the page is hidden, always has it.
    const save = () => saveDraft(draftKey, { spans: store.snapshot.spans, savedAt: new Date().toISOString() });
    save();
    // After a new label, the save waits for a task of its own (pagehide saves at once anyway).
    const stop = store.subscribe((deferred) => (deferred ? setTimeout(save, 0) : save()));
    // A tab being closed may still count as visible when pagehide fires: save then regardless.
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') save();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', save);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', save);
    };
  }, [draftKey, restored, store]);

  useEffect(() => () => store.dispose(), [store]);

  return { store, restored, ...snapshot };
}
