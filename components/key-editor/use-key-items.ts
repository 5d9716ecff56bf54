'use client';

import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { createHistory, type History, record } from '@/lib/annotation/history';
import type { ClassKeyItemInput } from '@/lib/validation/class-key';
import type { Label } from '@/lib/validation/vocabulary';
import { editorProblems } from './problems';
import type { EditorItem, Problems } from './types';

export const stored = ({ source: _source, ...item }: EditorItem): ClassKeyItemInput => item;
const same = (a: EditorItem, b: EditorItem) => JSON.stringify(stored(a)) === JSON.stringify(stored(b));

/**
 * The editor's items with their undo history, each marked shipped, edited or added, and the
 * problems of each changed item (items as shipped passed the content check when the key was
 * built: only changes are judged), with the server's own findings from the last save.
 */
export function useKeyItems(
  initial: EditorItem[],
  shipped: EditorItem[] | undefined,
  context: { text: string; range: { start: number; end: number }; labels: Label[] },
) {
  const { text, range, labels } = context;
  const [history, setHistory] = useState<History<EditorItem[]>>(() => createHistory(initial));
  const [fromServer, setFromServer] = useState<Problems>(new Map());
  const [status, setStatus] = useState('');
  const items = history.present;
  const shippedById = useMemo(() => new Map((shipped ?? []).map((i) => [i.id, i])), [shipped]);
  const withSource = useMemo(
    () =>
      items.map((item): EditorItem => {
        const base = shippedById.get(item.id);
        return { ...item, source: !base ? 'class' : same(base, item) ? 'file' : 'edited' };
      }),
    [items, shippedById],
  );
  const checked = useDeferredValue(items);
  const problems = useMemo(() => {
    const found = editorProblems({ text, range, labels }, checked.map(stored));
    for (const item of checked) {
      const base = shippedById.get(item.id);
      if (base && same(base, item)) found.delete(item.id);
    }
    for (const [itemId, list] of fromServer) found.set(itemId, [...(found.get(itemId) ?? []), ...list]);
    return found;
  }, [checked, text, range, labels, fromServer, shippedById]);
  /** Records the items made from the present ones (for a change applied after other updates). */
  const commitWith = useCallback((next: (present: EditorItem[]) => EditorItem[], message: string) => {
    setHistory((h) => {
      const items = next(h.present);
      return items === h.present ? h : record(h, items);
    });
    setFromServer(new Map());
    setStatus(message);
  }, []);
  const commit = useCallback((next: EditorItem[], message: string) => commitWith(() => next, message), [commitWith]);
  return {
    history,
    setHistory,
    items,
    withSource,
    problems,
    shippedById,
    commit,
    commitWith,
    setFromServer,
    status,
    setStatus,
  };
}
