import 'server-only';
import { parseAllDocuments, stringify } from 'yaml';
import type { z } from 'zod';
import { type FileArticle, FileArticleSchema, FileKeySchema } from '../validation/article-file';
import type { KeyItem } from '../validation/key';
import { findMarkup, MAX_ARTICLE_CHARS, normalizePastedText } from '../validation/own-article';
import { sha256 } from './articles';
import { ContentError, describeIssues } from './errors';
import { anchorKeyItems, type ResolvedKeyItem } from './keys';

/** An article file's content: the article's fields, its normalized text and its anchored key. */
export type ArticleFile = { article: Omit<FileArticle, 'text'>; text: string; items: ResolvedKeyItem[] };

const HEADER =
  '# Close Read: an article and its answer key. The first document is the article (as content/articles/,\n' +
  '# with its text), the second its key (as content/keys/). Check it with: npm run check-key -- FILE\n';

/** The fields of a key item in the order the key files write them. */
function orderedItem(item: KeyItem): Record<string, unknown> {
  const { label, quote, prefix, suffix, optional, accept, explanation, check, record } = item;
  const attribute =
    item.label === 'sourcing'
      ? { kind: item.kind }
      : item.label === 'loaded-language'
        ? { voice: item.voice }
        : { basis: item.basis };
  return Object.fromEntries(
    Object.entries({ label, quote, prefix, suffix, ...attribute, optional, accept, explanation, check, record }).filter(
      ([, v]) => v !== undefined && v !== false,
    ),
  );
}

/**
 * Writes an article and its key as one file (see lib/validation/article-file.ts). Lines are
 * never folded: the text keeps its own lines and a passage searched for is found as written.
 */
export function writeArticleFile(
  article: Omit<FileArticle, 'text' | 'sha256'>,
  text: string,
  items: KeyItem[],
): string {
  const hash = sha256(text);
  const doc1 = Object.fromEntries(
    Object.entries({ ...article, sha256: hash, text }).filter(([, v]) => v !== undefined && v !== ''),
  );
  const doc2 = { article: article.slug, sha256: hash, items: items.map(orderedItem) };
  return `${HEADER}${stringify(doc1, { lineWidth: 0, blockQuote: 'literal' })}---\n${stringify(doc2, { lineWidth: 0 })}`;
}

/** Whether a file holds an article with its key (two YAML documents) rather than a key alone. */
export function isArticleFile(source: string): boolean {
  return parseAllDocuments(source).length === 2;
}

function issuesOf(prefix: string, error: z.ZodError): string[] {
  return describeIssues(error).map((line) => line.replace(/^field "/, `field "${prefix}.`));
}

/** Every plain-text field of the file that holds markup, named. */
function markupProblems(article: FileArticle, items: KeyItem[]): string[] {
  const problems: string[] = [];
  for (const field of ['title', 'outlet', 'author', 'date', 'source', 'provenance', 'text'] as const) {
    const value = article[field];
    if (value && findMarkup(value))
      problems.push(`field "article.${field}": must be plain text, without HTML or script`);
  }
  items.forEach((item, i) => {
    for (const field of ['quote', 'explanation', 'check', 'record'] as const) {
      const value = item[field];
      if (field !== 'quote' && value && findMarkup(value))
        problems.push(`field "key.items.${i}.${field}": must be plain text, without HTML or script`);
    }
  });
  return problems;
}

/**
 * Parses an article file: valid YAML of two documents, each as its schema says; the text
 * non-empty, within MAX_ARTICLE_CHARS, plain, with the SHA-256 the file states; the key
 * written against that text, every quote resolving to one place. Throws ContentError naming
 * `where` and every problem with its field.
 */
export function parseArticleFile(where: string, source: string): ArticleFile {
  const docs = parseAllDocuments(source);
  const broken = docs.flatMap((d) => d.errors.map((e) => `not valid YAML: ${e.message}`));
  if (broken.length > 0) throw new ContentError(where, broken.slice(0, 3));
  if (docs.length !== 2) {
    throw new ContentError(where, [
      `the file must hold two YAML documents, the article and then its key, separated by a line "---" (found ${docs.length})`,
    ]);
  }
  const [rawArticle, rawKey] = docs.map((d) => d.toJS()) as [unknown, unknown];
  const article = FileArticleSchema.safeParse(rawArticle);
  const key = FileKeySchema.safeParse(rawKey);
  const problems = [
    ...(article.success ? [] : issuesOf('article', article.error)),
    ...(key.success ? [] : issuesOf('key', key.error)),
  ];
  if (!article.success || !key.success) throw new ContentError(where, problems);
  const text = normalizePastedText(article.data.text);
  if (text.trim().length === 0) problems.push('field "article.text": the text is empty');
  if (text.length > MAX_ARTICLE_CHARS)
    problems.push(`field "article.text": ${text.length} characters; at most ${MAX_ARTICLE_CHARS} are allowed`);
  problems.push(...markupProblems(article.data, key.data.items));
  const hash = sha256(text);
  if (hash !== article.data.sha256) problems.push(`field "article.sha256": the text's SHA-256 is ${hash}`);
  if (key.data.article !== article.data.slug)
    problems.push(`field "key.article": "${key.data.article}" is not the article's slug "${article.data.slug}"`);
  if (key.data.sha256 !== hash) problems.push('field "key.sha256": written against another text');
  if (problems.length > 0) throw new ContentError(where, problems);
  const anchored = anchorKeyItems(text, key.data.items);
  if (anchored.problems.length > 0)
    throw new ContentError(
      where,
      anchored.problems.map((p) => `key ${p}`),
    );
  const { text: _text, ...meta } = article.data;
  return { article: meta, text, items: anchored.items };
}
