// The key lint: rules a machine can apply to an answer key, as pure functions of the key and
// its article's text (no files, no server), so the content check, the `lint-keys` command and
// an in-app key editor share them.
import {
  acceptSourcingWithoutSource,
  claimWithoutCheck,
  inconsistentCoding,
  namedSourceSaidUnsourced,
  noSourceBesideSource,
  sameLabelOverlap,
  shortExplanation,
} from './rules';
import type { LintFinding, LintKey } from './types';

export type { LintFinding, LintItem, LintKey, LintRule } from './types';

export const RULES = [
  noSourceBesideSource,
  inconsistentCoding,
  sameLabelOverlap,
  claimWithoutCheck,
  shortExplanation,
  acceptSourcingWithoutSource,
  namedSourceSaidUnsourced,
] as const;

/** Every finding of every rule for one key, in text order. An empty array means clean. */
export function lintKey(key: LintKey): LintFinding[] {
  return RULES.flatMap((rule) => rule(key)).sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
}

/** True when any finding is an error (the content check and `lint-keys` then fail). */
export function hasErrors(findings: readonly LintFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
