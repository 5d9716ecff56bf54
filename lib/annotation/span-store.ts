import { afterNextPaint } from './frames';
import { createHistory, type History, record, redo, undo } from './history';
import { type PaintSpan, sameSpan } from './painter';

/** What a span needs to be stored and painted; the exercise's spans carry more fields. */
export type StoredSpan = PaintSpan;

/** What React (or anything else) reads: replaced, never changed, on every change. */
export type SpanSnapshot<S extends StoredSpan> = { spans: readonly S[]; canUndo: boolean; canRedo: boolean };

/** Paints one span at once; the annotator's painter does it. */
export type SpanPaint = { put(span: PaintSpan): void };

function sorted<S extends StoredSpan>(spans: readonly S[]): S[] {
  return [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The student's spans and their undo history, framework-free. `add` paints the new span at
 * once (through the painter attached, if any) and tells the listeners after the frame that
 * shows it, with `deferred` true: a listener should then do its work so that it can yield
 * (React: in a transition), or the next task waits for it. Every other change tells them at
 * once, `deferred` false. Listeners read `snapshot`.
 */
export class SpanStore<S extends StoredSpan> {
  private history: History<readonly S[]>;
  private current: SpanSnapshot<S>;
  private readonly listeners = new Set<(deferred: boolean) => void>();
  private paint: SpanPaint | null = null;
  private pendingNotice: (() => void) | null = null;

  constructor(spans: readonly S[] = []) {
    this.history = createHistory(sorted(spans));
    this.current = this.snapshotOf(this.history);
  }

  /** The spans now; the same object until the next change. */
  get snapshot(): SpanSnapshot<S> {
    return this.current;
  }

  /** Calls `listener` after each change; returns the function that stops it. */
  subscribe(listener: (deferred: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Where `add` paints at once; null detaches (the annotator was destroyed). */
  attach(paint: SpanPaint | null): void {
    this.paint = paint;
  }

  /**
   * Adds a span, paints it at once and returns it; null when a span with the same label and
   * offsets is already there (nothing changes then).
   */
  add(span: S): S | null {
    const spans = this.history.present;
    if (spans.some((s) => sameSpan(s, span))) return null;
    this.commit(record(this.history, sorted([...spans, span])), false);
    this.paint?.put({ id: span.id, label: span.label, start: span.start, end: span.end });
    this.notifyAfterPaint();
    return span;
  }

  /** Changes fields of one span; `undoable` false folds the change into the current step (typing a note). */
  update(id: string, patch: Partial<S>, undoable = true): void {
    const next = this.history.present.map((s) => (s.id === id ? { ...s, ...patch } : s));
    this.commit(undoable ? record(this.history, next) : { ...this.history, present: next });
  }

  remove(id: string): void {
    this.commit(
      record(
        this.history,
        this.history.present.filter((s) => s.id !== id),
      ),
    );
  }

  /** Replaces every span (a draft from elsewhere, such as the class's server copy); undoable. */
  replace(spans: readonly S[]): void {
    this.commit(record(this.history, sorted(spans)));
  }

  /** Starts again from `spans` with no history (a draft restored on load). */
  load(spans: readonly S[]): void {
    this.commit(createHistory(sorted(spans)));
  }

  undo(): void {
    this.commit(undo(this.history));
  }

  redo(): void {
    this.commit(redo(this.history));
  }

  /** Drops a notice still waiting for its frame; for a store no longer shown. */
  dispose(): void {
    this.pendingNotice?.();
    this.pendingNotice = null;
  }

  private snapshotOf(h: History<readonly S[]>): SpanSnapshot<S> {
    return { spans: h.present, canUndo: h.past.length > 0, canRedo: h.future.length > 0 };
  }

  private commit(next: History<readonly S[]>, notify = true): void {
    if (next === this.history) return;
    this.history = next;
    this.current = this.snapshotOf(next);
    if (notify) this.notify();
  }

  private notify(deferred = false): void {
    for (const listener of [...this.listeners]) listener(deferred);
  }

  /** Tells the listeners once the frame with the new paint is on screen (a task after it). */
  private notifyAfterPaint(): void {
    if (this.pendingNotice !== null) return;
    this.pendingNotice = afterNextPaint(() => {
      this.pendingNotice = null;
      this.notify(true);
    });
  }
}
