import { BASES, LABEL_NAMES, type Label, SOURCE_KINDS, VOICES } from '@/lib/validation/vocabulary';

export { LABEL_NAMES };

/** The attribute a lesson may ask for, per label, with readable names. */
export const ATTRIBUTE_CHOICES: Record<Label, { name: string; values: readonly string[] }> = {
  sourcing: { name: 'Kind of source', values: SOURCE_KINDS },
  'loaded-language': { name: 'Whose words', values: VOICES },
  'unverifiable-claim': { name: 'Why it cannot be checked', values: BASES },
};

export const ATTRIBUTE_NAMES: Record<string, string> = {
  'named-person': 'Named person',
  'named-organization': 'Named organization or document',
  anonymous: 'Anonymous',
  vague: 'Vague',
  outlet: 'The outlet’s own words',
  quoted: 'A quoted speaker’s words',
  'no-source': 'No source given',
  'named-source-only': 'Only a named source’s word',
  'anonymous-source': 'Anonymous source',
  'vague-source': 'Vague source',
  untestable: 'Untestable (motives, secrets, sweeping claims)',
};

/** Pattern words for each label, so the legend never relies on color alone. */
export const LABEL_PATTERNS: Record<Label, string> = {
  sourcing: 'solid underline',
  'loaded-language': 'wavy underline',
  'unverifiable-claim': 'dashed line above',
};

/** How the number keys that label a selection are read out: "1 labels", "1 or 2 label", "1 to 3 label". */
export function numberKeysPhrase(count: number): string {
  if (count <= 1) return '1 labels';
  if (count === 2) return '1 or 2 label';
  return `1 to ${count} label`;
}
