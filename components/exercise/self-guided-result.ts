'use client';

import { type Dispatch, useEffect, useRef } from 'react';
import type { DraftSpan, GradedExercise } from '@/lib/validation/exercise-contract';
import { loadDraft, removeDraft, saveDraft } from './draft-store';
import type { SubmitEvent, SubmitFlow } from './submit-flow';

/** A self-guided result as kept in the browser: the labels it was for (as JSON) and the comparison. */
type StoredResult = { answers: string; graded: GradedExercise };

function readStored(key: string): StoredResult | null {
  const stored = loadDraft<StoredResult>(key);
  if (!stored || typeof stored.answers !== 'string' || typeof stored.graded !== 'object' || !stored.graded) return null;
  // Only this page writes it; a shape check (not a schema, whose library would weigh on every
  // lesson page's first load) keeps a copy from an older version from breaking the page.
  const { graded } = stored;
  const result = graded.result as Partial<GradedExercise['result']> | undefined;
  const shaped =
    Array.isArray(graded.key) &&
    Array.isArray(graded.answers) &&
    typeof result?.perLabel === 'object' &&
    typeof result.overall?.f1 === 'number' &&
    Array.isArray(result.items);
  return shaped ? stored : null;
}

/**
 * Self-guided (no class): the comparison with the key survives a reload, as the labels do. It
 * is kept in the browser with the labels it was for, shown again on load while the labels are
 * the same, and forgotten on "Try again". A class's results come from the server instead.
 */
export function useSelfGuidedResult(
  key: string,
  classroom: { checked: boolean; state: unknown },
  spans: { restored: boolean; spans: readonly DraftSpan[] },
  flow: SubmitFlow,
  dispatch: Dispatch<SubmitEvent>,
): void {
  const selfGuided = classroom.checked && classroom.state === null;
  const restored = useRef(false);
  useEffect(() => {
    if (!selfGuided || !spans.restored || restored.current) return;
    restored.current = true;
    const stored = readStored(key);
    if (stored && stored.answers === JSON.stringify(spans.spans)) dispatch({ type: 'graded', graded: stored.graded });
  }, [selfGuided, spans.restored, spans.spans, key, dispatch]);

  const { phase, graded } = flow;
  const current = spans.spans;
  useEffect(() => {
    if (!selfGuided || !restored.current) return;
    // The labels are locked while the result shows, so this runs once per result, not per change.
    if (phase === 'result' && graded)
      saveDraft(key, { answers: JSON.stringify(current), graded } satisfies StoredResult);
    else if (phase === 'retrying') removeDraft(key);
  }, [selfGuided, phase, graded, current, key]);
}
