import 'server-only';
import { type MigrationResultSet, Migrator } from 'kysely';
import type { Db } from './client';
import { initial } from './migrations/0001_initial';
import { classroom } from './migrations/0002_classroom';
import { review } from './migrations/0003_review';
import { insertionOrder } from './migrations/0004_insertion_order';
import { security } from './migrations/0005_security';
import { assignmentControl } from './migrations/0006_assignment_control';
import { answersAndGrades } from './migrations/0007_answers_and_grades';
import { classKeys } from './migrations/0008_class_keys';
import { ownArticles } from './migrations/0009_own_articles';

/**
 * Every migration, by name, in order. Listed by hand rather than read from a folder so
 * that the bundled server (where there is no migrations folder) finds them too.
 */
const MIGRATIONS = {
  '0001_initial': initial,
  '0002_classroom': classroom,
  '0003_review': review,
  '0004_insertion_order': insertionOrder,
  '0005_security': security,
  '0006_assignment_control': assignmentControl,
  '0007_answers_and_grades': answersAndGrades,
  '0008_class_keys': classKeys,
  '0009_own_articles': ownArticles,
};

/** Enough passes to outlast a concurrent migration (they take well under a second). */
const MIGRATION_PASSES = 5;
const RETRY_DELAY_MS = 100;

export type MigrationReport = { applied: string[]; error: null } | { applied: string[]; error: Error };

/**
 * Brings the database up to the latest migration. Safe to run on every start and from
 * several processes at once: migrations already applied are skipped.
 * Returns the names applied now (empty when up to date) or the error that stopped it.
 */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const applied: string[] = [];
  for (let pass = 1; ; pass++) {
    const report = await runMigrator(db);
    applied.push(...report.applied);
    // Kysely's migration lock is a table lock on PostgreSQL but a no-op on SQLite, so two
    // processes starting together can race and the loser's transaction rolls back. Later
    // passes find the winner's work, or report the same error if the failure is real.
    if (!report.error || pass === MIGRATION_PASSES) return { applied, error: report.error } as MigrationReport;
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * pass));
  }
}

async function runMigrator(db: Db): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (error) return { applied: [], error: error instanceof Error ? error : new Error(String(error)) };
  return { applied, error: null };
}
