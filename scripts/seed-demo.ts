// Seeds a demo class for trying the instructor's answer review: `npm run seed-demo`.
//   --students N     students in the class (default 12), all of whom submit
//   --lesson SLUG    the assigned lesson (default who-says-so)
//   --email ADDRESS  the instructor's email (default demo-teacher@close-read.example)
//   --json           print what was made as JSON (for the browser tests and the bench)
// The instructor's password is read from SEED_PASSWORD, else a demo one is used and printed.
// Uses the configured database (DATABASE_URL or DATA_DIR), migrating it first. Answers are
// drawn from the answer key with a fixed seed, so every run gives the same class.
import { randomUUID } from 'node:crypto';
import { getArticle } from '../lib/content/articles';
import { toScoringKey } from '../lib/content/keys';
import { getLesson } from '../lib/content/lessons';
import { type AnswerSpan, score } from '../lib/scoring';
import type { Actor } from '../lib/server/actor';
import { createAuth } from '../lib/server/auth';
import { createAssignments } from '../lib/server/data/assignments';
import { createClass } from '../lib/server/data/classes';
import { submitExercise } from '../lib/server/data/submissions';
import { configuredDatabaseTarget, createDb, type Db } from '../lib/server/db/client';
import { migrateToLatest } from '../lib/server/db/migrate';
import { takeSeq } from '../lib/server/db/sequence';
import { exerciseKey } from '../lib/server/grading';
import { issueResumeCode } from '../lib/server/students';

const DEMO_PASSWORD = 'demo password for close read';
/** Fixed seed: the same class every run. */
const SEED = 0xc105e;
/** A fifth of students label the same stretch that the key leaves out: a common extra to review. */
const COMMON_EXTRA_SHARE = 0.5;
const NAMES = [
  'Ada',
  'Ben',
  'Chloe',
  'Dev',
  'Ema',
  'Finn',
  'Gia',
  'Hugo',
  'Ines',
  'Jon',
  'Kira',
  'Leo',
  'Mia',
  'Noor',
  'Omar',
  'Pia',
];

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

/** mulberry32: small, fast and seedable, enough for demo data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stretch between two key items that no item overlaps: where the common extra goes. */
function gapIn(key: { start: number; end: number }[], from: number, to: number): { start: number; end: number } | null {
  const sorted = [...key].sort((a, b) => a.start - b.start);
  let cursor = from;
  for (const item of [...sorted, { start: to, end: to }]) {
    if (item.start - cursor >= 60) return { start: cursor + 20, end: cursor + 45 };
    cursor = Math.max(cursor, item.end);
  }
  return null;
}

export type SeededDemo = {
  email: string;
  password: string;
  classId: string;
  joinCode: string;
  assignmentId: string;
  exerciseIds: string[];
  students: { name: string; studentId: string; resumeCode: string }[];
  commonExtras: { exerciseId: string; label: string; start: number; end: number; quote: string }[];
};

async function seed(db: Db): Promise<SeededDemo> {
  const count = Number(flag('students') ?? 12);
  const lessonSlug = flag('lesson') ?? 'who-says-so';
  const email = (flag('email') ?? 'demo-teacher@close-read.example').toLowerCase();
  const password = process.env.SEED_PASSWORD || DEMO_PASSWORD;
  const lesson = getLesson(lessonSlug);
  if (!lesson) throw new Error(`no lesson "${lessonSlug}"`);
  let user = await db.selectFrom('user').select(['id', 'name']).where('email', '=', email).executeTakeFirst();
  if (!user) {
    const created = await createAuth(db, { allowSignUp: true }).api.signUpEmail({
      body: { email, password, name: 'Demo Teacher' },
    });
    user = { id: created.user.id, name: created.user.name };
  }
  const teacher: Actor = { kind: 'instructor', userId: user.id, name: user.name };
  const klass = await createClass(teacher, { name: `Demo class ${new Date().toISOString().slice(0, 16)}` }, db);
  if (!klass.ok) throw new Error(klass.message);
  const assigned = await createAssignments(
    teacher,
    {
      classId: klass.value.id,
      lessonSlugs: [lessonSlug],
      opensAt: null,
      dueAt: null,
      releasePolicy: 'manual',
      allowResubmit: false,
    },
    db,
  );
  if (!assigned.ok || !assigned.value[0]) throw new Error(assigned.ok ? 'no assignment' : assigned.message);
  const assignmentId = assigned.value[0].id;
  const random = prng(SEED);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const exercises = lesson.exercises.map((exercise) => {
    const items = exerciseKey(exercise);
    const text = getArticle(exercise.article)?.text ?? '';
    const from = Math.min(...items.map((i) => i.start));
    const to = Math.max(...items.map((i) => i.end));
    const gap = gapIn(items, from, to);
    return { exercise, items, key: toScoringKey(items), text, gap };
  });
  const students: SeededDemo['students'] = [];
  for (let n = 0; n < count; n++) {
    const name =
      count <= NAMES.length ? (NAMES[n] as string) : `${NAMES[n % NAMES.length]} ${Math.floor(n / NAMES.length) + 1}`;
    const studentId = randomUUID();
    // Inserted directly: joining by code is rate limited per class, which a class of 200 would hit.
    await db
      .insertInto('student')
      .values({
        id: studentId,
        class_id: klass.value.id,
        display_name: name,
        resume_code_hash: '',
        created_at: new Date().toISOString(),
        seq: await takeSeq(db, 'student'),
      })
      .execute();
    const resumeCode = await issueResumeCode(db, studentId, klass.value.id);
    students.push({ name, studentId, resumeCode });
    const actor: Actor = { kind: 'student', studentId, classId: klass.value.id, displayName: name };
    const skill = 0.3 + random() * 0.6;
    for (const { exercise, key, gap } of exercises) {
      const answers: AnswerSpan[] = [];
      for (const item of key) {
        if (item.optional || random() > skill) continue;
        const label =
          random() < 0.85 ? item.label : (exercise.labels[int(0, exercise.labels.length - 1)] ?? item.label);
        answers.push({
          label,
          start: Math.max(0, item.start + int(-3, 3)),
          end: Math.max(item.start + 1, item.end + int(-3, 3)),
        });
      }
      if (gap && random() < COMMON_EXTRA_SHARE) {
        answers.push({
          label: exercise.labels[0] ?? 'sourcing',
          start: gap.start + int(0, 2),
          end: gap.end + int(-2, 0),
        });
      }
      const stored = await submitExercise(
        actor,
        {
          clientId: randomUUID(),
          assignmentId,
          exerciseId: exercise.id,
          answers,
          articleSha256: getArticle(exercise.article)?.sha256 ?? '0'.repeat(64),
          score: score(key, answers),
        },
        db,
      );
      if (!stored.ok) throw new Error(stored.message);
    }
  }
  return {
    email,
    password,
    classId: klass.value.id,
    joinCode: klass.value.joinCode,
    assignmentId,
    exerciseIds: exercises.map((e) => e.exercise.id),
    students,
    commonExtras: exercises.flatMap(({ exercise, gap, text }) =>
      gap
        ? [
            {
              exerciseId: exercise.id,
              label: exercise.labels[0] ?? 'sourcing',
              start: gap.start,
              end: gap.end,
              quote: text.slice(gap.start, gap.end),
            },
          ]
        : [],
    ),
  };
}

async function main(): Promise<number> {
  const db = createDb(configuredDatabaseTarget());
  try {
    const migrated = await migrateToLatest(db);
    if (migrated.error) throw migrated.error;
    const demo = await seed(db);
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
