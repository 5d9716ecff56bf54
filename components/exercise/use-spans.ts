'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { SpanStore } from '@/lib/annotation/span-store';
import type { DraftSpan } from '@/lib/validation/exercise-contract';
import { loadDraft, saveDraft } from './draft-store';

type StoredDraft = { spans: DraftSpan[]; savedAt: string };

/**
 * The student's spans with undo/redo: a SpanStore read with useSyncExternalStore, kept in
 * browser storage under `draftKey` on every change and when the page is hidden, and restored
 * on load. `restored` turns true once the browser's draft has been read.
 */
export function useSpans(draftKey: string) {
  const [store] = useState(() => new SpanStore<DraftSpan>());
  const [restored, setRestored] = useState(false);
  const snapshot = useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.snapshot,
    () => store.snapshot,
  );

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
    const stop = store.subscribe(save);
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
