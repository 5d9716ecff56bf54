import { z } from 'zod';
import { ARTICLE_KINDS, ArticlePartSchema } from './article';
import { KeyItemSchema } from './key';
import {
  MAX_DATE_CHARS,
  MAX_KEY_ITEMS,
  MAX_NAME_CHARS,
  MAX_PROVENANCE_CHARS,
  MAX_TITLE_CHARS,
  MAX_URL_CHARS,
} from './own-article';

// An article with its key as one file: two YAML documents, the article as in
// content/articles/ (with its text in `text` instead of a seed file's name, plus the optional
// `author` and `source` of an instructor's article), then its key as in content/keys/.

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');
const sha = z.string().regex(/^[0-9a-f]{64}$/, 'must be a 64-character hex SHA-256');

/** The first document: the article. */
export const FileArticleSchema = z.strictObject({
  slug,
  title: z.string().trim().min(1).max(MAX_TITLE_CHARS, `must have at most ${MAX_TITLE_CHARS} characters`),
  outlet: z.string().trim().min(1).max(MAX_NAME_CHARS),
  author: z.string().trim().max(MAX_NAME_CHARS).optional(),
  date: z.string().trim().min(1).max(MAX_DATE_CHARS),
  kind: z.enum(ARTICLE_KINDS).optional(),
  source: z.string().trim().max(MAX_URL_CHARS).optional(),
  provenance: z.string().trim().min(1).max(MAX_PROVENANCE_CHARS),
  sha256: sha,
  parts: z.array(ArticlePartSchema).optional(),
  text: z.string(),
});
export type FileArticle = z.infer<typeof FileArticleSchema>;

/** The second document: the key, as content/keys/ (an article without a key yet has no items). */
export const FileKeySchema = z.strictObject({
  article: slug,
  sha256: sha,
  items: z.array(KeyItemSchema).max(MAX_KEY_ITEMS, `must have at most ${MAX_KEY_ITEMS} items`),
});
export type FileKey = z.infer<typeof FileKeySchema>;
