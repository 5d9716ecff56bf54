/** Most undo steps kept: enough for a long session, bounded so memory stays flat. */
export const MAX_HISTORY = 200;

/** Undo/redo over immutable snapshots. `present` is the current state. */
export type History<T> = { past: T[]; present: T; future: T[] };

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** Records a new state; clears the redo stack. */
export function record<T>(h: History<T>, next: T): History<T> {
  const past = [...h.past, h.present];
  if (past.length > MAX_HISTORY) past.shift();
  return { past, present: next, future: [] };
}

/** Steps back; returns the same history when there is nothing to undo. */
export function undo<T>(h: History<T>): History<T> {
  const previous = h.past.at(-1);
  if (previous === undefined) return h;
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future] };
}

/** Steps forward; returns the same history when there is nothing to redo. */
export function redo<T>(h: History<T>): History<T> {
  const [next, ...rest] = h.future;
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future: rest };
}
