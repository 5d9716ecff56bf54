import 'server-only';
import { sha256 } from '@/lib/content/articles';
import { anchorKeyItems } from '@/lib/content/keys';
import { SaveClassKeySchema } from '@/lib/validation/class-key';
import { ATTRIBUTE_OF } from '@/lib/validation/labels';
import {
  ArticleTextSchema,
  normalizePastedText,
  type OwnArticleMeta,
  OwnArticleMetaSchema,
} from '@/lib/validation/own-article';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import { keyResolver } from '../keys/resolve';
import { rescoreClass, writeKeyVersion } from '../keys/store';
import { type Failure, fail, ok, type Result } from '../result';
import { isFailure } from './access';
import { checkPlacedItems, writeItems } from './own-article-key';
import { ownExerciseId } from './own-article-source';
import { getOwnArticle, hasSubmissions, insertArticle, ownedArticle } from './own-articles';

const LOCKED = fail(
  'conflict',
  'Students have submitted work on this article, so its text can no longer change. Make a copy and change the copy.',
);
const STALE = fail(
  'conflict',
  'The key changed since you opened it (another tab or person saved). Reload, then make your change again.',
);

/** A refusal listing every problem, each naming its field. */
function problemsFailure(what: string, problems: string[]) {
  return fail('invalid', `${what}: ${problems.join('; ')}`);
}

/**
 * Saves the whole key of one of the instructor's articles (items placed by offsets), read at
 * `version`: `conflict` when it has changed since (nothing is lost silently), `invalid` with
 * every item's problems named (nothing stored). Returns the new version.
 */
export async function saveOwnKey(
  actor: Actor,
  articleId: string,
  input: { version: number; items: readonly unknown[] },
  db: Db = getDb(),
): Promise<Result<{ version: number; rescored: ClassesRescored }>> {
  const row = await ownedArticle(db, actor, articleId);
  if (isFailure(row)) return row;
  const checked = checkPlacedItems(row.text, input.items);
  if (!checked.ok) return problemsFailure('The key was not saved', checked.problems);
  try {
    const rescored = await db.transaction().execute(async (trx) => {
      const moved = await trx
        .updateTable('own_article')
        .set({ key_version: input.version + 1 })
        .where('id', '=', row.id)
        .where('key_version', '=', input.version)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) throw new StaleKey();
      await writeItems(trx, row.id, checked.items);
      return rescoreSubmittedClasses(trx, row.id, row.instructor_id, input.version + 1);
    });
    return ok({ version: input.version + 1, rescored });
  } catch (error) {
    // Another save came first: of this key, or of a class's key of it. Nothing is kept.
    if (error instanceof StaleKey) return STALE;
    throw error;
  }
}

/** Ends a key save's transaction when another save came first. */
class StaleKey extends Error {}

/** The classes whose submitted work a change of an article's key rescored, and how it went. */
export type ClassesRescored = { classes: string[]; submissions: number; studentsChanged: number };

/**
 * After a change of an article's key, each assignment of it with submitted work gets a new
 * version of its class key (the class's own changes carried over, a note saying why), and its
 * submissions are rescored against it, in the caller's transaction. The article keeps no
 * earlier key, so a submission left on its old version would show the new items beside
 * figures from the old ones; rescored, what a student sees is one key, marked as changed
 * after they submitted (decision 18). An archived class is left as it was: its record (and
 * the grades exported from it) does not move.
 */
async function rescoreSubmittedClasses(
  trx: Db,
  articleId: string,
  userId: string,
  keyVersion: number,
): Promise<ClassesRescored> {
  const assignments = await trx
    .selectFrom('assignment')
    .innerJoin('class', 'class.id', 'assignment.class_id')
    .select(['assignment.id', 'assignment.class_id', 'class.name'])
    .where('assignment.own_article_id', '=', articleId)
    // An archived class's record stays as it was: its figures are not moved.
    .where('class.archived_at', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('submission').select('submission.id').whereRef('submission.assignment_id', '=', 'assignment.id'),
      ),
    )
    .orderBy('class.seq')
    .orderBy('assignment.seq')
    .execute();
  const classes: string[] = [];
  let submissions = 0;
  // A student with work in two assignments of the article (in one class) is one student.
  const changed = new Set<string>();
  for (const a of assignments) {
    const exerciseId = ownExerciseId(a.id);
    const current = await keyResolver(trx).classKey(a.class_id, exerciseId);
    const written = await writeKeyVersion(trx, {
      classId: a.class_id,
      exerciseId,
      baseVersion: current?.version ?? 0,
      changes: current?.changes ?? [],
      note: `The article’s key changed (its version ${keyVersion}); the class’s own changes carried over.`,
      userId,
    });
    if (!written.ok) throw new StaleKey(written.message);
    // A new resolver: the first one read the class's newest version before this one was written.
    const rescored = await rescoreClass(trx, a.class_id, exerciseId, keyResolver(trx));
    if (!rescored.ok) throw new Error(`close-read: ${rescored.message}`);
    if (!classes.includes(a.name)) classes.push(a.name);
    submissions += rescored.value.submissions;
    for (const student of rescored.value.changedStudents) changed.add(student);
  }
  return { classes, submissions, studentsChanged: changed.size };
}

/**
 * Replaces the text of one of the instructor's articles while no student has submitted work
 * on it (`conflict` after: make a copy). Every key item is found again by its quote in the
 * new text; `invalid` naming the items whose quote no longer resolves, and nothing changes.
 */
export async function replaceOwnArticleText(
  actor: Actor,
  articleId: string,
  rawText: string,
  db: Db = getDb(),
): Promise<Result<{ id: string }>> {
  const article = await getOwnArticle(actor, articleId, db);
  if (!article.ok) return article;
  if (article.value.locked || (await hasSubmissions(db, articleId))) return LOCKED;
  const parsed = ArticleTextSchema.safeParse(rawText);
  if (!parsed.success)
    return problemsFailure(
      'Not saved',
      parsed.error.issues.map((i) => `text: ${i.message}`),
    );
  const text = normalizePastedText(rawText);
  const anchored = anchorKeyItems(text, article.value.items);
  if (anchored.problems.length > 0) {
    return problemsFailure('The text was not changed, because key items would lose their place', anchored.problems);
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('own_article')
      .set({ text, sha256: sha256(text), key_version: article.value.keyVersion + 1 })
      .where('id', '=', articleId)
      .execute();
    await writeItems(trx, articleId, anchored.items);
  });
  return ok({ id: articleId });
}

/** A save of the key editor refused: the message, and problems by field (`items.3.explanation`). */
export type EditorRefusal = {
  ok: false;
  error: Failure['error'];
  message: string;
  fieldErrors: Record<string, string[]>;
};

/**
 * Saves the key editor's list (lib/validation/class-key.ts) as the whole key of one of the
 * instructor's articles, against the version it was edited from: the same checks as
 * saveOwnKey, with every problem by field where it names one.
 */
export async function saveOwnKeyFromEditor(
  actor: Actor,
  articleId: string,
  input: unknown,
  db: Db = getDb(),
): Promise<{ ok: true; value: { version: number; rescored: ClassesRescored } } | EditorRefusal> {
  const parsed = SaveClassKeySchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.') || 'items'] ??= []).push(issue.message);
    return {
      ok: false,
      error: 'invalid',
      message: 'Some items have problems, named beside each. Nothing was stored.',
      fieldErrors,
    };
  }
  const items = parsed.data.items.map(({ id: _id, attribute, check, record, ...rest }) => ({
    ...rest,
    [ATTRIBUTE_OF[rest.label]]: attribute ?? undefined,
    check: check ?? undefined,
    record: record ?? undefined,
  }));
  const saved = await saveOwnKey(actor, articleId, { version: parsed.data.baseVersion, items }, db);
  if (saved.ok) return saved;
  const fieldErrors: Record<string, string[]> = {};
  for (const m of saved.message.matchAll(/field "(items\.\d+\.\w+)": ([^;]+)/g)) {
    (fieldErrors[m[1] as string] ??= []).push(m[2] as string);
  }
  return { ...saved, fieldErrors };
}

/**
 * A copy of one of the instructor's articles, with its key, as a new article of theirs: the
 * way to change a text that students' work already points into.
 */
export async function copyOwnArticle(
  actor: Actor,
  articleId: string,
  db: Db = getDb(),
): Promise<Result<{ id: string }>> {
  const article = await getOwnArticle(actor, articleId, db);
  if (!article.ok) return article;
  const a = article.value;
  const title = `Copy of ${a.title}`.slice(0, 200);
  const id = await insertArticle(db, (actor as { userId: string }).userId, {
    meta: {
      title,
      outlet: a.outlet,
      author: a.author,
      published: a.published,
      source_url: a.sourceUrl,
      provenance: a.provenance,
      copied_from: a.id,
    },
    text: a.text,
    items: a.items,
  });
  return ok({ id });
}
