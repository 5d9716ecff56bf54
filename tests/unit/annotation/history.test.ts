import { describe, expect, it } from 'vitest';
import { createHistory, MAX_HISTORY, record, redo, undo } from '@/lib/annotation/history';

describe('history', () => {
  it('undoes and redoes in order', () => {
    let h = createHistory(0);
    h = record(h, 1);
    h = record(h, 2);
    expect(h.present).toBe(2);
    h = undo(h);
    expect(h.present).toBe(1);
    h = undo(h);
    expect(h.present).toBe(0);
    h = redo(h);
    expect(h.present).toBe(1);
    h = redo(h);
    expect(h).toEqual({ past: [0, 1], present: 2, future: [] });
  });

  it('returns the same history when there is nothing to undo or redo', () => {
    const h = createHistory('a');
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });

  it('a new state after an undo clears the redo stack', () => {
    const h = record(undo(record(createHistory(0), 1)), 5);
    expect(h).toEqual({ past: [0], present: 5, future: [] });
    expect(redo(h)).toBe(h);
  });

  it(`keeps at most ${MAX_HISTORY} steps, dropping the oldest`, () => {
    let h = createHistory(0);
    for (let i = 1; i <= MAX_HISTORY + 5; i++) h = record(h, i);
    expect(h.past).toHaveLength(MAX_HISTORY);
    expect(h.past[0]).toBe(5);
    for (let i = 0; i < MAX_HISTORY; i++) h = undo(h);
    expect(h.present).toBe(5);
    expect(undo(h)).toBe(h);
  });

  it('never changes the history it was given', () => {
    const h = record(createHistory([1]), [2]);
    const copy = structuredClone(h);
    undo(h);
    redo(undo(h));
    record(h, [3]);
    expect(h).toEqual(copy);
  });
});
