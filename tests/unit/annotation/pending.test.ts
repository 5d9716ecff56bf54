import { describe, expect, it } from 'vitest';
import { PendingSelection } from '@/lib/annotation/pending';

describe('PendingSelection', () => {
  it('starts empty and tells each listener about a new selection', () => {
    const selection = new PendingSelection();
    const heard: unknown[] = [];
    selection.subscribe(() => heard.push(selection.get()));
    expect(selection.get()).toBeNull();
    selection.set({ start: 3, end: 8 });
    selection.set(null);
    expect(heard).toEqual([{ start: 3, end: 8 }, null]);
  });

  it('takes the same extent set again as no change, another extent as one', () => {
    const selection = new PendingSelection();
    let calls = 0;
    selection.subscribe(() => calls++);
    selection.set({ start: 3, end: 8 });
    selection.set({ start: 3, end: 8 });
    selection.set(null);
    selection.set(null);
    expect(calls).toBe(2);
    selection.set({ start: 3, end: 9 });
    selection.set({ start: 2, end: 9 });
    expect(calls).toBe(4);
    expect(selection.get()).toEqual({ start: 2, end: 9 });
  });

  it('stops telling a listener once it unsubscribes', () => {
    const selection = new PendingSelection();
    let calls = 0;
    const stop = selection.subscribe(() => calls++);
    selection.set({ start: 0, end: 1 });
    stop();
    selection.set({ start: 0, end: 2 });
    expect(calls).toBe(1);
    expect(selection.get()).toEqual({ start: 0, end: 2 });
  });
});
