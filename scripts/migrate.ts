// Brings the configured database (DATABASE_URL, or DATA_DIR/close-read.db) up to the latest
// migration and says what it did: `npm run migrate`. `npm start` runs it before serving.
// Exits 1 with the error on stderr if a migration fails.
import { configuredDatabaseTarget, createDb } from '../lib/server/db/client';
import { migrateToLatest } from '../lib/server/db/migrate';

async function main(): Promise<number> {
  const target = configuredDatabaseTarget();
  const where = /^postgres/.test(target) ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${target}`;
  const db = createDb(target);
  try {
    const report = await migrateToLatest(db);
    for (const name of report.applied) console.log(`close-read: applied migration ${name}`);
    if (report.error) {
      console.error(`close-read: migration failed on ${where}: ${report.error.message}`);
      return 1;
    }
    console.log(
      report.applied.length === 0
        ? `close-read: database ${where} is up to date`
        : `close-read: database ${where} migrated (${report.applied.length} applied)`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`close-read: migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
