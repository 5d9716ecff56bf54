import 'server-only';
import { randomUUID } from 'node:crypto';
import { sha256 } from '@/lib/content/articles';
import type { ResolvedKeyItem } from '@/lib/content/keys';
import { normalizePastedText, type OwnArticleInput, OwnArticleSchema } from '@/lib/validation/own-article';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import type { OwnArticleTable } from '../db/schema';
import { takeSeq } from '../db/sequence';
import { fail, ok, type Result } from '../result';
import { instructorId, isFailure } from './access';
import { itemsOfRows, writeItems } from './own-article-key';

/** One of the instructor's articles in their list. */
export type OwnArticleSummary = {
  id: string;
  title: string;
  outlet: string;
  published: string;
  itemCount: number;
  keyVersion: number;
};

/** One of the instructor's articles with its text and key. */
export type OwnArticle = OwnArticleSummary & {
  author: string | null;
  sourceUrl: string;
  provenance: string;
  text: string;
  sha256: string;
  copiedFrom: string | null;
  items: ResolvedKeyItem[];
  /** Whether a student has submitted work on it: the text can no longer change (make a copy). */
  locked: boolean;
};

const NO_SUCH_ARTICLE = fail('not-found', 'No such article.');

/**
 * The article row if the actor is the instructor who owns it: `forbidden` for anyone who is
 * not an instructor, `not-found` for another instructor's article (ids cannot be probed).
 */
export async function ownedArticle(db: Db, actor: Actor, articleId: string) {
  const userId = instructorId(actor);
  if (isFailure(userId)) return userId;
  const row = await db
    .selectFrom('own_article')
    .selectAll()
    .where('id', '=', articleId)
    .where('instructor_id', '=', userId)
    .executeTakeFirst();
  return row ?? NO_SUCH_ARTICLE;
}

/** Whether any student has submitted work on an assignment of this article. */
export async function hasSubmissions(db: Db, articleId: string): Promise<boolean> {
  const row = await db
    .selectFrom('submission')
    .innerJoin('assignment', 'assignment.id', 'submission.assignment_id')
    .select('submission.id')
    .where('assignment.own_article_id', '=', articleId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** What an article is stored from: checked fields, the normalized text and its items. */
export type NewArticle = {
  meta: Omit<OwnArticleTable, 'id' | 'instructor_id' | 'text' | 'sha256' | 'key_version' | 'created_at' | 'seq'>;
  text: string;
  items: readonly ResolvedKeyItem[];
};

/** Stores a new article of the instructor's with its items, in one transaction. */
export async function insertArticle(db: Db, userId: string, article: NewArticle): Promise<string> {
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    const seq = await takeSeq(trx, 'own_article');
    await trx
      .insertInto('own_article')
      .values({
        id,
        instructor_id: userId,
        ...article.meta,
        text: article.text,
        sha256: sha256(article.text),
        key_version: 1,
        created_at: new Date().toISOString(),
        seq,
      })
      .execute();
    await writeItems(trx, id, article.items);
  });
  return id;
}

/**
 * Adds an article of the instructor's from the form (title, outlet, author, date, source
 * address, provenance note, pasted text), its text normalized as the seeds are. `invalid`
 * with every field's message when the input does not pass OwnArticleSchema; nothing stored.
 */
export async function createOwnArticle(
  actor: Actor,
  input: OwnArticleInput,
  db: Db = getDb(),
): Promise<Result<{ id: string }>> {
  const userId = instructorId(actor);
  if (isFailure(userId)) return userId;
  const parsed = OwnArticleSchema.safeParse(input);
  if (!parsed.success) {
    return fail('invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(' '));
  }
  const { text, sourceUrl, author, ...rest } = parsed.data;
  const id = await insertArticle(db, userId, {
    meta: { ...rest, author: author || null, source_url: sourceUrl, copied_from: null },
    text: normalizePastedText(text),
    items: [],
  });
  return ok({ id });
}

/** The instructor's articles, newest first. */
export async function listOwnArticles(actor: Actor, db: Db = getDb()): Promise<Result<OwnArticleSummary[]>> {
  const userId = instructorId(actor);
  if (isFailure(userId)) return userId;
  const rows = await db
    .selectFrom('own_article')
    .leftJoin('own_key_item', 'own_key_item.article_id', 'own_article.id')
    .select(({ fn }) => [
      'own_article.id',
      'own_article.title',
      'own_article.outlet',
      'own_article.published',
      'own_article.key_version',
      fn.count<number>('own_key_item.id').as('item_count'),
    ])
    .where('own_article.instructor_id', '=', userId)
    .groupBy([
      'own_article.id',
      'own_article.title',
      'own_article.outlet',
      'own_article.published',
      'own_article.key_version',
      'own_article.seq',
    ])
    .orderBy('own_article.seq', 'desc')
    .execute();
  return ok(
    rows.map((r) => ({
      id: r.id,
      title: r.title,
      outlet: r.outlet,
      published: r.published,
      keyVersion: Number(r.key_version),
      itemCount: Number(r.item_count),
    })),
  );
}

/** One of the instructor's articles with its text and key; `not-found` for anyone else's. */
export async function getOwnArticle(actor: Actor, articleId: string, db: Db = getDb()): Promise<Result<OwnArticle>> {
  const row = await ownedArticle(db, actor, articleId);
  if (isFailure(row)) return row;
  const rows = await db
    .selectFrom('own_key_item')
    .selectAll()
    .where('article_id', '=', row.id)
    .orderBy('position')
    .execute();
  const items = itemsOfRows(row.text, rows);
  return ok({
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    author: row.author,
    published: row.published,
    sourceUrl: row.source_url,
    provenance: row.provenance,
    text: row.text,
    sha256: row.sha256,
    copiedFrom: row.copied_from,
    keyVersion: Number(row.key_version),
    itemCount: items.length,
    items,
    locked: await hasSubmissions(db, row.id),
  });
}

/** The classes with an assignment of the article, in the order they were made. */
async function classesAssigning(db: Db, articleId: string): Promise<{ name: string; archived: boolean }[]> {
  const rows = await db
    .selectFrom('assignment')
    .innerJoin('class', 'class.id', 'assignment.class_id')
    .select(['class.id', 'class.name', 'class.archived_at'])
    .where('assignment.own_article_id', '=', articleId)
    .orderBy('class.seq')
    .execute();
  const byId = new Map(rows.map((r) => [r.id, { name: r.name, archived: r.archived_at !== null }]));
  return [...byId.values()];
}

/** Why an article that classes use cannot be deleted, and what the instructor can do. */
function stillUsed(title: string, classes: { name: string; archived: boolean }[]) {
  const names = (list: { name: string }[]) =>
    new Intl.ListFormat('en', { type: 'conjunction' }).format(list.map((c) => c.name));
  const archived = classes.filter((c) => c.archived);
  if (archived.length > 0) {
    return fail(
      'conflict',
      `“${title}” is part of the record of the archived class${archived.length === 1 ? '' : 'es'} ${names(archived)}, with ${archived.length === 1 ? 'its' : 'their'} students’ work, so it stays.`,
    );
  }
  const one = classes.length === 1;
  return fail(
    'conflict',
    `“${title}” is assigned in ${names(classes)}. Delete ${one ? 'that assignment' : 'those assignments'} on the class’s page first (${one ? 'its' : 'their'} students’ work goes with ${one ? 'it' : 'them'}), then delete the article.`,
  );
}

/**
 * Deletes one of the instructor's articles with its key. Refused (`conflict`, naming the
 * classes) while an assignment uses it: its students' work points into the text. Deleting
 * the assignment first is the instructor's choice, made on the class's page, which says how
 * many submissions go with it; an archived class keeps its record, so its articles stay.
 */
export async function deleteOwnArticle(
  actor: Actor,
  articleId: string,
  db: Db = getDb(),
): Promise<Result<{ title: string }>> {
  const row = await ownedArticle(db, actor, articleId);
  if (isFailure(row)) return row;
  const classes = await classesAssigning(db, row.id);
  if (classes.length > 0) return stillUsed(row.title, classes);
  try {
    // The key's items go with the article (the foreign key cascades).
    await db.deleteFrom('own_article').where('id', '=', row.id).execute();
  } catch (error) {
    // An assignment made between the check and the delete: its foreign key refuses the delete.
    const now = await classesAssigning(db, row.id);
    if (now.length > 0) return stillUsed(row.title, now);
    throw error;
  }
  return ok({ title: row.title });
}
