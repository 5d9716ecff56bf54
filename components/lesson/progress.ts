/**
 * Self-guided progress, kept in this browser only (no account): which exercises the learner
 * has submitted and which questions they have answered. Exercise and question ids are unique
 * across all lessons (lib/content/lessons.ts checks it), so one set of ids is enough.
 */
import { loadDraft, saveDraft } from '../exercise/draft-store';

/** Stored under `close-read:v1:progress` (draft-store adds the prefix). */
export const PROGRESS_KEY = 'progress';
const STORAGE_KEY = `close-read:v1:${PROGRESS_KEY}`;
/** Fired on window when this tab records progress; `storage` covers other tabs. */
const CHANGE_EVENT = 'close-read:progress';

type Stored = { done: Record<string, string> };

function read(): Stored {
  const saved = loadDraft<Stored>(PROGRESS_KEY);
  return saved && typeof saved.done === 'object' && saved.done !== null ? saved : { done: {} };
}

/** Records that an activity (an exercise submitted, a question answered) is done. */
export function recordProgress(activityId: string): void {
  const stored = read();
  if (stored.done[activityId]) return;
  stored.done[activityId] = new Date().toISOString();
  if (saveDraft(PROGRESS_KEY, stored)) window.dispatchEvent(new Event(CHANGE_EVENT));
}

export type ProgressState =
  | { status: 'not-started'; done: 0; total: number }
  | { status: 'in-progress'; done: number; total: number }
  | { status: 'done'; done: number; total: number };

/** The state of a lesson from the ids of its activities and the raw stored value. */
export function progressOf(activityIds: readonly string[], raw: string | null): ProgressState {
  let done: Record<string, string> = {};
  try {
    const parsed = raw ? (JSON.parse(raw) as Partial<Stored>) : null;
    if (parsed && typeof parsed.done === 'object' && parsed.done !== null) done = parsed.done;
  } catch {
    // A damaged value counts as nothing done.
  }
  const total = activityIds.length;
  const count = activityIds.filter((id) => Object.hasOwn(done, id)).length;
  if (count === 0) return { status: 'not-started', done: 0, total };
  if (count >= total) return { status: 'done', done: count, total };
  return { status: 'in-progress', done: count, total };
}

/** The words shown for a state: the status is always in text, never in color alone. */
export function progressText(state: ProgressState): string {
  if (state.status === 'not-started') return 'Not started';
  if (state.status === 'done') return 'Done';
  return `In progress (${state.done} of ${state.total} ${state.total === 1 ? 'activity' : 'activities'})`;
}

/** Calls `onChange` on changes to the stored progress, from this tab and from others. */
export function subscribeProgress(onChange: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key === STORAGE_KEY) onChange();
  };
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onStorage);
  };
}

/** The raw stored value (a string, so React can compare snapshots); '' when unavailable. */
export function progressSnapshot(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}
