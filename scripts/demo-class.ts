// The demo class of `npm run seed-demo` (scripts/seed-demo.ts), also built by tests.
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
import type { Db } from '../lib/server/db/client';
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

/** What to seed: every field has the command's default. */
export type DemoOptions = { students?: number; lesson?: string; email?: string };

/**
 * Seeds a demo class: an instructor (made unless the email exists), a class, an assignment of
 * the lesson (manual release), and `students` students who all submit every exercise with
 * answers drawn from the key (demo-answers.ts), the same class every run.
 */
export async function seedDemoClass(db: Db, options: DemoOptions = {}): Promise<SeededDemo> {
  const count = options.students ?? 12;
  const lessonSlug = options.lesson ?? 'who-says-so';
  const email = (options.email ?? 'demo-teacher@close-read.example').toLowerCase();
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
