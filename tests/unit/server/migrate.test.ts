import { randomUUID } from 'node:crypto';
import { getMigrations } from 'better-auth/db/migration';
import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { createAuth } from '@/lib/server/auth';
import { createClass, listMyClasses } from '@/lib/server/data/classes';
import { migrateToLatest } from '@/lib/server/db/migrate';
import { initial } from '@/lib/server/db/migrations/0001_initial';
import { classroom } from '@/lib/server/db/migrations/0002_classroom';
import { review } from '@/lib/server/db/migrations/0003_review';
import { describeEachEngine, TEST_ENV } from './db-harness';
import { makeInstructor, must } from './fixtures';

const OUR_TABLES = [
  'class',
  'student',
  'student_session',
  'assignment',
  'draft',
  'submission',
  'rate_limit',
  'class_key_version',
  'extra_dismissal',
  'comment',
  'insertion_counter',
  'assignment_exception',
  'assignment_change',
  'own_article',
  'own_key_item',
];
const AUTH_TABLES = ['user', 'session', 'account', 'verification', 'rateLimit'];

describeEachEngine(
  'migrations',
  (h) => {
    it('apply to an empty database once, then do nothing on a second run', async () => {
      const first = await migrateToLatest(h.db);
      expect(first.error).toBeNull();
      expect(first.applied).toEqual([
        '0001_initial',
        '0002_classroom',
        '0003_review',
        '0004_insertion_order',
        '0005_security',
        '0006_assignment_control',
        '0007_answers_and_grades',
        '0008_class_keys',
        '0009_own_articles',
      ]);
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

    it('number existing rows in their old order (created_at, then id), and later rows after them', async () => {
      const before = new Migrator({
        db: h.db,
        provider: {
          getMigrations: async () => ({ '0001_initial': initial, '0002_classroom': classroom, '0003_review': review }),
        },
      });
      expect((await before.migrateToLatest()).error).toBeUndefined();
      const teacher = await makeInstructor(h.db, 'Teacher');
      const rows = ['2026-01-02T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'].map(
        (createdAt, i) => ({
          id: randomUUID(),
          instructor_id: teacher.userId,
          name: `Old ${i}`,
          join_code: `OLDCODE${i}`,
          archived_at: null,
          created_at: createdAt,
        }),
      );
      // Inserted without `seq`, as code before migration 0004 did.
      await h.db
        .insertInto('class')
        .values(rows as never)
        .execute();
      // Two students of one class with one name, as joins before migration 0005 allowed.
      const first = rows[0] as (typeof rows)[0];
      const student = (name: string, createdAt: string) => ({
        id: randomUUID(),
        class_id: first.id,
        display_name: name,
        resume_code_hash: randomUUID(),
        created_at: createdAt,
      });
      await h.db
        .insertInto('student')
        .values([
          student('Maya R.', '2026-01-03T00:00:00.000Z'),
          student('maya  r.', '2026-01-04T00:00:00.000Z'),
        ] as never)
        .execute();
      expect((await migrateToLatest(h.db)).applied).toEqual([
        '0004_insertion_order',
        '0005_security',
        '0006_assignment_control',
        '0007_answers_and_grades',
        '0008_class_keys',
        '0009_own_articles',
      ]);
      // Both keep their names; the later one's key is made distinct, and the name is taken from now on.
      const keys = await h.db.selectFrom('student').select(['display_name', 'name_key']).orderBy('seq').execute();
      expect(keys[0]).toEqual({ display_name: 'Maya R.', name_key: 'maya r.' });
      expect(keys[1]?.name_key).toMatch(/^maya r\.#/);
      await expect(
        h.db
          .insertInto('student')
          .values({ ...student('MAYA R.', '2026-01-05T00:00:00.000Z'), name_key: 'maya r.', seq: 99 })
          .execute(),
      ).rejects.toThrow();
      const numbered = await h.db.selectFrom('class').select(['name', 'seq']).orderBy('seq').execute();
      const oldOrder = [...rows].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
      expect(numbered).toEqual(oldOrder.map((r, i) => ({ name: r.name, seq: i + 1 })));
      must(await createClass(teacher, { name: 'New' }, h.db));
      expect(must(await listMyClasses(teacher, h.db)).map((c) => c.name)).toEqual([
        'New',
        ...oldOrder.map((r) => r.name).reverse(),
      ]);
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
        '0005_security',
        '0006_assignment_control',
        '0007_answers_and_grades',
        '0008_class_keys',
        '0009_own_articles',
      ]);
    });
  },
  { migrated: false },
);
