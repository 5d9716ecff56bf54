// The labeling exercise's wire contract: what the browser sends to POST /api/submissions and
// to the exercise's server actions, and what they answer. The route and the actions (app/),
// the server code (lib/server) and the components (components/exercise) all import these
// types from here, and only here.
import type { ScoreResult } from '../scoring/types';
import type { ActionFailure } from './action-result';
import type { DraftSpan } from './classroom-exercise';
import type { KeyItemView } from './key';
import type { Label } from './labels';
import type { SubmittedSpan } from './submission';

export type { SaveDraft } from './classroom-exercise';
export type { SubmitExercise } from './submission';
export type { DraftSpan, KeyItemView, SubmittedSpan };

/** A graded submission: the student's answers, the score and the key they are compared with. */
export type GradedExercise = { exerciseId: string; result: ScoreResult; key: KeyItemView[]; answers: SubmittedSpan[] };

/**
 * A submit's answer. In classroom mode a submission can be stored while its key is still
 * held back: then `graded` is null and `notice` says when the key comes.
 */
export type SubmitOutcome =
  | { ok: true; graded: GradedExercise; notice?: string; retryAllowed?: boolean }
  | { ok: true; graded: null; notice: string; retryAllowed?: boolean }
  | ActionFailure;

/** A stored submission as its student sees it again: the comparison only once the key is released. */
export type SubmittedView = { graded: GradedExercise | null; notice: string; late: boolean; submittedAt: string };

/** An assignment's state for one exercise, as the server reports it to its student. */
export type ClassroomExercise = {
  assignmentId: string;
  lessonTitle: string;
  /** The due instant (ISO), shown in the student's own time zone; null when there is none. */
  dueAt: string | null;
  /** When a not yet open assignment opens (ISO); null when it is open. */
  opensAt: string | null;
  allowResubmit: boolean;
  /** Why work cannot be saved yet (not open, archived), or null. */
  blocked: string | null;
  /** The draft kept on the server, for a device with no copy of its own. */
  draft: DraftSpan[] | null;
  submitted: SubmittedView | null;
};

/** A class draft's save: when it was stored, or why not. */
export type SaveDraftOutcome = { ok: true; savedAt: string } | ActionFailure;

/** What the server tells the client about an exercise: never any part of the key. */
export type ExerciseConfig = {
  id: string;
  articleSha256: string;
  range: { start: number; end: number };
  labels: Label[];
  attributes: boolean;
  why: boolean;
  keyOnRetry: boolean;
};

/**
 * The exercise's server actions, handed to the component by the page that renders it (a
 * component never imports app/ or lib/server); they serve classroom mode. A submission goes
 * to the route handler POST /api/submissions instead (decision 17).
 */
export type ExerciseActions = {
  saveDraft: (input: unknown) => Promise<SaveDraftOutcome>;
};
