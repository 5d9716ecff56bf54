import type { Label } from '../validation/labels';

/** A key item as the scoring engine sees it: resolved offsets, no prose. */
export type ScoringKeyItem = {
  /** Stable id of the item within its key, used by feedback and the class view. */
  id: string;
  label: Label;
  start: number;
  end: number;
  optional?: boolean;
  accept?: readonly Label[];
};

/** A student's labeled span: half-open UTF-16 offsets into the normalized text. */
export type AnswerSpan = { label: Label; start: number; end: number };

export type Figures = { precision: number; recall: number; f1: number };

/** Per-label figures with the counts behind them. */
export type LabelScore = Figures & {
  /** Student spans of this label that were scored (after merging and optional exclusion). */
  answered: number;
  /** Core key items of this label. */
  keyItems: number;
  /** Core key items of this label found (by this label or an accepted one). */
  found: number;
  /** Core key items of this label not found. */
  missed: number;
  /** Scored student spans of this label that overlap nothing in the key. */
  extra: number;
};

/**
 * Feedback for one core key item:
 * - `found`: a student span of its label overlaps it;
 * - `found-accepted`: only a span of a label its `accept` lists overlaps it;
 * - `wrong-label`: only spans of other, non-accepted labels overlap it;
 * - `missed`: nothing overlaps it.
 * `fit` says whether the best overlapping span is too wide (overlap under half the
 * student span) or too narrow (overlap under half the key span).
 */
export type KeyItemFeedback = {
  type: 'key';
  id: string;
  label: Label;
  start: number;
  end: number;
  status: 'found' | 'found-accepted' | 'wrong-label' | 'missed';
  fit: 'good' | 'too-wide' | 'too-narrow' | null;
  /** Indexes into the answers array (as given) of the student spans overlapping this item. */
  answers: number[];
};

/** A student span that overlaps nothing in the key, core or optional. */
export type ExtraFeedback = { type: 'extra'; answer: number; label: Label; start: number; end: number };

/**
 * An optional key item the student labeled. `answers`: spans of its label or an accepted one,
 * neither credit nor error. `otherwise` (only when there are some): spans of another label
 * that overlap it and no core item; they earn nothing and count against their label.
 */
export type OptionalFeedback = {
  type: 'optional';
  id: string;
  label: Label;
  start: number;
  end: number;
  answers: number[];
  otherwise?: number[];
};

export type ItemFeedback = KeyItemFeedback | ExtraFeedback | OptionalFeedback;

export type ScoreResult = {
  /** Only labels with key items or student spans appear: a label with neither is not scored. */
  perLabel: Partial<Record<Label, LabelScore>>;
  overall: Figures;
  items: ItemFeedback[];
};
