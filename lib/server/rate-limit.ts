import 'server-only';
import type { Db } from './db/client';

/** A limit of `max` attempts per fixed window of `windowMs`. */
export type RateRule = { max: number; windowMs: number };

/**
 * Counts one attempt against `key` and says whether it is within the limit. The count lives
 * in the database (table rate_limit), so every server process sharing the database shares
 * it. One INSERT ... ON CONFLICT DO UPDATE ... RETURNING statement does the read, the
 * window reset and the increment, so concurrent attempts cannot slip past a stale read;
 * the statement is the same on SQLite (3.35+) and PostgreSQL.
 * Returns the seconds until the window ends when the attempt is over the limit.
 */
export async function consumeRateLimit(
  db: Db,
  key: string,
  rule: RateRule,
  now: Date = new Date(),
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const nowIso = now.toISOString();
  const expiredBefore = new Date(now.getTime() - rule.windowMs).toISOString();
  const row = await db
    .insertInto('rate_limit')
    .values({ key, window_start: nowIso, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb
          .case()
          .when('rate_limit.window_start', '<=', expiredBefore)
          .then(1)
          .else(eb('rate_limit.count', '+', 1))
          .end(),
        window_start: eb
          .case()
          .when('rate_limit.window_start', '<=', expiredBefore)
          .then(nowIso)
          .else(eb.ref('rate_limit.window_start'))
          .end(),
      })),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  if (Number(row.count) <= rule.max) return { allowed: true };
  const endsAt = Date.parse(row.window_start) + rule.windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
}
