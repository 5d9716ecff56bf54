import { z } from 'zod';
import { type KeyItemView, MAX_EXPLANATION_CHARS } from './key';
import { LabelSchema } from './labels';

/** Most items one class key may hold: the biggest shipped key has 585, with room to spare. */
export const MAX_KEY_ITEMS = 2_000;
/** Longest "how to check" of an item. */
export const MAX_CHECK_CHARS = 600;
/** Longest id of a key item. */
export const MAX_ITEM_ID_CHARS = 100;

/** A tag or a comment of HTML: prose in a key is plain text, shown as text, never markup. */
const MARKUP = /<\s*[/!?]?\s*[a-z]/i;

const prose = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `${name} needs at least ${min} characters`)
    .max(max, `${name} is longer than ${max} characters`)
    .refine((v) => !MARKUP.test(v), `${name} must be plain text: remove the markup (“<…”)`);

/**
 * One item of a class key as the editor sends it and the database keeps it: offsets into
 * the article's normalized text (the quote is read from the text, never sent), and the
 * prose students read after release. Any text is stored as typed and always shown as text.
 */
export const ClassKeyItemSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(MAX_ITEM_ID_CHARS)
    .regex(/^[a-z0-9-]+$/, 'id must be lowercase letters, digits and hyphens'),
  label: LabelSchema,
  start: z.number().int('start must be a whole number').min(0, 'start is before the beginning of the text'),
  end: z.number().int('end must be a whole number').min(1, 'end must come after the start'),
  attribute: z.string().max(40).nullable(),
  explanation: prose('The explanation', 20, MAX_EXPLANATION_CHARS),
  check: prose('How to check', 10, MAX_CHECK_CHARS).nullable(),
  record: prose('The record', 20, MAX_EXPLANATION_CHARS).nullable(),
  optional: z.boolean(),
  accept: z.array(LabelSchema).max(3),
});
export type ClassKeyItemInput = z.infer<typeof ClassKeyItemSchema>;

/**
 * A key item as the editor holds and sends it: the view without its quote, which the server
 * reads from the text. An item with its quote would fail the strict schema above.
 */
export function editorItemOf<T extends KeyItemView>({ quote: _quote, ...item }: T): Omit<T, 'quote'> {
  return item;
}

/** A save from the key editor: the whole list of items and the version it was edited from. */
export const SaveClassKeySchema = z.strictObject({
  baseVersion: z.number().int().min(0),
  items: z.array(ClassKeyItemSchema).max(MAX_KEY_ITEMS, `items: a key holds at most ${MAX_KEY_ITEMS} items`),
  note: z
    .string()
    .trim()
    .max(200, 'The note is longer than 200 characters')
    .refine((v) => !MARKUP.test(v), 'The note must be plain text: remove the markup (“<…”)')
    .default(''),
});
export type SaveClassKey = z.infer<typeof SaveClassKeySchema>;

/** One change of a class key against its base (shipped) key; restoring an item removes its change. */
export type KeyChange =
  | { kind: 'add'; item: ClassKeyItemInput }
  | { kind: 'edit'; item: ClassKeyItemInput }
  | { kind: 'delete'; id: string };

export const KeyChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('add'), item: ClassKeyItemSchema }),
  z.strictObject({ kind: z.literal('edit'), item: ClassKeyItemSchema }),
  z.strictObject({ kind: z.literal('delete'), id: z.string().min(1) }),
]);

const optionalProse = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${name} is longer than ${max} characters`)
    .refine((v) => v === '' || v.length >= min, `${name} needs at least ${min} characters, or none`)
    .refine((v) => !MARKUP.test(v), `${name} must be plain text: remove the markup (“<…”)`);

/** The key editor's form for one item: its prose and choices (the extent comes from the text). */
export const KeyItemFormSchema = z.strictObject({
  label: LabelSchema,
  attribute: z.string(),
  explanation: prose('The explanation', 20, MAX_EXPLANATION_CHARS),
  check: optionalProse('How to check', 10, MAX_CHECK_CHARS),
  record: optionalProse('The record', 20, MAX_EXPLANATION_CHARS),
  optional: z.boolean(),
  accept: z.array(LabelSchema),
});
export type KeyItemForm = z.infer<typeof KeyItemFormSchema>;
