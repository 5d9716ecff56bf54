// Seeds a demo class for trying the instructor's answer review: `npm run seed-demo`.
//   --students N     students in the class (default 12), all of whom submit
//   --lesson SLUG    the assigned lesson (default who-says-so)
//   --email ADDRESS  the instructor's email (default demo-teacher@close-read.example)
//   --json           print what was made as JSON (for the browser tests and the bench)
// The instructor's password is read from SEED_PASSWORD, else a demo one is used and printed.
// Uses the configured database (DATABASE_URL or DATA_DIR), migrating it first. Answers are
// drawn the way students label (whole words, spans a little wider or narrower than the key's,
// some wrong labels, a few common extras, some students who stop halfway) from the answer key
// with a fixed seed, so every run gives the same class: see demo-answers.ts for the figures.
import { configuredDatabaseTarget, createDb } from '../lib/server/db/client';
import { migrateToLatest } from '../lib/server/db/migrate';
import { seedDemoClass } from './demo-class';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

async function main(): Promise<number> {
  const db = createDb(configuredDatabaseTarget());
  try {
    const migrated = await migrateToLatest(db);
    if (migrated.error) throw migrated.error;
    const students = flag('students');
    const demo = await seedDemoClass(db, {
      students: students === undefined ? undefined : Number(students),
      lesson: flag('lesson'),
      email: flag('email'),
    });
    if (process.argv.includes('--json')) {
      process.stdout.write(`${JSON.stringify(demo)}\n`);
    } else {
      console.log(`seed-demo: class code ${demo.joinCode}, ${demo.students.length} students, all submitted.`);
      console.log(`seed-demo: sign in at /instructor/sign-in as ${demo.email} (password: ${demo.password}).`);
      console.log(`seed-demo: review at /instructor/assignments/${demo.assignmentId}/review`);
    }
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
    console.error(`seed-demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
