import type { Figures } from './types';

/** A ratio that is 0, not NaN, when nothing was there to divide by (the guide's empty-set rule). */
export function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : 0;
}

/** F1 as the harmonic mean of precision and recall; 0 when both are 0. */
export function harmonic(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** Sums behind one label's figures: credit over student spans and over key items. */
export type Tally = { precisionCredit: number; answered: number; recallCredit: number; keyItems: number };

/** Precision, recall and F1 from the sums: Precision = credit / |S|, Recall = credit / |T|. */
export function figuresOf(tally: Tally): Figures {
  const precision = ratio(tally.precisionCredit, tally.answered);
  const recall = ratio(tally.recallCredit, tally.keyItems);
  return { precision, recall, f1: harmonic(precision, recall) };
}
