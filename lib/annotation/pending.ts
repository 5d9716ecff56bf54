import type { TextSpan } from './annotator';
import { sameExtent } from './painter';

/**
 * The selection waiting for a label, kept outside React. The annotator sets it on every
 * selection change; only what shows it (the label menu) subscribes to it, and what acts on it
 * (the key editor's "take the selection") reads it when pressed. So a new selection redraws the
 * menu and not the whole exercise around it, in the frame that must show the menu.
 *
 * The same extent set again is no change: a drag fires many selection changes for one span.
 */
export class PendingSelection {
  private span: TextSpan | null = null;
  private readonly listeners = new Set<() => void>();

  readonly get = (): TextSpan | null => this.span;

  readonly set = (span: TextSpan | null): void => {
    const now = this.span;
    if (now === span || (now && span && sameExtent(now, span))) return;
    this.span = span;
    for (const listener of this.listeners) listener();
  };

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}
