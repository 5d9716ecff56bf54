import type { SpanStore, StoredSpan } from '@/lib/annotation/span-store';

/** Whether keys pressed in `target` edit text there (a note's box, a text field). */
function isTextEntry(target: EventTarget): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target.isContentEditable) return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
}

/**
 * Ctrl+Z undoes and Ctrl+Y (or Ctrl+Shift+Z) redoes a change to the labels, anywhere in the
 * exercise but in a text box, where they are the browser's own undo of the typing.
 */
export function undoKeys<S extends StoredSpan>(e: React.KeyboardEvent, store: SpanStore<S>): void {
  if (isTextEntry(e.target)) return;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && key === 'z' && !e.shiftKey) {
    e.preventDefault();
    store.undo();
  } else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) {
    e.preventDefault();
    store.redo();
  }
}
