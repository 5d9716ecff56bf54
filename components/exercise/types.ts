import type { ScoreResult } from '@/lib/scoring/types';
import type { KeyItemView } from '@/lib/validation/key';
import type { SubmittedSpan } from '@/lib/validation/submission';
import type { Label } from '@/lib/validation/vocabulary';

/** A span the student labeled, as kept in the draft. */
export type DraftSpan = {
  id: string;
  label: Label;
  start: number;
  end: number;
  attribute?: string;
  why?: string;
};

export type Graded = { exerciseId: string; result: ScoreResult; key: KeyItemView[]; answers: SubmittedSpan[] };

/**
 * A submit's answer. In classroom mode a submission can be stored while its key is still
 * held back: then `graded` is null and `notice` says when the key comes.
 */
export type SubmitOutcome =
  | { ok: true; graded: Graded; notice?: string }
  | { ok: true; graded: null; notice: string }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };

/** A classroom assignment's state for one exercise, as the server reports it to its student. */
export type ClassroomState = {
  assignmentId: string;
  lessonTitle: string;
  /** ISO instants, shown in the student's own time zone. */
  dueAt: string | null;
  opensAt: string | null;
  allowResubmit: boolean;
  blocked: string | null;
  draft: DraftSpan[] | null;
  submitted: { graded: Graded | null; notice: string; late: boolean; submittedAt: string } | null;
};

/** The server actions behind classroom mode; absent, the exercise is self-guided only. */
export type ClassroomLink = {
  open: (exerciseId: string) => Promise<ClassroomState | null>;
  saveDraft: (input: {
    exerciseId: string;
    answers: DraftSpan[];
  }) => Promise<{ ok: true; savedAt: string } | { ok: false; message: string }>;
};

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

export type { KeyItemView };
