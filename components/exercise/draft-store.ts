/** Browser storage for drafts: every change is kept, so closing the tab loses nothing. */
const PREFIX = 'close-read:v1:';

/** Reads a stored value, or null when there is none or storage is unavailable. */
export function loadDraft<T>(key: string): T | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** Stores a value; returns false when the browser refuses (private mode, quota). */
export function saveDraft(key: string, value: unknown): boolean {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function exerciseDraftKey(exerciseId: string, sha256: string): string {
  return `exercise:${exerciseId}:${sha256}`;
}

/** Forgets a stored value (nothing happens when storage is unavailable). */
export function removeDraft(key: string): void {
  try {
    window.localStorage.removeItem(PREFIX + key);
  } catch {
    // Storage unavailable: there is nothing to forget.
  }
}
