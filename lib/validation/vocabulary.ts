// The labeling guide's vocabulary as plain constants, free of zod so that browser code can
// use it without shipping the validation library.

/** The three labels of the labeling guide, in teaching order. */
export const LABELS = ['sourcing', 'loaded-language', 'unverifiable-claim'] as const;
export type Label = (typeof LABELS)[number];

export const LABEL_NAMES: Record<Label, string> = {
  sourcing: 'Sourcing',
  'loaded-language': 'Loaded language',
  'unverifiable-claim': 'Unverifiable claim',
};

export const SOURCE_KINDS = ['named-person', 'named-organization', 'anonymous', 'vague'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const VOICES = ['outlet', 'quoted'] as const;
export type Voice = (typeof VOICES)[number];

export const BASES = ['no-source', 'named-source-only', 'anonymous-source', 'vague-source', 'untestable'] as const;
export type Basis = (typeof BASES)[number];

/** The attribute each label carries. */
export const ATTRIBUTE_OF: Record<Label, 'kind' | 'voice' | 'basis'> = {
  sourcing: 'kind',
  'loaded-language': 'voice',
  'unverifiable-claim': 'basis',
};
