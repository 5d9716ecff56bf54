import 'server-only';
import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from 'kysely';
import { dialectOf } from '../dialect';

/**
 * better-auth's tables (user, session, account, verification, rateLimit), exactly as its
 * own `getMigrations()` creates them for this configuration. The column TYPES differ by
 * engine because better-auth reads them back differently: on PostgreSQL booleans are
 * `boolean` and dates `timestamptz`; on SQLite booleans are `integer` and dates `date`
 * (text). A test compares the result with better-auth's own plan on both engines.
 */
export const initial: Migration = {
  // `any`: migrations run against the schema as it was then.
  async up(db: Kysely<any>) {
    const pg = dialectOf(db) === 'postgres';
    const bool = pg ? 'boolean' : 'integer';
    const date = pg ? 'timestamptz' : 'date';
    // better-auth's PostgreSQL schema gives these columns a database default; SQLite's none.
    const now = (c: ColumnDefinitionBuilder) => (pg ? c.defaultTo(sql`CURRENT_TIMESTAMP`) : c);

    await db.schema
      .createTable('user')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.notNull().primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('emailVerified', bool, (c) => c.notNull())
      .addColumn('image', 'text')
      .addColumn('createdAt', date, (c) => now(c).notNull())
      .addColumn('updatedAt', date, (c) => now(c).notNull())
      .execute();

    await db.schema
      .createTable('session')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.notNull().primaryKey())
      .addColumn('expiresAt', date, (c) => c.notNull())
      .addColumn('token', 'text', (c) => c.notNull().unique())
      .addColumn('createdAt', date, (c) => now(c).notNull())
      .addColumn('updatedAt', date, (c) => c.notNull())
      .addColumn('ipAddress', 'text')
      .addColumn('userAgent', 'text')
      .addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .execute();

    await db.schema
      .createTable('account')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.notNull().primaryKey())
      .addColumn('accountId', 'text', (c) => c.notNull())
      .addColumn('providerId', 'text', (c) => c.notNull())
      .addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
      .addColumn('accessToken', 'text')
      .addColumn('refreshToken', 'text')
      .addColumn('idToken', 'text')
      .addColumn('accessTokenExpiresAt', date)
      .addColumn('refreshTokenExpiresAt', date)
      .addColumn('scope', 'text')
      .addColumn('password', 'text')
      .addColumn('createdAt', date, (c) => now(c).notNull())
      .addColumn('updatedAt', date, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('verification')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.notNull().primaryKey())
      .addColumn('identifier', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('expiresAt', date, (c) => c.notNull())
      .addColumn('createdAt', date, (c) => now(c).notNull())
      .addColumn('updatedAt', date, (c) => now(c).notNull())
      .execute();

    await db.schema
      .createTable('rateLimit')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.notNull().primaryKey())
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('lastRequest', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema.createIndex('session_userId_idx').ifNotExists().on('session').column('userId').execute();
    await db.schema.createIndex('account_userId_idx').ifNotExists().on('account').column('userId').execute();
    await db.schema
      .createIndex('verification_identifier_idx')
      .ifNotExists()
      .on('verification')
      .column('identifier')
      .execute();
  },
};
