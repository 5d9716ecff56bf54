import 'server-only';
import type { Kysely, Migration } from 'kysely';

/**
 * The instructor's own articles and their keys:
 * - `own_article`: an article an instructor brought, visible to that instructor only; its
 *   text normalized as the seeds are (see lib/validation/own-article.ts) with its SHA-256,
 *   and `key_version`, moved on by every change to its key;
 * - `own_key_item`: one item of its key, with the same content as an item of a file key
 *   (content/keys/*.yaml) anchored to offsets in the article's text; `attribute` holds the
 *   label's attribute (kind, voice or basis) and `accept_json` the accepted labels;
 * - `assignment.own_article_id`: the own article an assignment sets as its exercise (null
 *   for a lesson's assignment), with the exercise's `own_instructions` and `own_labels` (the
 *   labels that count, a JSON array). Its `lesson_slug` is then `own:<article id>`. An
 *   article that an assignment uses cannot be deleted.
 */
export const ownArticles: Migration = {
  // `any`: migrations run against the schema as it was then.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('own_article')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('instructor_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('outlet', 'text', (c) => c.notNull())
      .addColumn('author', 'text')
      .addColumn('published', 'text', (c) => c.notNull())
      .addColumn('source_url', 'text', (c) => c.notNull())
      .addColumn('provenance', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('key_version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('copied_from', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('own_article_instructor_idx')
      .ifNotExists()
      .on('own_article')
      .columns(['instructor_id', 'seq'])
      .execute();
    await db.schema
      .createTable('own_key_item')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull().references('own_article.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('attribute', 'text', (c) => c.notNull())
      .addColumn('start', 'integer', (c) => c.notNull())
      .addColumn('end', 'integer', (c) => c.notNull())
      .addColumn('explanation', 'text', (c) => c.notNull())
      .addColumn('check_text', 'text')
      .addColumn('record', 'text')
      .addColumn('optional', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('accept_json', 'text', (c) => c.notNull())
      .addUniqueConstraint('own_key_item_position', ['article_id', 'position'])
      .execute();
    await db.schema
      .alterTable('assignment')
      .addColumn('own_article_id', 'text', (c) => c.references('own_article.id').onDelete('restrict'))
      .execute();
    await db.schema.alterTable('assignment').addColumn('own_instructions', 'text').execute();
    await db.schema.alterTable('assignment').addColumn('own_labels', 'text').execute();
    await db.insertInto('insertion_counter').values({ name: 'own_article', value: 0 }).execute();
  },
};
