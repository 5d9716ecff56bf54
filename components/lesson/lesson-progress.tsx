'use client';

import { startTransition, useEffect, useState } from 'react';
import { progressOf, progressSnapshot, progressText, subscribeProgress } from './progress';

type Props = {
  /** Ids of the lesson's exercises and questions. */
  activityIds: readonly string[];
  /** Names the lesson for screen readers where several statuses share a page. */
  lessonTitle?: string;
  className?: string;
};

/**
 * A lesson's status in this browser: "Not started", "In progress (2 of 5 activities)" or
 * "Done". The server and the first (hydrating) render show an empty line of the same height,
 * so the status fills in after hydration without moving anything.
 *
 * The stored progress is read after hydration, and on each change, as a transition. Read with
 * useSyncExternalStore, whose server snapshot (nothing) always differs from the browser's, it
 * made React render the page's tree again synchronously right after hydration, in a task that
 * nothing could interrupt (9-23 ms at full speed on the test machine, four times that on a slow
 * laptop). A transition yields to the reader.
 */
export function LessonProgress({ activityIds, lessonTitle, className = '' }: Props) {
  const [raw, setRaw] = useState<string | null>(null);
  useEffect(() => {
    const read = () => startTransition(() => setRaw(progressSnapshot()));
    read();
    return subscribeProgress(read);
  }, []);
  const state = raw === null ? null : progressOf(activityIds, raw);
  return (
    <p className={`lesson-progress no-print ${className}`.trim()} data-status={state?.status ?? 'unknown'}>
      {state ? (
        <>
          <span className="sr-only">{lessonTitle ? `Your progress on ${lessonTitle}: ` : 'Your progress: '}</span>
          <span className="progress-mark" aria-hidden="true">
            {state.status === 'done' ? '✓' : state.status === 'in-progress' ? '◐' : '○'}
          </span>{' '}
          <span className="progress-text">{progressText(state)}</span>
        </>
      ) : (
        '\u00a0'
      )}
    </p>
  );
}
