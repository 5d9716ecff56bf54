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
import { randomUUID } from 'node:crypto';
import { getArticle } from '../lib/content/articles';
import { toScoringKey } from '../lib/content/keys';
import { exerciseRange, getLesson } from '../lib/content/lessons';
import { score } from '../lib/scoring';
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
import { displayNameKey } from '../lib/validation/display-name';
import { type DemoExercise, drawAnswers, extraLabel, extraStretches, prng } from './demo-answers';

const DEMO_PASSWORD = 'demo password for close read';
/** Fixed seed: the same class every run. */
const SEED = 0xc105e;
/** Common extras per exercise (see demo-answers.ts). */
const COMMON_EXTRAS = 3;
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
  const exercises = lesson.exercises.map((exercise) => {
    const items = exerciseKey(exercise);
    const text = getArticle(exercise.article)?.text ?? '';
    const bounds = exerciseRange(exercise);
    const range = bounds.ok ? bounds.value : { start: 0, end: text.length };
    const demo: DemoExercise = {
      text,
      key: items,
      labels: exercise.labels,
      range,
      extras: extraStretches(text, items, range, COMMON_EXTRAS),
    };
    return { exercise, key: toScoringKey(items), demo };
  });
  const students: SeededDemo['students'] = [];
  for (let n = 0; n < count; n++) {
    const name =
      count <= NAMES.length ? (NAMES[n] as string) : `${NAMES[n % NAMES.length]} ${Math.floor(n / NAMES.length) + 1}`;
    const studentId = randomUUID();
    // Inserted directly: joining by code is limited per class and per hour, which a class of 200 would hit.
    await db
      .insertInto('student')
      .values({
        id: studentId,
        class_id: klass.value.id,
        display_name: name,
        name_key: displayNameKey(name),
        resume_code_hash: '',
        created_at: new Date().toISOString(),
        seq: await takeSeq(db, 'student'),
      })
      .execute();
    const resumeCode = await issueResumeCode(db, studentId, klass.value.id);
    students.push({ name, studentId, resumeCode });
    const actor: Actor = { kind: 'student', studentId, classId: klass.value.id, displayName: name };
    for (const { exercise, key, demo } of exercises) {
      const answers = drawAnswers(demo, random);
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
    commonExtras: exercises.flatMap(({ exercise, demo }) =>
      demo.extras.map((extra) => ({
        exerciseId: exercise.id,
        label: extraLabel(exercise.labels),
        start: extra.start,
        end: extra.end,
        quote: demo.text.slice(extra.start, extra.end),
      })),
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
