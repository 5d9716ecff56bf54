import 'server-only';
import { type Kysely, PostgresAdapter } from 'kysely';

/** The two engines the app supports; queries are written once for both. */
export type DialectName = 'sqlite' | 'postgres';

/**
 * Which engine a Kysely instance talks to. Used only where better-auth or a migration needs
 * a different column TYPE per engine, never to switch SQL in queries.
 */
// `any`: works on any Kysely schema, including a migration's.
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
