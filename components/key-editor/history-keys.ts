import { type History, redo, undo } from '@/lib/annotation/history';

/** Whether keys pressed in `target` edit text there (a form field), where Ctrl+Z is the browser's own. */
function isTextEntry(target: EventTarget): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable)
    return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
}

/** Ctrl+Z undoes and Ctrl+Y (or Ctrl+Shift+Z) redoes a change to the key, anywhere but in a form field. */
export function historyKeys<T>(e: React.KeyboardEvent, setHistory: (step: (h: History<T>) => History<T>) => void) {
  if (isTextEntry(e.target)) return;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && key === 'z' && !e.shiftKey) {
    e.preventDefault();
    setHistory(undo);
  } else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) {
    e.preventDefault();
    setHistory(redo);
  }
}
