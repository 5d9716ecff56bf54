import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { getEnv } from '../env';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';

/** The app's database handle; every query goes through one of these. */
export type Db = Kysely<Database>;

/** How long a SQLite writer waits for another writer's lock before failing, in ms. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/**
 * A new database handle: PostgreSQL for a postgres:// or postgresql:// URL, otherwise a
 * SQLite file (created with its folder if missing; ':memory:' works too). The caller owns
 * it and must `destroy()` it; the app itself uses `getDb()`.
 */
export function createDb(target: string): Db {
  if (POSTGRES_URL.test(target)) {
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target }) }) });
  }
  if (target !== ':memory:') mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const sqlite = new SqliteDatabase(target);
  // WAL lets readers run beside the writer; FULL syncs each commit to disk, so an answered
  // "submitted" survives a power cut; SQLite leaves foreign keys off unless asked.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/** Where the configured database lives: DATABASE_URL, or DATA_DIR/close-read.db. */
export function configuredDatabaseTarget(): string {
  const env = getEnv();
  return env.databaseUrl ?? path.join(env.dataDir, 'close-read.db');
}

// Kept on globalThis so that Next's dev-mode module reloads reuse one connection pool.
const holder = globalThis as typeof globalThis & { closeReadDb?: Db };

/** The process-wide database handle for the configured database, created on first use. */
export function getDb(): Db {
  holder.closeReadDb ??= createDb(configuredDatabaseTarget());
  return holder.closeReadDb;
}
