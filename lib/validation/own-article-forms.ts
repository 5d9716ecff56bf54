import { z } from 'zod';
import { ArticleTextSchema } from './own-article';

/** Largest article file accepted for import, in characters (the longest text with 2,000 items). */
export const MAX_IMPORT_CHARS = 2_000_000;

/** The import form: an article file's content (read from the chosen file, or pasted). */
export const ImportArticleSchema = z.object({
  file: z
    .string()
    .min(1, 'Choose a file, or paste its content.')
    .max(MAX_IMPORT_CHARS, `A file may have at most ${MAX_IMPORT_CHARS.toLocaleString('en-US')} characters.`),
});
export type ImportArticle = z.infer<typeof ImportArticleSchema>;

/** The form that replaces an article's text while no student has submitted work on it. */
export const ReplaceTextSchema = z.object({ text: ArticleTextSchema });
export type ReplaceText = z.infer<typeof ReplaceTextSchema>;
