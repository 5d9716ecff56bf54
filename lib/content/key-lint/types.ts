import type { KeyItem } from '../../validation/key';

/** A key item anchored to its article: what every lint rule reads. */
export type LintItem = KeyItem & { start: number; end: number };

/** One article's key as the lint sees it: the article's normalized text and its items. */
export type LintKey = { file: string; text: string; items: readonly LintItem[] };

export type LintRule =
  | 'no-source-beside-source'
  | 'inconsistent-coding'
  | 'same-label-overlap'
  | 'claim-without-check'
  | 'short-explanation'
  | 'accept-sourcing-without-source'
  | 'named-source-said-unsourced';

/** One finding: the file, the item's quote, the rule it breaks and a message a key writer can act on. */
export type LintFinding = {
  file: string;
  quote: string;
  start: number;
  rule: LintRule;
  severity: 'error' | 'warning';
  message: string;
};
