// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { indexParagraphs } from '@/lib/annotation/dom';
import { HighlightPainter } from '@/lib/annotation/painter';
import { SpanStore, type StoredSpan } from '@/lib/annotation/span-store';

const span = (id: string, start: number, end: number, label = 'sourcing'): StoredSpan => ({ id, label, start, end });

/** A store with a listener that counts its calls. */
function counted(spans: StoredSpan[] = []) {
  const store = new SpanStore<StoredSpan>(spans);
  const calls = { n: 0 };
  store.subscribe(() => calls.n++);
  return { store, calls };
}

/** Waits for the frame after which `add` tells its listeners, and the task after it. */
const afterFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 5)));

describe('SpanStore', () => {
  it('keeps spans in text order, with undo and redo', () => {
    const { store } = counted([span('b', 10, 12), span('a', 2, 4)]);
    expect(store.snapshot.spans.map((s) => s.id)).toEqual(['a', 'b']);
    expect(store.snapshot.canUndo).toBe(false);
    store.remove('a');
    expect(store.snapshot.spans.map((s) => s.id)).toEqual(['b']);
    store.undo();
    expect(store.snapshot.spans.map((s) => s.id)).toEqual(['a', 'b']);
    expect(store.snapshot).toMatchObject({ canUndo: false, canRedo: true });
    store.redo();
    expect(store.snapshot.spans.map((s) => s.id)).toEqual(['b']);
  });

  it('refuses a second span with the same label and offsets, without a change', () => {
    const { store } = counted();
    expect(store.add(span('a', 0, 5))).not.toBeNull();
    const before = store.snapshot;
    expect(store.add(span('b', 0, 5))).toBeNull();
    expect(store.snapshot).toBe(before);
    expect(store.add(span('c', 0, 5, 'loaded-language'))).not.toBeNull();
  });

  it('add paints at once and tells the listeners after the frame', async () => {
    const root = document.createElement('div');
    root.innerHTML = '<p class="para" data-start="0" data-end="11">Hello world</p>';
    document.body.replaceChildren(root);
    const { store, calls } = counted();
    store.attach(new HighlightPainter(indexParagraphs(root)));
    store.add(span('a', 6, 11));
    // Painted and stored before any listener runs.
    expect(root.querySelector('mark')?.textContent).toBe('world');
    expect(store.snapshot.spans).toHaveLength(1);
    expect(calls.n).toBe(0);
    await afterFrame();
    expect(calls.n).toBe(1);
  });

  it('tells listeners of every other change at once, with a new snapshot each time', () => {
    const { store, calls } = counted([span('a', 0, 5)]);
    const first = store.snapshot;
    store.update('a', { label: 'loaded-language' });
    expect(calls.n).toBe(1);
    expect(store.snapshot).not.toBe(first);
    expect(store.snapshot.spans[0]?.label).toBe('loaded-language');
    store.replace([span('z', 1, 2)]);
    store.undo();
    expect(calls.n).toBe(3);
    expect(store.snapshot.spans[0]?.id).toBe('a');
  });

  it('a change that is not undoable folds into the current step (typing a note)', () => {
    const { store } = counted([span('a', 0, 5)]);
    store.update('a', { label: 'loaded-language' });
    store.update('a', { id: 'a' }, false);
    store.undo();
    expect(store.snapshot.spans[0]?.label).toBe('sourcing');
    expect(store.snapshot.canUndo).toBe(false);
  });

  it('nothing to undo changes nothing and tells no one', () => {
    const { store, calls } = counted();
    const before = store.snapshot;
    store.undo();
    store.redo();
    expect(store.snapshot).toBe(before);
    expect(calls.n).toBe(0);
  });

  it('load starts again without history; an unsubscribed listener is not told', () => {
    const { store, calls } = counted([span('a', 0, 5)]);
    store.remove('a');
    const extra = { n: 0 };
    const stop = store.subscribe(() => extra.n++);
    store.load([span('b', 3, 4)]);
    stop();
    store.remove('b');
    expect(store.snapshot).toMatchObject({ canUndo: true, canRedo: false });
    store.undo();
    expect(store.snapshot.canUndo).toBe(false);
    expect(calls.n).toBe(4);
    expect(extra.n).toBe(1);
  });
});
