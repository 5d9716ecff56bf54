import 'server-only';
import type { Transaction } from 'kysely';
import type { Db } from './client';
import type { Database } from './schema';

/** One write waiting for the next commit, and how to tell its caller. */
type Pending = {
  write: (trx: Transaction<Database>) => Promise<unknown>;
  resolve: () => void;
  reject: (error: unknown) => void;
};

type Queue = { pending: Pending[]; flushing: boolean };

const queues = new WeakMap<Db, Queue>();

/**
 * Group commit: runs `write` in a transaction shared with the other writes asked for while
 * the previous group was committing, so that they share one sync to disk (SQLite under
 * synchronous=FULL, PostgreSQL's WAL flush) instead of paying one each: a class submitting at
 * once is what makes them many. The promise settles only once this write is committed, so an
 * answer sent after it is as durable as before. When the group fails, each of its writes is
 * tried again in a transaction of its own, so that one failing write fails alone (and its
 * caller gets its error). A write must be idempotent to be safe against that second try
 * (an INSERT ... ON CONFLICT DO NOTHING is).
 */
export function groupCommit(db: Db, write: Pending['write']): Promise<void> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(db);
    if (!queue) {
      queue = { pending: [], flushing: false };
      queues.set(db, queue);
    }
    queue.pending.push({ write, resolve, reject });
    if (!queue.flushing) {
      queue.flushing = true;
      // The next turn of the event loop: the requests already read by then join this group.
      setImmediate(() => void flush(db, queue));
    }
  });
}

async function flush(db: Db, queue: Queue): Promise<void> {
  while (queue.pending.length > 0) {
    const group = queue.pending.splice(0);
    try {
      await db.transaction().execute(async (trx) => {
        for (const p of group) await p.write(trx);
      });
      for (const p of group) p.resolve();
    } catch {
      for (const p of group) {
        try {
          await db.transaction().execute(async (trx) => {
            await p.write(trx);
          });
          p.resolve();
        } catch (error) {
          p.reject(error);
        }
      }
    }
  }
  queue.flushing = false;
}
