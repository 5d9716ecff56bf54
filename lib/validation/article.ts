import { z } from 'zod';

export const ARTICLE_KINDS = ['news-report', 'aggregation-page', 'interview', 'opinion', 'press-release'] as const;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');

/** A part of a long article, for its table of contents: starts where `startsWith` is found. */
export const ArticlePartSchema = z.strictObject({
  title: z.string().min(3),
  startsWith: z.string().min(8),
});

/** One entry of the article registry in `content/articles/<slug>.yaml`. */
export const ArticleMetaSchema = z.strictObject({
  slug,
  seed: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'must be a seed file name like 001_0123456789abcdef.txt'),
  title: z.string().min(5),
  outlet: z.string().min(2),
  date: z.string().min(4),
  kind: z.enum(ARTICLE_KINDS),
  provenance: z.string().min(40),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a 64-character hex SHA-256'),
  parts: z.array(ArticlePartSchema).optional(),
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;
