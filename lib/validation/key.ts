import { z } from 'zod';
import { BasisSchema, LabelSchema, SourceKindSchema, VoiceSchema } from './labels';

/** Longest explanation a student reads after submitting: two sentences, not an essay. */
export const MAX_EXPLANATION_CHARS = 400;

const common = {
  quote: z.string().min(1),
  prefix: z.string().min(1).optional(),
  suffix: z.string().min(1).optional(),
  explanation: z.string().min(20).max(MAX_EXPLANATION_CHARS),
  optional: z.boolean().optional(),
  accept: z.array(LabelSchema).min(1).optional(),
  /**
   * What the public record shows where the claim is checkable and the record contradicts or
   * qualifies it, naming the record. Each record has an entry in docs/fact-check.md.
   */
  record: z.string().min(20).max(MAX_EXPLANATION_CHARS).optional(),
};

/** One item of an answer key file, before it is anchored to offsets. */
export const KeyItemSchema = z.discriminatedUnion('label', [
  z.strictObject({
    label: z.literal('sourcing'),
    kind: SourceKindSchema,
    check: z.string().min(10).optional(),
    ...common,
  }),
  z.strictObject({
    label: z.literal('loaded-language'),
    voice: VoiceSchema,
    check: z.string().min(10).optional(),
    ...common,
  }),
  z.strictObject({ label: z.literal('unverifiable-claim'), basis: BasisSchema, check: z.string().min(10), ...common }),
]);
export type KeyItem = z.infer<typeof KeyItemSchema>;

/** The attribute a key item carries: its kind (sourcing), voice (loaded language) or basis. */
export function attributeOf(item: KeyItem): string {
  return item.label === 'sourcing' ? item.kind : item.label === 'loaded-language' ? item.voice : item.basis;
}

/** An answer key file, `content/keys/<article-slug>.yaml`. */
export const KeyFileSchema = z.strictObject({
  article: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the article text’s 64-character hex SHA-256'),
  items: z.array(KeyItemSchema).min(1),
});
export type KeyFile = z.infer<typeof KeyFileSchema>;

/** A key item as a student sees it after submitting: resolved offsets, prose, no file details. */
export type KeyItemView = {
  id: string;
  label: z.infer<typeof LabelSchema>;
  start: number;
  end: number;
  quote: string;
  attribute: string | null;
  explanation: string;
  check: string | null;
  /** What the public record shows (the key's `record`), or null. */
  record: string | null;
  optional: boolean;
  accept: z.infer<typeof LabelSchema>[];
};
