'use client';

import { useSyncExternalStore } from 'react';
import { progressOf, progressSnapshot, progressText, subscribeProgress } from './progress';

type Props = {
  /** Ids of the lesson's exercises and questions. */
  activityIds: readonly string[];
  /** Names the lesson for screen readers where several statuses share a page. */
  lessonTitle?: string;
  className?: string;
};

const serverSnapshot = () => null;

/**
 * A lesson's status in this browser: "Not started", "In progress (2 of 5 activities)" or
 * "Done". The server and the first (hydrating) render show an empty line of the same height,
 * so the status fills in after hydration without moving anything.
 */
export function LessonProgress({ activityIds, lessonTitle, className = '' }: Props) {
  const raw = useSyncExternalStore(subscribeProgress, progressSnapshot, serverSnapshot);
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
