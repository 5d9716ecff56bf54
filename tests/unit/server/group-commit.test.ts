import { expect, it } from 'vitest';
import { groupCommit } from '@/lib/server/db/group-commit';
import { describeEachEngine } from './db-harness';

const NOW = '2026-12-06T05:00:00.000Z';

describeEachEngine('group commit', (h) => {
  const row = (key: string) => ({ key, window_start: NOW, count: 1 });
  const keys = async () =>
    (await h.db.selectFrom('rate_limit').select('key').orderBy('key').execute()).map((r) => r.key);

  it('writes asked for at once share one transaction, and each caller learns when it is committed', async () => {
    const transactions = new Set<unknown>();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        groupCommit(h.db, async (trx) => {
          transactions.add(trx);
          await trx
            .insertInto('rate_limit')
            .values(row(`k${String(i).padStart(2, '0')}`))
            .execute();
        }),
      ),
    );
    expect(transactions.size).toBe(1);
    expect(await keys()).toHaveLength(20);
  });

  it('a write asked for while a group commits goes in the next group', async () => {
    const transactions: unknown[] = [];
    let second: Promise<void> | null = null;
    await groupCommit(h.db, async (trx) => {
      transactions.push(trx);
      await trx.insertInto('rate_limit').values(row('first')).execute();
      second = groupCommit(h.db, async (next) => {
        transactions.push(next);
        await next.insertInto('rate_limit').values(row('second')).execute();
      });
    });
    await second;
    expect(transactions).toHaveLength(2);
    expect(transactions[0]).not.toBe(transactions[1]);
    expect(await keys()).toEqual(['first', 'second']);
  });

  it('a failing write fails alone: the others of its group are committed', async () => {
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'bad', 'c'].map((key) =>
        groupCommit(h.db, async (trx) => {
          await trx.insertInto('rate_limit').values(row(key)).execute();
          if (key === 'bad') throw new Error('this write fails');
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toEqual(new Error('this write fails'));
    expect(await keys()).toEqual(['a', 'b', 'c']);
  });
});
