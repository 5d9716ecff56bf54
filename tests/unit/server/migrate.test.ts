import { getMigrations } from 'better-auth/db/migration';
import { expect, it } from 'vitest';
import { createAuth } from '@/lib/server/auth';
import { migrateToLatest } from '@/lib/server/db/migrate';
import { describeEachEngine, TEST_ENV } from './db-harness';

const OUR_TABLES = [
  'class',
  'student',
  'student_session',
  'assignment',
  'draft',
  'submission',
  'rate_limit',
  'key_addition',
  'extra_dismissal',
  'comment',
  'insertion_counter',
];
const AUTH_TABLES = ['user', 'session', 'account', 'verification', 'rateLimit'];

describeEachEngine(
  'migrations',
  (h) => {
    it('apply to an empty database once, then do nothing on a second run', async () => {
      const first = await migrateToLatest(h.db);
      expect(first.error).toBeNull();
      expect(first.applied).toEqual(['0001_initial', '0002_classroom', '0003_review', '0004_insertion_order']);
      const second = await migrateToLatest(h.db);
      expect(second).toEqual({ applied: [], error: null });
      const tables = (await h.db.introspection.getTables()).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining([...AUTH_TABLES, ...OUR_TABLES]));
    });

    it('create exactly the tables better-auth would create for its configuration', async () => {
      await migrateToLatest(h.db);
      const auth = createAuth(h.db, { env: TEST_ENV });
      const plan = await getMigrations(auth.options);
      expect(plan.toBeCreated.map((t) => t.table)).toEqual([]);
      expect(plan.toBeAdded.map((t) => t.table)).toEqual([]);
    });

    it('run safely from two handles at once', async () => {
      const other = h.openAnother();
      const [a, b] = await Promise.all([migrateToLatest(h.db), migrateToLatest(other)]);
      expect(a.error).toBeNull();
      expect(b.error).toBeNull();
      expect([...a.applied, ...b.applied].sort()).toEqual([
        '0001_initial',
        '0002_classroom',
        '0003_review',
        '0004_insertion_order',
      ]);
    });
  },
  { migrated: false },
);
