import { z } from 'zod';

/** The three labels of the labeling guide, in teaching order. */
export const LABELS = ['sourcing', 'loaded-language', 'unverifiable-claim'] as const;
export const LabelSchema = z.enum(LABELS);
export type Label = z.infer<typeof LabelSchema>;

export const LABEL_NAMES: Record<Label, string> = {
  sourcing: 'Sourcing',
  'loaded-language': 'Loaded language',
  'unverifiable-claim': 'Unverifiable claim',
};

export const SOURCE_KINDS = ['named-person', 'named-organization', 'anonymous', 'vague'] as const;
export const SourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKindSchema>;

export const VOICES = ['outlet', 'quoted'] as const;
export const VoiceSchema = z.enum(VOICES);
export type Voice = z.infer<typeof VoiceSchema>;

export const BASES = ['no-source', 'anonymous-source', 'vague-source', 'untestable'] as const;
export const BasisSchema = z.enum(BASES);
export type Basis = z.infer<typeof BasisSchema>;

/** The attribute each label carries, and its allowed values. */
export const ATTRIBUTE_OF: Record<Label, 'kind' | 'voice' | 'basis'> = {
  sourcing: 'kind',
  'loaded-language': 'voice',
  'unverifiable-claim': 'basis',
};
