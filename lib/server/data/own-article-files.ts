import 'server-only';
import { parseArticleFile, writeArticleFile } from '@/lib/content/article-file';
import { getArticle } from '@/lib/content/articles';
import { ContentError } from '@/lib/content/errors';
import { getKey } from '@/lib/content/keys';
import type { KeyItem } from '@/lib/validation/key';
import { MAX_IMPORT_CHARS } from '@/lib/validation/own-article-forms';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import { fail, ok, type Result } from '../result';
import { instructorId, isFailure } from './access';
import { getOwnArticle, insertArticle } from './own-articles';

/** An exported file: its name and its YAML. */
export type ExportedFile = { filename: string; yaml: string };

/** A slug for a file name and the file's `slug`, from a title. */
export function slugOf(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'article';
}

/** A resolved item as the file writes it: no id, no offsets. */
function fileItem({
  id: _id,
  start: _start,
  end: _end,
  ...item
}: KeyItem & { id: string; start: number; end: number }): KeyItem {
  return item as KeyItem;
}

/** One of the instructor's articles with its key as one file; `not-found` for anyone else's. */
export async function exportOwnArticle(
  actor: Actor,
  articleId: string,
  db: Db = getDb(),
): Promise<Result<ExportedFile>> {
  const found = await getOwnArticle(actor, articleId, db);
  if (!found.ok) return found;
  const a = found.value;
  const slug = slugOf(a.title);
  const yaml = writeArticleFile(
    {
      slug,
      title: a.title,
      outlet: a.outlet,
      author: a.author ?? undefined,
      date: a.published,
      source: a.sourceUrl || undefined,
      provenance: a.provenance,
    },
    a.text,
    a.items.map(fileItem),
  );
  return ok({ filename: `${slug}.yaml`, yaml });
}

/** A shipped article with its shipped key as one file, for instructors; `not-found` for an unknown slug. */
export function exportShippedArticle(actor: Actor, slug: string): Result<ExportedFile> {
  const userId = instructorId(actor);
  if (isFailure(userId)) return userId;
  const article = getArticle(slug);
  if (!article || article.slug !== slug) return fail('not-found', 'No such article.');
  const key = getKey(slug);
  const { seed: _seed, text, resolvedParts: _parts, sha256: _sha, ...meta } = article;
  const yaml = writeArticleFile(meta, text, (key?.items ?? []).map(fileItem));
  return ok({ filename: `${slug}.yaml`, yaml });
}

/**
 * Imports an article file (as exported) as a new article of the instructor's, with its key.
 * `invalid` naming every problem (not valid YAML, a field out of bounds, markup, a quote that
 * does not resolve, ...); nothing is stored then.
 */
export async function importArticleFile(
  actor: Actor,
  source: string,
  db: Db = getDb(),
): Promise<Result<{ id: string }>> {
  const userId = instructorId(actor);
  if (isFailure(userId)) return userId;
  if (source.length > MAX_IMPORT_CHARS) {
    return fail('invalid', `file: at most ${MAX_IMPORT_CHARS.toLocaleString('en-US')} characters can be imported.`);
  }
  let parsed: ReturnType<typeof parseArticleFile>;
  try {
    parsed = parseArticleFile('file', source);
  } catch (error) {
    if (error instanceof ContentError) return fail('invalid', `Not imported. ${error.problems.join('; ')}`);
    throw error;
  }
  const { article, text, items } = parsed;
  const id = await insertArticle(db, userId, {
    meta: {
      title: article.title,
      outlet: article.outlet,
      author: article.author || null,
      published: article.date,
      source_url: article.source ?? '',
      provenance: article.provenance,
      copied_from: null,
    },
    text,
    items,
  });
  return ok({ id });
}
