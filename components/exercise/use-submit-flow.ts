'use client';

import { useEffect, useReducer } from 'react';
import { recordProgress } from '@/components/lesson/progress';
import type { DraftSpan, SubmittedView } from '@/lib/validation/exercise-contract';
import { postSubmission } from './post-submission';
import { INITIAL_FLOW, submitFlow } from './submit-flow';

const CONNECTION_LOST = 'Your answers could not be sent. Check your connection and try again; your labels are kept.';

/**
 * The submit and result flow of an exercise (submit-flow.ts) with the submit itself:
 * `onSubmit` sends the spans (post-submission.ts) and moves the flow on; `announce` tells
 * screen readers how it went. A submission the class already holds (`submitted`) opens its result or notice.
 */
export function useSubmitFlow(
  exerciseId: string,
  spans: readonly DraftSpan[],
  submitted: SubmittedView | null | undefined,
  announce: (message: string) => void,
) {
  const [flow, dispatch] = useReducer(submitFlow, INITIAL_FLOW);

  useEffect(() => {
    if (submitted) dispatch({ type: 'restore', submitted });
  }, [submitted]);

  const onSubmit = async () => {
    const clientId = flow.clientId ?? crypto.randomUUID();
    dispatch({ type: 'submit', clientId });
    const answers = spans.map(({ label, start, end, attribute, why }) => ({ label, start, end, attribute, why }));
    try {
      const outcome = await postSubmission({ exerciseId, clientId, answers });
      if (!outcome.ok) {
        const fields = Object.values(outcome.fieldErrors).flat().slice(0, 3).join('; ');
        dispatch({ type: 'refused', message: `${outcome.message} ${fields}`.trim() });
        return;
      }
      recordProgress(exerciseId);
      if (outcome.graded === null) {
        dispatch({ type: 'held', notice: outcome.notice, retryAllowed: outcome.retryAllowed });
        announce(outcome.notice);
        return;
      }
      dispatch({ type: 'graded', graded: outcome.graded, retryAllowed: outcome.retryAllowed });
      announce(`${outcome.notice ?? 'Submitted.'} Your labels are compared with the key below.`);
    } catch {
      dispatch({ type: 'refused', message: CONNECTION_LOST });
    }
  };

  return { flow, dispatch, onSubmit };
}
