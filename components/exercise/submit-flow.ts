import type { GradedExercise, SubmittedView } from '@/lib/validation/exercise-contract';

/**
 * The submit and result flow of one exercise, as one state:
 * editing -> submitting -> result | held (or back to editing with an error);
 * result | held -> retrying ("Try again": editing with the last result kept) -> submitting...
 */
export type SubmitFlow = {
  phase: 'editing' | 'submitting' | 'held' | 'result' | 'retrying';
  /** The last graded submission, kept while retrying (some lessons show its key then). */
  graded: GradedExercise | null;
  /** While held: when the key comes. */
  notice: string | null;
  /** What the text shows while the result is open: my labels or the key. */
  view: 'mine' | 'key';
  /** Why the last submit did not go through, shown until the next one. */
  error: string | null;
  /** The id of a submission being sent: kept across failed attempts so a retry is not counted twice. */
  clientId: string | null;
  /** Whether another submission is allowed, as the server said after the last one (null: none made here yet). */
  retryAllowed: boolean | null;
};

export type SubmitEvent =
  | { type: 'submit'; clientId: string }
  | { type: 'refused'; message: string }
  | { type: 'graded'; graded: GradedExercise; retryAllowed?: boolean }
  | { type: 'held'; notice: string; retryAllowed?: boolean }
  | { type: 'restore'; submitted: SubmittedView }
  | { type: 'retry' }
  | { type: 'view'; view: 'mine' | 'key' };

export const INITIAL_FLOW: SubmitFlow = {
  phase: 'editing',
  graded: null,
  notice: null,
  view: 'mine',
  error: null,
  clientId: null,
  retryAllowed: null,
};

/** Where editing goes back to: retrying when a result is kept, editing otherwise. */
function editing(state: SubmitFlow): SubmitFlow['phase'] {
  return state.graded ? 'retrying' : 'editing';
}

export function submitFlow(state: SubmitFlow, event: SubmitEvent): SubmitFlow {
  switch (event.type) {
    case 'submit':
      return { ...state, phase: 'submitting', error: null, clientId: state.clientId ?? event.clientId };
    case 'refused':
      return { ...state, phase: editing(state), error: event.message };
    case 'graded':
      return {
        ...state,
        phase: 'result',
        graded: event.graded,
        view: 'mine',
        notice: null,
        clientId: null,
        retryAllowed: event.retryAllowed ?? state.retryAllowed,
      };
    case 'held':
      return {
        ...state,
        phase: 'held',
        notice: event.notice,
        clientId: null,
        retryAllowed: event.retryAllowed ?? state.retryAllowed,
      };
    case 'restore':
      return event.submitted.graded
        ? { ...state, phase: 'result', graded: event.submitted.graded }
        : { ...state, phase: 'held', notice: event.submitted.notice };
    case 'retry':
      return { ...state, phase: editing(state), notice: null, view: 'mine' };
    case 'view':
      return { ...state, view: event.view };
  }
}

/** Whether the labels are locked: while a result or a held notice is shown. */
export function isLocked(state: SubmitFlow): boolean {
  return state.phase === 'result' || state.phase === 'held';
}
