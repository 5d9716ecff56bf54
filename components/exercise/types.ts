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

export type SubmitOutcome =
  | { ok: true; graded: Graded }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };

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
