import { randomUUID } from 'node:crypto';
import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { classKeyItems } from '@/lib/server/data/class-key';
import { migrateToLatest } from '@/lib/server/db/migrate';
import { initial } from '@/lib/server/db/migrations/0001_initial';
import { classroom } from '@/lib/server/db/migrations/0002_classroom';
import { review } from '@/lib/server/db/migrations/0003_review';
import { insertionOrder } from '@/lib/server/db/migrations/0004_insertion_order';
import { security } from '@/lib/server/db/migrations/0005_security';
import { assignmentControl } from '@/lib/server/db/migrations/0006_assignment_control';
import { answersAndGrades } from '@/lib/server/db/migrations/0007_answers_and_grades';
import { describeEachEngine } from './db-harness';
import { makeClassAssignment } from './fixtures';

const EXERCISE = 'who-says-so-attributions';

describeEachEngine(
  'migration 0008 (class keys)',
  (h) => {
    it('turns each class’s accepted extras into add changes of version 1 of its key, in their old order', async () => {
      const upTo0007 = new Migrator({
        db: h.db,
        provider: {
          getMigrations: async () => ({
            '0001_initial': initial,
            '0002_classroom': classroom,
            '0003_review': review,
            '0004_insertion_order': insertionOrder,
            '0005_security': security,
            '0006_assignment_control': assignmentControl,
            '0007_answers_and_grades': answersAndGrades,
          }),
        },
      });
      expect((await upTo0007.migrateToLatest()).error).toBeUndefined();
      const { teacher, assignment } = await makeClassAssignment(h.db);
      const addition = (seq: number, start: number, explanation: string) => ({
        id: randomUUID(),
        assignment_id: assignment.id,
        exercise_id: EXERCISE,
        label: 'sourcing',
        start,
        end: start + 5,
        optional: seq === 2 ? 1 : 0,
        explanation,
        created_by: teacher.userId,
        created_at: '2026-03-01T00:00:00.000Z',
        seq,
      });
      // As code before migration 0008 stored them (the second is older by seq).
      await h.db
        .insertInto('key_addition' as never)
        .values([addition(2, 40, 'Second, and short.'), addition(1, 10, 'First accepted span.')] as never)
        .execute();
      expect((await migrateToLatest(h.db)).applied).toEqual(['0008_class_keys', '0009_own_articles']);
      const added = (await classKeyItems(h.db, assignment.id, EXERCISE)).filter((i) => i.source === 'class');
      expect(added.map((i) => [i.start, i.optional, i.explanation])).toEqual([
        [10, false, 'First accepted span.'],
        [40, true, 'Second, and short.'],
      ]);
      const versions = await h.db.selectFrom('class_key_version').select(['version', 'exercise_id']).execute();
      expect(versions).toEqual([{ version: 1, exercise_id: EXERCISE }]);
      const tables = (await h.db.introspection.getTables()).map((t) => t.name);
      expect(tables).not.toContain('key_addition');
    });
  },
  { migrated: false },
);
