import { z } from 'zod';
import { normalizeText } from '../annotation/text';
import { KeyItemSchema } from './key';
import { LabelSchema } from './labels';

// An instructor's own article: the form that brings one, and the rules every way in
// (the form, an imported file, a copy) shares.

/** Longest article text, in characters of its normalized text. */
export const MAX_ARTICLE_CHARS = 100_000;
/** Longest title. */
export const MAX_TITLE_CHARS = 200;
/** Longest outlet or author name. */
export const MAX_NAME_CHARS = 200;
/** Longest "date published" (free text, as the registry's `date`: "not stated (...)" is allowed). */
export const MAX_DATE_CHARS = 100;
/** Longest source address. */
export const MAX_URL_CHARS = 2_000;
/** Longest provenance and licence note. */
export const MAX_PROVENANCE_CHARS = 2_000;
/** Most items in one key: the biggest shipped key has 585. */
export const MAX_KEY_ITEMS = 2_000;

/** Control characters other than tab and newline (C0, DEL and C1): removed from a pasted text. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * A pasted text as the article's text: line endings as `\n` (as the seeds), control
 * characters other than newline and tab removed, nothing else changed.
 */
export function normalizePastedText(raw: string): string {
  return normalizeText(raw).replace(CONTROL, '');
}

/** Markup that a browser would treat as a tag: `<b>`, `</p>`, `<script ...>`, `<!-- ...`. */
const MARKUP = /<\s*\/?\s*[A-Za-z!?][^<>]*>|<!--/;

/** The first piece of markup in a value, or null: every field of an article is plain text. */
export function findMarkup(value: string): string | null {
  const found = MARKUP.exec(value);
  return found ? found[0].slice(0, 40) : null;
}

/** A plain-text field: trimmed, `min` to `max` characters, no markup. */
function plain(what: string, min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min, min === 1 ? `Write the ${what}.` : `The ${what} needs at least ${min} characters.`)
    .max(max, `The ${what} may have at most ${max.toLocaleString('en-US')} characters.`)
    .refine((v) => findMarkup(v) === null, {
      message: `The ${what} must be plain text, without HTML or script.`,
    });
}

export const OwnArticleMetaSchema = z.object({
  title: plain('title', 1, MAX_TITLE_CHARS),
  outlet: plain('outlet', 1, MAX_NAME_CHARS),
  author: plain('author', 0, MAX_NAME_CHARS),
  published: plain('date published', 1, MAX_DATE_CHARS),
  sourceUrl: z
    .string()
    .trim()
    .max(MAX_URL_CHARS, `The source address may have at most ${MAX_URL_CHARS} characters.`)
    .refine((v) => /^https?:\/\/[^\s<>"]+$/i.test(v) && URL.canParse(v), {
      message: 'The source address must be a web address starting with http:// or https://.',
    }),
  provenance: plain('provenance and licence note', 10, MAX_PROVENANCE_CHARS),
});
export type OwnArticleMeta = z.infer<typeof OwnArticleMetaSchema>;

/** The article text as pasted: checked as it will be stored, after normalizing. */
export const ArticleTextSchema = z.string().superRefine((raw, ctx) => {
  const text = normalizePastedText(raw);
  if (text.trim().length === 0) ctx.addIssue({ code: 'custom', message: 'Paste the article’s text: it is empty.' });
  else if (text.length > MAX_ARTICLE_CHARS)
    ctx.addIssue({
      code: 'custom',
      message: `The text has ${text.length.toLocaleString('en-US')} characters; at most ${MAX_ARTICLE_CHARS.toLocaleString('en-US')} are allowed.`,
    });
  else if (findMarkup(text) !== null)
    ctx.addIssue({
      code: 'custom',
      message: `The text must be plain text, without HTML or script (found “${findMarkup(text)}”).`,
    });
});

/** The form that adds an own article. */
export const OwnArticleSchema = OwnArticleMetaSchema.extend({ text: ArticleTextSchema });
export type OwnArticleInput = z.infer<typeof OwnArticleSchema>;

/**
 * One key item placed by offsets (the editor's way): a file key item's content with
 * `start`/`end` instead of a quote; the quote is the text between them.
 */
export const PlacedKeyItemSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  label: LabelSchema,
  kind: z.string().optional(),
  voice: z.string().optional(),
  basis: z.string().optional(),
  explanation: z.string(),
  check: z.string().optional(),
  record: z.string().optional(),
  optional: z.boolean().optional(),
  accept: z.array(LabelSchema).optional(),
});
export type PlacedKeyItem = z.infer<typeof PlacedKeyItemSchema>;

/** A whole key placed by offsets, saved against the version it was read at. */
export const SaveOwnKeySchema = z.object({
  version: z.number().int().min(1),
  items: z.array(z.unknown()).max(MAX_KEY_ITEMS, `A key may have at most ${MAX_KEY_ITEMS} items.`),
});

export { KeyItemSchema };
