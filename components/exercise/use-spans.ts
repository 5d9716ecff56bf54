'use client';

import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { createHistory, type History, record, redo, undo } from '@/lib/annotation/history';
import type { DraftSpan } from '@/lib/validation/exercise-contract';
import type { Label } from '@/lib/validation/vocabulary';
import { loadDraft, saveDraft } from './draft-store';

type StoredDraft = { spans: DraftSpan[]; savedAt: string };

function sorted(spans: DraftSpan[]): DraftSpan[] {
  return [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The student's spans with undo/redo, kept in browser storage under `draftKey` on every
 * change and when the page is hidden, and restored on load.
 */
export function useSpans(draftKey: string) {
  const [history, setHistory] = useState<History<DraftSpan[]>>(() => createHistory([]));
  const [restored, setRestored] = useState(false);
  // The spans as they are now, for saving when the page is hidden. `add` puts a new label in
  // at once, before the deferred history update; otherwise it follows the history.
  const latest = useRef<DraftSpan[]>([]);
  useEffect(() => {
    latest.current = history.present;
  }, [history.present]);

  useEffect(() => {
    const draft = loadDraft<StoredDraft>(draftKey);
    if (draft?.spans?.length) setHistory(createHistory(sorted(draft.spans)));
    setRestored(true);
  }, [draftKey]);

  useEffect(() => {
    if (!restored) return;
    saveDraft(draftKey, { spans: history.present, savedAt: new Date().toISOString() });
  }, [draftKey, history.present, restored]);

  useEffect(() => {
    const save = () => {
      if (restored) saveDraft(draftKey, { spans: latest.current, savedAt: new Date().toISOString() });
    };
    // A tab being closed may still count as visible when pagehide fires: save then regardless.
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') save();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', save);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', save);
    };
  }, [draftKey, restored]);

  const add = useCallback((label: Label, start: number, end: number): DraftSpan | null => {
    const exists = latest.current.find((s) => s.label === label && s.start === start && s.end === end);
    if (exists) return null;
    const span: DraftSpan = { id: crypto.randomUUID(), label, start, end };
    latest.current = sorted([...latest.current, span]);
    // The caller paints the span at once; the list redraws after that frame is on screen.
    requestAnimationFrame(() =>
      setTimeout(() => startTransition(() => setHistory((h) => record(h, sorted([...h.present, span])))), 0),
    );
    return span;
  }, []);

  const update = useCallback((id: string, patch: Partial<DraftSpan>, undoable = true) => {
    setHistory((h) => {
      const next = h.present.map((s) => (s.id === id ? { ...s, ...patch } : s));
      return undoable ? record(h, next) : { ...h, present: next };
    });
  }, []);

  const remove = useCallback((id: string) => {
    setHistory((h) =>
      record(
        h,
        h.present.filter((s) => s.id !== id),
      ),
    );
  }, []);

  /** Replaces the spans (a draft from elsewhere, e.g. the class's server copy); undoable. */
  const replace = useCallback((next: DraftSpan[]) => setHistory((h) => record(h, sorted(next))), []);

  return {
    spans: history.present,
    replace,
    restored,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    add,
    update,
    remove,
    undo: useCallback(() => setHistory(undo), []),
    redo: useCallback(() => setHistory(redo), []),
  };
}
