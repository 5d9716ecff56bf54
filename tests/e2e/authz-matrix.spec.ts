import { createHash, randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { type APIRequestContext, request } from '@playwright/test';
import { stringify } from 'yaml';
import {
  type ActionResponse,
  appRoutes,
  callAction,
  DbWatcher,
  type Diff,
  diffSnapshots,
  type ManifestAction,
  manifestActions,
  npmRun,
  postJson,
  type Row,
  withoutForeignRows,
} from './authz';
import { expect, test } from './fixtures';

// The authorization matrix over HTTP: every page and route handler under app/ (GET, and POST
// for a handler that takes it) and every server action of the build, each asked by five actors: anonymous, a student of class A, a student of
// class B, the instructor of class B, and class A's instructor. The targets are always class A's
// (its id, its assignment, its students). Refused callers must see none of class A's secrets
// and change nothing in the database; the allowed caller must get the page or the effect, so
// that every row can fail. The rows are checked against the file system (a handler's exported
// methods too) and the build's action manifest: a new page, route, POST or action without a row
// turns this spec red.
// (tests/unit/server/authorization.test.ts is the same matrix one layer down, on the data layer.)
//
// The tests run in file order on one world made in beforeAll; rows whose allowed call changes
// what later rows can see or do (release, reset, remove, archive, sign-out) come last. A failed
// test makes Playwright start a new worker, which builds a new world for the rest: every row
// asserts only what its own world guarantees, so later rows still hold then.

const DATA_DIR = process.env.E2E_DATA_DIR;
const DIST_DIR = process.env.NEXT_DIST_DIR || '.next';

test.skip(!DATA_DIR, 'E2E_DATA_DIR is not set: the test cannot create instructors in the server’s database');

type Who = 'anonymous' | 'studentB' | 'instructorB' | 'studentA' | 'instructorA';
/** The order of every sweep; in an action's sweep the refused callers go first, the allowed ones last. */
const ACTORS: Who[] = ['anonymous', 'studentB', 'instructorB', 'studentA', 'instructorA'];

/*
 * Tables left out of "nothing changed": only `rate_limit`, our own fixed-window counters for
 * sign-in, join, resume and password-change attempts (lib/server/rate-limit.ts). Counting
 * every attempt, refused ones included, is their purpose: a wrong password from anyone must
 * count against that email. Nothing else changes on a read: better-auth's `session` rows are
 * touched at most once a day (updateAge), `student_session` has no last-seen column, and
 * better-auth's own `rateLimit` table is only written by its HTTP handler, which the app does
 * not mount; those are compared like every other table.
 * Also `insertion_counter` (migration 0004): one row per ordered table, moved on by every
 * insert into that table from anyone, including the other spec files writing to the same
 * server at the same time, so it cannot be traced to an instructor; it holds a number and
 * nothing of any class, and the rows it numbers are compared like every other table.
 */
const EXCLUDED_TABLES = new Set(['rate_limit', 'insertion_counter']);

const LESSON_A = 'who-says-so';
const EXERCISE_A = 'who-says-so-attributions';
const ARTICLE_A = 'un-envoy-us-cooperation';
const LESSON_B = 'capstone';
const LESSON_EXTRA = 'one-letter-two-outlets';
/** Days ahead (as a date input gives them, in UTC): class A's due date, its edit, and one student's extension. */
const dayAhead = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
const DUE_A = dayAhead(60);
const DUE_A_EDITED = dayAhead(90);
const DUE_TARGET = dayAhead(120);

type Instructor = { email: string; name: string; password: string; userId: string };
type Student = { id: string; name: string; resumeCodes: string[]; note: string };

type World = {
  base: string;
  db: DbWatcher;
  actions: Map<string, ManifestAction>;
  ctx: Record<Who, APIRequestContext>;
  /** Contexts made for one call (copies of an actor's cookies), disposed at the end. */
  spare: APIRequestContext[];
  ours: Set<string>;
  instructorA: Instructor;
  instructorB: Instructor;
  classA: { id: string; name: string; joinCodes: string[] };
  classB: { id: string; name: string; joinCodes: string[] };
  assignmentA: string;
  assignmentB: string;
  studentA: Student;
  /** Class A's other student: the target of the IDOR attempts on student data. */
  target: Student & { clientId: string; submissionId: string };
  /** The target's own session, for what a submitter may see of their own work. */
  targetCtx: APIRequestContext;
  /** The target's written answer to a question of lesson A, and its row. */
  targetAnswer: { id: string; text: string };
  studentB: Student;
  comment: string;
  keyAddition: string;
  dismissal: string;
  /** A passage of the file key's explanations for exercise A: instructors only in pages; locked for class A's students. */
  fileKeyText: string;
  /** Spans inside exercise A's article for the review actions. */
  spans: { label: 'sourcing'; start: number; end: number }[];
  released: boolean;
  removed: boolean;
  /** Instructor A's own article (imported from a file): its id, title and a marker in its key. */
  ownArticle: { id: string; title: string; keyMarker: string; text: string; assignmentId: string };
  /** A second article of instructor A's, assigned nowhere: the one a delete may take. */
  spareArticleId: string;
};

let w: World;

const current = (codes: string[]) => codes[codes.length - 1] as string;

/** Class A's and class B's markers, as unique strings the pages and responses are searched for. */
function markersA(): string[] {
  return [
    w.classA.name,
    ...w.classA.joinCodes,
    w.studentA.name,
    ...w.studentA.resumeCodes,
    w.studentA.note,
    w.target.name,
    ...w.target.resumeCodes,
    w.target.note,
    w.comment,
    w.keyAddition,
    w.dismissal,
    w.instructorA.name,
    w.instructorA.email,
    w.ownArticle.title,
    w.ownArticle.keyMarker,
  ];
}
function markersB(): string[] {
  return [
    w.classB.name,
    ...w.classB.joinCodes,
    w.studentB.name,
    ...w.studentB.resumeCodes,
    w.instructorB.name,
    w.instructorB.email,
  ];
}

/**
 * What an actor must never receive. Class A's student may see their own name, draft and codes,
 * their class's name and code, and (once released) the key; never a classmate's work, the
 * teacher's comments on it or the teacher's notes. `page`: the key never reaches a page for
 * anyone but instructors (decision 0007); an action may send the file key to a self-guided
 * learner, but never to a student of a class whose assignment holds it back.
 */
function secretsFor(who: Who, where: 'page' | 'action'): string[] {
  const a = markersA();
  const b = markersB();
  const student = who === 'studentA' || who === 'studentB' || who === 'anonymous';
  const lockedKey = who === 'studentA' && !w.released ? [w.fileKeyText, w.keyAddition] : [];
  const pageKey = where === 'page' && student ? [w.fileKeyText] : [];
  const own: Record<Who, string[]> = {
    anonymous: [...a, ...b],
    studentB: [...a, w.instructorB.name, w.instructorB.email],
    instructorB: a,
    studentA: [
      w.target.name,
      ...w.target.resumeCodes,
      w.target.note,
      w.comment,
      w.dismissal,
      w.instructorA.name,
      w.instructorA.email,
      // The own article is assigned to class A (key held back): its title is theirs to see, its key never.
      w.ownArticle.keyMarker,
      ...b,
    ],
    instructorA: b,
  };
  return [...new Set([...own[who], ...lockedKey, ...pageKey])];
}

function expectNoSecrets(body: string, who: Who, where: 'page' | 'action', what: string, allowed: string[] = []) {
  for (const secret of secretsFor(who, where)) {
    if (allowed.includes(secret)) continue;
    expect.soft(body.includes(secret), `${what} as ${who} leaks "${secret}"`).toBe(false);
  }
}

async function newContext(ip: string, from?: APIRequestContext): Promise<APIRequestContext> {
  // A distinct client address per context, so that this spec's sign-ins never share the
  // per-address rate limit with other spec files' (lib/server/request.ts reads the header).
  return request.newContext({
    baseURL: w.base,
    extraHTTPHeaders: { 'X-Forwarded-For': ip },
    storageState: from ? await from.storageState() : undefined,
  });
}

function action(key: string): ManifestAction {
  const found = w.actions.get(key);
  if (!found) throw new Error(`${key} is not in the build’s server action manifest (${DIST_DIR})`);
  return found;
}

/** A page that loads the action, with its dynamic segments filled with class A's ids. */
function pageOf(key: string): string {
  if (ROUTE_POST.test(key)) return '';
  // The page with the fewest dynamic segments (the first of equals): a practice part's page
  // loads the lesson actions too, but needs an article that has parts.
  const dynamic = (p: string) => p.split('[').length;
  const worker = action(key)
    .workers.filter((p) => !p.includes('_not-found'))
    .sort((a, b) => dynamic(a) - dynamic(b))[0];
  if (!worker) throw new Error(`${key}: no page loads it`);
  return fill(worker.replace(/^app/, '').replace(/\/page$/, '') || '/');
}

function fill(route: string, params: Record<string, string> = {}): string {
  const values: Record<string, string> = {
    classId: w.classA.id,
    assignmentId: w.assignmentA,
    studentId: w.target.id,
    lessonSlug: LESSON_A,
    articleSlug: ARTICLE_A,
    articleId: w.ownArticle.id,
    exerciseId: EXERCISE_A,
    ...params,
  };
  return route.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for the segment [${name}] of ${route}`);
    return value;
  });
}

/**
 * A row's key is a server action's manifest key, or `POST /route` for a JSON route handler
 * (POST /api/submissions), which takes the row's one argument as its body.
 */
const ROUTE_POST = /^POST (\/.*)$/;

async function run(ctx: APIRequestContext, key: string, page: string, args: unknown[]): Promise<ActionResponse> {
  const route = ROUTE_POST.exec(key)?.[1];
  if (route !== undefined) return postJson(ctx, w.base, route, args[0]);
  return callAction(ctx, w.base, action(key).id, page, args);
}

/** Runs an action in set-up and insists it worked. */
async function must(ctx: APIRequestContext, key: string, page: string, args: unknown[]): Promise<Row> {
  const response = await run(ctx, key, page, args);
  expect(response.result, `${key}: ${response.status} ${response.body.slice(0, 300)}`).toMatchObject({ ok: true });
  return response.result as Row;
}

function one<T>(rows: T[], what: string): T {
  expect(rows, what).toHaveLength(1);
  return rows[0] as T;
}

/** The database change since `before`, without rows of other spec files' instructors. */
function changeSince(before: ReturnType<DbWatcher['snapshot']>): Diff {
  const after = w.db.snapshot();
  return withoutForeignRows(diffSnapshots(before, after), before, after, w.ours);
}

const KEYS = {
  signOut: 'app/account/actions.ts#signOut',
  submitExercise: 'POST /api/submissions',
  answerQuestion: 'app/lessons/question-actions.ts#answerQuestion',
  saveAnswerDraft: 'app/lessons/question-actions.ts#saveAnswerDraftAction',
  openAnswerDraft: 'app/lessons/question-actions.ts#openAnswerDraftAction',
  saveDraftToClass: 'app/lessons/classroom-actions.ts#saveDraftToClass',
  signIn: 'app/instructor/account-actions.ts#signIn',
  changePassword: 'app/instructor/account-actions.ts#changePassword',
  createClass: 'app/instructor/class-actions.ts#createClassAction',
  renameClass: 'app/instructor/class-actions.ts#renameClassAction',
  archiveClass: 'app/instructor/class-actions.ts#archiveClassAction',
  regenerateJoinCode: 'app/instructor/class-actions.ts#regenerateJoinCodeAction',
  liftJoinLimit: 'app/instructor/class-actions.ts#liftJoinLimitAction',
  resetResumeCode: 'app/instructor/class-actions.ts#resetResumeCodeAction',
  removeStudent: 'app/instructor/class-actions.ts#removeStudentAction',
  renameStudent: 'app/instructor/class-actions.ts#renameStudentAction',
  createAssignments: 'app/instructor/class-actions.ts#createAssignmentsAction',
  releaseKey: 'app/instructor/class-actions.ts#releaseKeyAction',
  copyClass: 'app/instructor/class-actions.ts#copyClassAction',
  updateAssignment: 'app/instructor/assignments/[assignmentId]/actions.ts#updateAssignmentAction',
  deleteAssignment: 'app/instructor/assignments/[assignmentId]/actions.ts#deleteAssignmentAction',
  reopenForStudent: 'app/instructor/assignments/[assignmentId]/actions.ts#reopenForStudentAction',
  extendForStudent: 'app/instructor/assignments/[assignmentId]/actions.ts#extendForStudentAction',
  acceptExtra: 'app/instructor/assignments/[assignmentId]/review/actions.ts#acceptExtraAction',
  dismissExtra: 'app/instructor/assignments/[assignmentId]/review/actions.ts#dismissExtraAction',
  addComment: 'app/instructor/assignments/[assignmentId]/students/[studentId]/actions.ts#addCommentAction',
  setGradingRule: 'app/instructor/assignments/[assignmentId]/grades/actions.ts#setGradingRuleAction',
  setGradeOverride: 'app/instructor/assignments/[assignmentId]/grades/actions.ts#setGradeOverrideAction',
  reviewAnswer: 'app/instructor/assignments/[assignmentId]/grades/actions.ts#reviewAnswerAction',
  createOwnArticle: 'app/instructor/articles/actions.ts#createOwnArticleAction',
  importArticle: 'app/instructor/articles/actions.ts#importArticleAction',
  copyOwnArticle: 'app/instructor/articles/actions.ts#copyOwnArticleAction',
  deleteOwnArticle: 'app/instructor/articles/actions.ts#deleteOwnArticleAction',
  replaceOwnArticleText: 'app/instructor/articles/actions.ts#replaceOwnArticleTextAction',
  createOwnAssignment: 'app/instructor/articles/actions.ts#createOwnAssignmentAction',
  saveOwnKey: 'app/instructor/articles/[articleId]/key/actions.ts#saveOwnKeyAction',
  saveClassKey: 'app/instructor/classes/[classId]/key/[exerciseId]/actions.ts#saveClassKeyAction',
  rescoreClassKey: 'app/instructor/classes/[classId]/key/[exerciseId]/actions.ts#rescoreClassKeyAction',
  joinClass: 'app/join/actions.ts#joinClassAction',
  resume: 'app/join/actions.ts#resumeAction',
} as const;

// ---------------------------------------------------------------------------------------------
// Set-up through the real app: the admin script, then sign-in, classes, assignments, joins,
// a submission, a draft, a comment and class-key changes, all over HTTP.

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const tag = randomBytes(4).toString('hex');
  const ip = (n: number) => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${n}`;
  const base = String(test.info().project.use.baseURL);
  const env = { ...process.env, DATA_DIR, NODE_ENV: 'production', DATABASE_URL: '' } as NodeJS.ProcessEnv;
  const instructorA: Instructor = {
    email: `authz-a-${tag}@school.example`,
    name: `Irma Aldous ${tag}`,
    password: `alpha password ${tag}`,
    userId: '',
  };
  const instructorB: Instructor = {
    email: `authz-b-${tag}@school.example`,
    name: `Ivo Brandt ${tag}`,
    password: `bravo password ${tag}`,
    userId: '',
  };
  const [, , keysJson] = await Promise.all([
    npmRun(
      ['create-instructor', '--', '--email', instructorA.email, '--name', instructorA.name],
      env,
      instructorA.password,
    ),
    npmRun(
      ['create-instructor', '--', '--email', instructorB.email, '--name', instructorB.name],
      env,
      instructorB.password,
    ),
    npmRun(['keys', '--', '--json'], process.env),
  ]);
  const keys = JSON.parse(keysJson) as {
    article: string;
    label: string;
    start: number;
    end: number;
    explanation: string;
  }[];
  const db = new DbWatcher(path.join(DATA_DIR as string, 'close-read.db'), EXCLUDED_TABLES);

  // A passage of one explanation of exercise A's key that no other key item shares: plain
  // words only, so that HTML escaping cannot hide it from the search.
  const passages = keys.flatMap((k) => (k.explanation.match(/[A-Za-z0-9 ,.;]{40,}/g) ?? []).map((p) => p.trim()));
  const fileKeyText = keys
    .filter((k) => k.article === ARTICLE_A && k.label === 'sourcing')
    .flatMap((k) => k.explanation.match(/[A-Za-z0-9 ,.;]{40,}/g) ?? [])
    .map((p) => p.trim())
    .find((p) => passages.filter((q) => q.includes(p)).length === 1);
  expect(fileKeyText, 'a distinctive passage of the key explanations of exercise A').toBeTruthy();
  const sourcing = keys.filter((k) => k.article === ARTICLE_A && k.label === 'sourcing');
  expect(sourcing.length).toBeGreaterThan(6);
  const spans = sourcing.slice(0, 7).map((k) => ({ label: 'sourcing' as const, start: k.start, end: k.end }));

  const partial = {
    base,
    db,
    actions: new Map(manifestActions(DIST_DIR).map((a) => [a.key, a])),
    spare: [],
    instructorA,
    instructorB,
    released: false,
    removed: false,
    spans,
    fileKeyText: fileKeyText as string,
    comment: `Comment for Tamsin ${tag}: who is speaking here?`,
    keyAddition: `Class key addition ${tag}: count this attribution too.`,
    dismissal: `Dismissed extra ${tag}: not an attribution.`,
  };
  w = partial as unknown as World;
  w.ctx = {
    anonymous: await newContext(ip(1)),
    studentB: await newContext(ip(2)),
    instructorB: await newContext(ip(3)),
    studentA: await newContext(ip(4)),
    instructorA: await newContext(ip(5)),
  };
  const targetCtx = await newContext(ip(6));
  w.spare.push(targetCtx);

  // Instructors sign in with the sign-in page's action; classes and assignments as their pages make them.
  for (const [who, person] of [
    ['instructorA', instructorA],
    ['instructorB', instructorB],
  ] as const) {
    await must(w.ctx[who], KEYS.signIn, '/instructor/sign-in', [{ email: person.email, password: person.password }]);
    person.userId = one(db.all<{ id: string }>('select id from user where email = ?', person.email), 'user').id;
  }
  w.ours = new Set([instructorA.userId, instructorB.userId]);
  const classA = { id: '', name: `Civics A ${tag}`, joinCodes: [] as string[] };
  const classB = { id: '', name: `Civics B ${tag}`, joinCodes: [] as string[] };
  for (const [who, klass, lesson] of [
    ['instructorA', classA, LESSON_A],
    ['instructorB', classB, LESSON_B],
  ] as const) {
    klass.id = String((await must(w.ctx[who], KEYS.createClass, '/instructor', [{ name: klass.name }])).classId);
    klass.joinCodes.push(
      one(db.all<{ join_code: string }>('select join_code from class where id = ?', klass.id), 'class').join_code,
    );
    await must(w.ctx[who], KEYS.createAssignments, `/instructor/classes/${klass.id}`, [
      klass.id,
      {
        lessonSlugs: [lesson],
        opensDate: '',
        opensTime: '',
        // Class A's is due in two months (a student's extension needs a due date); the key stays manual.
        dueDate: who === 'instructorA' ? DUE_A : '',
        dueTime: '',
        timeZone: 'UTC',
        releasePolicy: 'manual',
        allowResubmit: false,
      },
    ]);
  }
  w.classA = classA;
  w.classB = classB;
  const assignmentOf = (classId: string) =>
    one(db.all<{ id: string }>('select id from assignment where class_id = ?', classId), 'assignment').id;
  w.assignmentA = assignmentOf(classA.id);
  w.assignmentB = assignmentOf(classB.id);

  // Students join with the class code on the join page.
  const join = async (ctx: APIRequestContext, klass: typeof classA, name: string): Promise<Student> => {
    const joined = await must(ctx, KEYS.joinClass, '/join', [
      { joinCode: current(klass.joinCodes), displayName: name },
    ]);
    const id = one(
      db.all<{ id: string }>('select id from student where class_id = ? and display_name = ?', klass.id, name),
      'student',
    ).id;
    return { id, name, resumeCodes: [String(joined.resumeCode)], note: '' };
  };
  w.studentA = { ...(await join(w.ctx.studentA, classA, `Ada ${tag}`)), note: `Ada draft note ${tag}` };
  w.studentB = await join(w.ctx.studentB, classB, `Bruno ${tag}`);
  const target = { ...(await join(targetCtx, classA, `Tamsin ${tag}`)), note: `Tamsin note ${tag}` };

  // The target submits (with a note on a label); the student of class A keeps a draft.
  const clientId = randomUUID();
  const [s0, s1] = spans as [(typeof spans)[0], (typeof spans)[0]];
  const submitted = await must(targetCtx, KEYS.submitExercise, `/lessons/${LESSON_A}`, [
    { exerciseId: EXERCISE_A, clientId, answers: [{ ...s0, why: target.note }, { ...s1 }] },
  ]);
  expect(submitted.graded, 'the key is held back from the class').toBeNull();
  const submissionId = one(
    db.all<{ id: string }>('select id from submission where client_id = ?', clientId),
    'submission',
  ).id;
  w.target = { ...target, clientId, submissionId };
  w.targetCtx = targetCtx;
  // The target answers a written question: a secret of class A's like their note.
  const answerText = `Press TV names an outlet and a speaker, so I could check the record. ${target.note}`;
  await must(targetCtx, KEYS.answerQuestion, `/lessons/${LESSON_A}`, [
    { questionId: 'who-says-so-q-vague', answer: answerText },
  ]);
  w.targetAnswer = {
    id: one(db.all<{ id: string }>('select id from question_answer where student_id = ?', target.id), 'answer').id,
    text: answerText,
  };
  await must(w.ctx.studentA, KEYS.saveDraftToClass, `/lessons/${LESSON_A}`, [
    { exerciseId: EXERCISE_A, answers: [{ id: 'd1', ...s1, why: w.studentA.note }] },
  ]);

  // The instructor comments on the target's work and extends the class key.
  await must(w.ctx.instructorA, KEYS.addComment, `/instructor/assignments/${w.assignmentA}/students/${w.target.id}`, [
    w.assignmentA,
    submissionId,
    { span: '', body: w.comment },
  ]);
  const review = `/instructor/assignments/${w.assignmentA}/review`;
  await must(w.ctx.instructorA, KEYS.acceptExtra, review, [
    w.assignmentA,
    EXERCISE_A,
    spans[2],
    { weight: 'core', explanation: w.keyAddition },
  ]);
  await must(w.ctx.instructorA, KEYS.dismissExtra, review, [
    w.assignmentA,
    EXERCISE_A,
    spans[3],
    { comment: w.dismissal },
  ]);

  // Instructor A brings an article of their own, with a key, by importing a file.
  const ownText = `Officials said the harbor plan failed ${tag}.\nCritics slammed the reckless scheme.`;
  w.ownArticle = {
    id: '',
    title: `Harbor plan ${tag}`,
    keyMarker: `Own key marker ${tag}: no official is named`,
    text: ownText,
    assignmentId: '',
  };
  await must(w.ctx.instructorA, KEYS.importArticle, '/instructor/articles', [
    { file: ownArticleFile(w.ownArticle.title, ownText, w.ownArticle.keyMarker) },
  ]);
  w.ownArticle.id = one(
    db.all<{ id: string }>('select id from own_article where title = ?', w.ownArticle.title),
    'own article',
  ).id;
  // ... and assigns it to class A, its key held back until released by hand.
  await must(w.ctx.instructorA, KEYS.createOwnAssignment, `/instructor/articles/${w.ownArticle.id}`, [
    w.ownArticle.id,
    ownAssignmentInput(classA.id),
  ]);
  w.ownArticle.assignmentId = one(
    db.all<{ id: string }>('select id from assignment where own_article_id = ?', w.ownArticle.id),
    'own assignment',
  ).id;
  // A second article, with its key, assigned nowhere.
  const spareTitle = `Spare article ${tag}`;
  await must(w.ctx.instructorA, KEYS.importArticle, '/instructor/articles', [
    { file: ownArticleFile(spareTitle, ownText, `Spare key marker ${tag}: no official is named`) },
  ]);
  w.spareArticleId = one(db.all<{ id: string }>('select id from own_article where title = ?', spareTitle), 'spare').id;
});

/** The assign form's input for instructor A's own article: sourcing only, the key held back. */
function ownAssignmentInput(classId: string) {
  return {
    classId,
    instructions: 'Label every attribution.',
    labels: ['sourcing'],
    opensDate: '',
    opensTime: '',
    dueDate: '',
    dueTime: '',
    timeZone: 'UTC',
    releasePolicy: 'manual',
    allowResubmit: true,
  };
}

/** An article file (as the export writes) with one key item whose explanation holds `marker`. */
function ownArticleFile(title: string, text: string, marker: string): string {
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const article = {
    slug: 'harbor-plan',
    title,
    outlet: 'The Example Courier',
    date: '2026-11-30',
    source: 'https://news.example/harbor',
    provenance: 'Written for the authorization test.',
    sha256,
    text,
  };
  const key = {
    article: 'harbor-plan',
    sha256,
    items: [{ label: 'sourcing', quote: 'Officials said', kind: 'vague', explanation: `${marker}, so who says so?` }],
  };
  return `${stringify(article)}---\n${stringify(key)}`;
}

test.afterAll(async () => {
  if (!w) return;
  for (const ctx of [...Object.values(w.ctx ?? {}), ...w.spare]) await ctx.dispose();
  w.db.close();
});

// ---------------------------------------------------------------------------------------------
// Pages and route handlers.

type Expectation =
  | { kind: 'ok'; contains: string[] }
  | { kind: 'redirect'; to: string }
  | { kind: 'refused'; status: number; contains: string[] };

const ok = (...contains: string[]): Expectation => ({ kind: 'ok', contains });
const redirect = (to: string): Expectation => ({ kind: 'redirect', to });
const refused = (status: number, ...contains: string[]): Expectation => ({ kind: 'refused', status, contains });
const everyone = (e: Expectation): Record<Who, Expectation> => ({
  anonymous: e,
  studentB: e,
  instructorB: e,
  studentA: e,
  instructorA: e,
});

type RouteRow = {
  route: string;
  title?: string;
  params?: () => Record<string, string>;
  expect: () => Record<Who, Expectation>;
};

// Instructor pages send everyone else to the sign-in page; an instructor asking for another
// class's ids gets the same 404 as for ids that do not exist.
const TO_SIGN_IN = redirect('/instructor/sign-in');
const NOT_THEIRS = refused(404);

const ROUTES: RouteRow[] = [
  {
    route: '/class/assignments/[assignmentId]',
    title: 'instructor A’s own article, assigned to class A',
    params: () => ({ assignmentId: w.ownArticle.assignmentId }),
    expect: () => ({
      anonymous: redirect('/join'),
      instructorB: redirect('/join'),
      instructorA: redirect('/join'),
      studentB: refused(404),
      studentA: ok(w.ownArticle.title, 'Exercise: label the article', 'Label every attribution.'),
    }),
  },
  {
    route: '/class/assignments/[assignmentId]',
    title: 'a lesson’s assignment: not an own article’s',
    expect: () => ({
      anonymous: redirect('/join'),
      instructorB: redirect('/join'),
      instructorA: redirect('/join'),
      studentB: refused(404),
      studentA: refused(404),
    }),
  },
  {
    route: '/instructor/articles',
    expect: () => ({
      anonymous: TO_SIGN_IN,
      studentB: TO_SIGN_IN,
      studentA: TO_SIGN_IN,
      instructorB: ok('My articles', 'Import an article file'),
      instructorA: ok('My articles', w.ownArticle.title),
    }),
  },
  {
    route: '/instructor/articles/new',
    expect: () => ({
      anonymous: TO_SIGN_IN,
      studentB: TO_SIGN_IN,
      studentA: TO_SIGN_IN,
      instructorB: ok('Add an article', 'Provenance and licence'),
      instructorA: ok('Add an article', 'Provenance and licence'),
    }),
  },
  {
    route: '/instructor/articles/[articleId]',
    expect: () => ({
      anonymous: TO_SIGN_IN,
      studentB: TO_SIGN_IN,
      studentA: TO_SIGN_IN,
      instructorB: NOT_THEIRS,
      instructorA: ok(w.ownArticle.title, w.ownArticle.keyMarker, 'Make a copy'),
    }),
  },
  {
    route: '/instructor/articles/[articleId]/key',
    expect: () => ({
      anonymous: TO_SIGN_IN,
      studentB: TO_SIGN_IN,
      studentA: TO_SIGN_IN,
      instructorB: NOT_THEIRS,
      instructorA: ok(`The key: ${w.ownArticle.title}`, w.ownArticle.keyMarker),
    }),
  },
  {
    route: '/instructor/articles/[articleId]/export',
    expect: () => ({
      anonymous: refused(403, 'Sign in first.'),
      studentB: refused(403, 'Only the class instructor can do this.'),
      studentA: refused(403, 'Only the class instructor can do this.'),
      instructorB: refused(404, 'No such article.'),
      instructorA: ok(w.ownArticle.title, w.ownArticle.keyMarker, 'sha256:'),
    }),
  },
  {
    route: '/instructor/articles/shipped/[articleSlug]/export',
    expect: () => ({
      anonymous: refused(403, 'Sign in first.'),
      studentB: refused(403, 'Only the class instructor can do this.'),
      studentA: refused(403, 'Only the class instructor can do this.'),
      instructorB: ok(`slug: ${ARTICLE_A}`, w.fileKeyText),
      instructorA: ok(`slug: ${ARTICLE_A}`, w.fileKeyText),
    }),
  },
  { route: '/', expect: () => everyone(ok('Where to start')) },
  // Submissions are POSTed (its rows are with the actions' below); a GET is not allowed.
  { route: '/api/submissions', expect: () => everyone(refused(405)) },
  { route: '/articles', expect: () => everyone(ok('Five real articles')) },
  { route: '/privacy', expect: () => everyone(ok('Privacy: what Close Read keeps', 'No analytics')) },
  { route: '/teachers', expect: () => everyone(ok('The unit, for teachers', 'RI.9-10.6')) },
  { route: '/articles/[articleSlug]', expect: () => everyone(ok('Practise labeling this article')) },
  { route: '/articles/[articleSlug]/practice', expect: () => everyone(ok('Practise on the whole article')) },
  {
    route: '/articles/[articleSlug]/practice/[partNumber]',
    title: 'a part of the page that has parts',
    params: () => ({ articleSlug: 'envoy-speech-aggregation', partNumber: '1' }),
    expect: () => everyone(ok('Free practice, part', 'Practise on the whole page')),
  },
  { route: '/lessons', expect: () => everyone(ok('Who says so?')) },
  { route: '/lessons/[lessonSlug]', expect: () => everyone(ok('You will learn to')) },
  {
    // The header's account links ask after load (the pages are the same for every reader).
    route: '/api/account',
    title: 'each caller learns only who they are',
    expect: () => ({
      anonymous: ok('{"kind":"anonymous"}'),
      studentB: ok(JSON.stringify({ kind: 'student', name: w.studentB.name })),
      instructorB: ok(JSON.stringify({ kind: 'instructor', name: w.instructorB.name })),
      studentA: ok(JSON.stringify({ kind: 'student', name: w.studentA.name })),
      instructorA: ok(JSON.stringify({ kind: 'instructor', name: w.instructorA.name })),
    }),
  },
  {
    // An exercise asks after load whether the reader has it as an assignment.
    route: '/api/classroom/[exerciseId]',
    title: 'class A’s exercise: only its students get the assignment, and only their own draft',
    params: () => ({ exerciseId: EXERCISE_A }),
    expect: () => ({
      anonymous: ok('null'),
      studentB: ok('null'),
      instructorB: ok('null'),
      studentA: ok(`"assignmentId":"${w.assignmentA}"`, '"submitted":null', w.studentA.note),
      instructorA: ok('null'),
    }),
  },
  {
    route: '/api/classroom/[exerciseId]',
    title: 'instructor A’s own article: only class A’s students get the assignment',
    params: () => ({ exerciseId: `own-${w.ownArticle.assignmentId}` }),
    expect: () => ({
      anonymous: ok('null'),
      studentB: ok('null'),
      instructorB: ok('null'),
      studentA: ok(`"assignmentId":"${w.ownArticle.assignmentId}"`),
      instructorA: ok('null'),
    }),
  },
  {
    route: '/lessons/[lessonSlug]/key',
    expect: () => ({
      anonymous: refused(404),
      studentB: refused(404),
      studentA: refused(404),
      instructorB: ok('for instructors only', w.fileKeyText),
      instructorA: ok('for instructors only', w.fileKeyText),
    }),
  },
  {
    route: '/join',
    expect: () => ({
      ...everyone(ok('Join a class')),
      // React splits "You are already in a class as {name}" into text nodes: look for the name.
      studentA: ok('You are already in a class', w.studentA.name),
      studentB: ok('You are already in a class', w.studentB.name),
    }),
  },
  { route: '/resume', expect: () => everyone(ok('Continue on this device')) },
  {
    route: '/class',
    expect: () => ({
      anonymous: redirect('/join'),
      instructorB: redirect('/join'),
      instructorA: redirect('/join'),
      studentB: ok(w.studentB.name, 'Capstone'),
      studentA: ok(w.studentA.name, 'Who says so?'),
    }),
  },
  {
    route: '/feedback/[assignmentId]',
    expect: () => ({
      anonymous: redirect('/join'),
      instructorB: redirect('/join'),
      instructorA: redirect('/join'),
      studentB: refused(404),
      studentA: ok('Teacher’s comments: Who says so?'),
    }),
  },
  {
    route: '/instructor',
    expect: () => ({
      anonymous: redirect('/instructor/sign-in'),
      studentB: redirect('/instructor/sign-in'),
      studentA: redirect('/instructor/sign-in'),
      instructorB: ok(w.classB.name),
      instructorA: ok(w.instructorA.name, w.classA.name, current(w.classA.joinCodes)),
    }),
  },
  {
    route: '/instructor/password',
    expect: () => ({
      anonymous: redirect('/instructor/sign-in'),
      studentB: redirect('/instructor/sign-in'),
      studentA: redirect('/instructor/sign-in'),
      instructorB: ok('Change password'),
      instructorA: ok('Change password'),
    }),
  },
  {
    route: '/instructor/sign-in',
    expect: () => ({
      ...everyone(ok('Instructor sign in')),
      instructorB: redirect('/instructor'),
      instructorA: redirect('/instructor'),
    }),
  },
  {
    route: '/instructor/classes/[classId]',
    expect: () => ({
      anonymous: redirect('/instructor/sign-in'),
      studentB: redirect('/instructor/sign-in'),
      studentA: redirect('/instructor/sign-in'),
      instructorB: refused(404),
      instructorA: ok(w.classA.name, current(w.classA.joinCodes), w.studentA.name, w.target.name),
    }),
  },
  {
    route: '/instructor/assignments/[assignmentId]/review',
    expect: () => ({
      anonymous: TO_SIGN_IN,
      studentB: TO_SIGN_IN,
      studentA: TO_SIGN_IN,
      instructorB: NOT_THEIRS,
      instructorA: ok('Answer review', w.classA.name, w.studentA.name, w.target.name),
    }),
  },
  {
    // The class's key editor: the whole key of exercise A (explanations included) is in it.
    route: '/instructor/classes/[classId]/key/[exerciseId]',
    params: () => ({ exerciseId: EXERCISE_A }),
    expect: () => ({
      anonymous: TO_SIGN_IN,
      studentB: TO_SIGN_IN,
      studentA: TO_SIGN_IN,
      instructorB: NOT_THEIRS,
      instructorA: ok('The class’s key', w.classA.name, w.fileKeyText),
    }),
  },
  {
    route: '/instructor/assignments/[assignmentId]',
    expect: () => ({
      anonymous: TO_SIGN_IN,
      studentB: TO_SIGN_IN,
      studentA: TO_SIGN_IN,
      instructorB: NOT_THEIRS,
      instructorA: ok('Change the dates and rules', w.classA.name, w.studentA.name, w.target.name),
    }),
  },
  {
    route: '/instructor/assignments/[assignmentId]/students/[studentId]',
    expect: () => ({
      anonymous: TO_SIGN_IN,
      studentB: TO_SIGN_IN,
      studentA: TO_SIGN_IN,
      instructorB: NOT_THEIRS,
      instructorA: ok(w.target.name, w.comment),
    }),
  },
  {
    route: '/instructor/assignments/[assignmentId]/students/[studentId]',
    title: 'class B’s assignment with class A’s student',
    params: () => ({ assignmentId: w.assignmentB }),
    expect: () => ({
      anonymous: TO_SIGN_IN,
      studentB: TO_SIGN_IN,
      studentA: TO_SIGN_IN,
      // Instructor B owns the assignment, not the student: no mixing of ids.
      instructorB: NOT_THEIRS,
      instructorA: NOT_THEIRS,
    }),
  },
  {
    route: '/instructor/assignments/[assignmentId]/export/labels.json',
    expect: () => ({
      anonymous: refused(403, 'Sign in first.'),
      studentB: refused(403, 'Only the class instructor can do this.'),
      studentA: refused(403, 'Only the class instructor can do this.'),
      instructorB: refused(404, 'No such assignment.'),
      instructorA: ok(w.target.name, w.target.note, w.target.id),
    }),
  },
  {
    // The heatmap's per-word detail, fetched by the review page: the key's spans are in it.
    route: '/instructor/assignments/[assignmentId]/review/heatmap/[exerciseId]',
    params: () => ({ exerciseId: EXERCISE_A }),
    expect: () => ({
      anonymous: refused(403, 'Sign in first.'),
      studentB: refused(403, 'Only the class instructor can do this.'),
      studentA: refused(403, 'Only the class instructor can do this.'),
      instructorB: refused(404, 'No such assignment.'),
      instructorA: ok(`"exerciseId":"${EXERCISE_A}"`, '"stretches":[['),
    }),
  },
  {
    route: '/instructor/assignments/[assignmentId]/export/gradebook.csv',
    expect: () => ({
      anonymous: refused(403, 'Sign in first.'),
      studentB: refused(403, 'Only the class instructor can do this.'),
      studentA: refused(403, 'Only the class instructor can do this.'),
      instructorB: refused(404, 'No such assignment.'),
      instructorA: ok(w.target.name, 'Student ID', 'Points possible'),
    }),
  },
  {
    route: '/instructor/assignments/[assignmentId]/grades',
    expect: () => ({
      anonymous: TO_SIGN_IN,
      studentB: TO_SIGN_IN,
      studentA: TO_SIGN_IN,
      instructorB: NOT_THEIRS,
      instructorA: ok('Written answers and grades', w.target.name, w.target.note),
    }),
  },
  {
    route: '/instructor/assignments/[assignmentId]/export/scores.csv',
    expect: () => ({
      anonymous: refused(403, 'Sign in first.'),
      studentB: refused(403, 'Only the class instructor can do this.'),
      studentA: refused(403, 'Only the class instructor can do this.'),
      instructorB: refused(404, 'No such assignment.'),
      instructorA: ok(w.target.name, w.studentA.name),
    }),
  },
  {
    route: '/instructor/classes/[classId]/students/[studentId]/export',
    title: 'a classmate’s data',
    expect: () => ({
      anonymous: refused(403, 'Sign in first.'),
      studentB: refused(403, 'Students can export only their own work.'),
      studentA: refused(403, 'Students can export only their own work.'),
      instructorB: refused(404, 'No such student.'),
      instructorA: ok(w.target.name, w.target.note, w.comment),
    }),
  },
  {
    route: '/instructor/classes/[classId]/students/[studentId]/export',
    title: 'the student’s own data',
    params: () => ({ studentId: w.studentA.id }),
    expect: () => ({
      anonymous: refused(403, 'Sign in first.'),
      studentB: refused(403, 'Students can export only their own work.'),
      instructorB: refused(404, 'No such student.'),
      studentA: ok(w.studentA.name, w.studentA.note),
      instructorA: ok(w.studentA.name, w.studentA.note),
    }),
  },
  {
    route: '/instructor/classes/[classId]/students/[studentId]/export',
    title: 'a class A student under class B’s id',
    params: () => ({ classId: w.classB.id }),
    expect: () => ({
      anonymous: refused(403, 'Sign in first.'),
      studentB: refused(403, 'Students can export only their own work.'),
      studentA: refused(403, 'Students can export only their own work.'),
      instructorB: refused(404, 'No such student.'),
      // The student's own instructor, but the address names another class.
      instructorA: refused(404, 'No such student.'),
    }),
  },
];

// ---------------------------------------------------------------------------------------------
// Server actions.

/** `viaRoute`: the call went to a JSON route handler, which refuses with a 4xx status. */
type Outcome = ActionResponse & { diff: Diff; viaRoute: boolean };

type ActionCase = {
  key: string;
  title: string;
  /** Who calls it; all five unless a case is a positive control only one caller can make. */
  actors?: Who[];
  /**
   * Call from a copy of the actor's cookies: for a sign-in, join or resume that would
   * otherwise turn the actor into someone else for the rest of the run.
   */
  fresh?: boolean;
  args: (who: Who) => unknown[];
  /** Callers the action is for: `onAllowed` checks that the effect happened. */
  allowed: Who[];
  onAllowed?: (o: Outcome, who: Who) => void;
  /** Default for everyone else: refused (ok: false) and nothing changed. */
  onRefused?: (o: Outcome, who: Who) => void;
  /** Markers an allowed call may return (for example the class name to someone who joins with its code). */
  reveals?: () => string[];
};

function expectRefused(o: Outcome, who: Who) {
  // An action answers a refusal with 200 and ok: false; a route handler with a 4xx status too.
  if (o.viaRoute) expect.soft([400, 403, 422], `status as ${who}`).toContain(o.status);
  else expect.soft(o.status, `status as ${who}`).toBe(200);
  expect.soft(o.result, `refused as ${who}`).toMatchObject({ ok: false });
  expectUnchanged(o, who);
}

function expectUnchanged(o: Outcome, who: Who) {
  expect.soft(o.diff, `database changed as ${who}`).toEqual({});
}

/** The rows a change added / removed in one table. */
const added = (o: Outcome, table: string) => o.diff[table]?.added ?? [];
const removed = (o: Outcome, table: string) => o.diff[table]?.removed ?? [];

/** Only these tables changed. */
function expectOnly(o: Outcome, who: Who, tables: string[]) {
  expect.soft(Object.keys(o.diff).sort(), `tables changed as ${who}`).toEqual([...tables].sort());
}

/** The row of `table` with this id before and after a change that updated it. */
function updated(o: Outcome, table: string, id: string): { before: Row | undefined; after: Row | undefined } {
  return {
    before: removed(o, table).find((r) => r.id === id),
    after: added(o, table).find((r) => r.id === id),
  };
}

const submission = (exerciseId: string, answers: unknown[] = []) => ({ exerciseId, clientId: randomUUID(), answers });

const ACTION_CASES: ActionCase[] = [
  {
    key: KEYS.createOwnArticle,
    title: 'instructors only, and the article is the caller’s own',
    args: (who) => [
      {
        title: `Scratch article of ${who}`,
        outlet: 'The Example Courier',
        author: '',
        published: 'not stated',
        sourceUrl: 'https://news.example/scratch',
        provenance: 'Written for the authorization test.',
        text: `A text pasted by ${who}.`,
      },
    ],
    allowed: ['instructorB', 'instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['own_article']);
      expect.soft(added(o, 'own_article'), who).toEqual([
        expect.objectContaining({
          instructor_id: w[who as 'instructorA' | 'instructorB'].userId,
          title: `Scratch article of ${who}`,
        }),
      ]);
    },
  },
  {
    key: KEYS.importArticle,
    title: 'instructors only: a new article of the caller’s, with its key',
    args: (who) => [{ file: ownArticleFile(`Imported by ${who}`, 'Officials said so.', `Imported key of ${who}`) }],
    allowed: ['instructorB', 'instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['own_article', 'own_key_item']);
      const [row] = added(o, 'own_article');
      expect.soft(row, who).toMatchObject({ instructor_id: w[who as 'instructorA' | 'instructorB'].userId });
      expect
        .soft(added(o, 'own_key_item'))
        .toEqual([
          expect.objectContaining({ article_id: row?.id, explanation: `Imported key of ${who}, so who says so?` }),
        ]);
    },
  },
  {
    key: KEYS.copyOwnArticle,
    title: 'instructor A’s article: its owner only',
    args: () => [w.ownArticle.id],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['own_article', 'own_key_item']);
      expect
        .soft(added(o, 'own_article'))
        .toEqual([expect.objectContaining({ instructor_id: w.instructorA.userId, copied_from: w.ownArticle.id })]);
      expect
        .soft(added(o, 'own_key_item'))
        .toEqual([expect.objectContaining({ explanation: expect.stringContaining(w.ownArticle.keyMarker) })]);
    },
  },
  {
    key: KEYS.deleteOwnArticle,
    title: 'instructor A’s article that class A has assigned: refused for everyone, its owner told why',
    args: () => [w.ownArticle.id],
    allowed: [],
    onRefused: (o, who) => {
      expectRefused(o, who);
      if (who === 'instructorA')
        expect.soft(o.result).toMatchObject({ message: expect.stringContaining(`is assigned in ${w.classA.name}.`) });
    },
  },
  {
    key: KEYS.deleteOwnArticle,
    title: 'instructor A’s article assigned nowhere: its owner only, with its key',
    args: () => [w.spareArticleId],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true, message: expect.stringMatching(/^Deleted “Spare article/) });
      expectOnly(o, who, ['own_article', 'own_key_item']);
      expect.soft(removed(o, 'own_article').map((r) => r.id)).toEqual([w.spareArticleId]);
      expect.soft(removed(o, 'own_key_item').length).toBe(1);
      for (const [table, change] of Object.entries(o.diff))
        expect.soft(change.added, `${table} gains nothing`).toEqual([]);
    },
  },
  {
    key: KEYS.replaceOwnArticleText,
    title: 'instructor A’s article: its owner only, while no one has submitted work on it',
    args: () => [w.ownArticle.id, { text: `${w.ownArticle.text}\nA line added.` }],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expect.soft(Object.keys(o.diff).sort(), who).toEqual(['own_article', 'own_key_item']);
      expect.soft(updated(o, 'own_article', w.ownArticle.id).after?.text).toBe(`${w.ownArticle.text}\nA line added.`);
    },
  },
  {
    key: KEYS.saveOwnKey,
    title: 'instructor A’s article’s key: its owner only, at the version read',
    args: () => {
      const version = one(
        w.db.all<{ key_version: number }>('select key_version from own_article where id = ?', w.ownArticle.id),
        'own article',
      ).key_version;
      const item = {
        id: 'sourcing-1',
        label: 'sourcing',
        start: 0,
        end: 14,
        attribute: 'vague',
        explanation: `${w.ownArticle.keyMarker}, so who says so?`,
        check: null,
        record: null,
        optional: false,
        accept: [],
      };
      return [w.ownArticle.id, { baseVersion: version, items: [item], note: '' }];
    },
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expect.soft(Object.keys(o.diff).sort(), who).toEqual(['own_article', 'own_key_item']);
      expect
        .soft(added(o, 'own_key_item'))
        .toEqual([expect.objectContaining({ article_id: w.ownArticle.id, start: 0, end: 14 })]);
    },
  },
  {
    key: KEYS.createOwnAssignment,
    title: 'instructor A’s article to class A: its owner only',
    args: () => [w.ownArticle.id, ownAssignmentInput(w.classA.id)],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['assignment']);
      expect
        .soft(added(o, 'assignment'))
        .toEqual([expect.objectContaining({ class_id: w.classA.id, own_article_id: w.ownArticle.id })]);
    },
  },
  {
    key: KEYS.submitExercise,
    title: 'instructor A’s own article: stored for class A’s students, key held back; no one else is graded',
    args: () => [submission(`own-${w.ownArticle.assignmentId}`, [{ label: 'sourcing', start: 0, end: 14 }])],
    allowed: ['studentA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, 'stored, no key').toMatchObject({ ok: true, graded: null });
      expectOnly(o, who, ['submission']);
      expect
        .soft(added(o, 'submission'))
        .toEqual([expect.objectContaining({ student_id: w.studentA.id, assignment_id: w.ownArticle.assignmentId })]);
    },
  },
  {
    key: KEYS.answerQuestion,
    title: 'public, stores nothing; class A’s students get no model answer before the key is released',
    args: () => [
      {
        questionId: 'who-says-so-q-vague',
        answer: 'Press TV names an outlet and a speaker so I could look up the record of the speech myself.',
      },
    ],
    allowed: ACTORS,
    onAllowed: (o, who) => {
      if (who === 'studentA' && !w.released) {
        expect.soft(o.result, who).toMatchObject({ ok: true, model: null, notice: expect.stringContaining('release') });
        expect.soft(o.body, who).not.toContain('is easier to check. It names an outlet');
      } else {
        expect.soft(o.result, who).toMatchObject({ ok: true, model: expect.stringContaining('Press TV') });
      }
      if (who === 'studentA') {
        // A class student's answer is kept for their teacher, on their own class's assignment.
        expectOnly(o, who, ['question_answer']);
        expect
          .soft(added(o, 'question_answer'))
          .toEqual([expect.objectContaining({ student_id: w.studentA.id, assignment_id: w.assignmentA })]);
      } else {
        expectUnchanged(o, who);
      }
    },
  },
  {
    key: KEYS.saveAnswerDraft,
    title: 'a written answer’s draft on lesson A: kept only for class A’s students',
    args: () => [{ questionId: 'who-says-so-q-reflect', answer: `A draft of mine ${w.studentA.note}` }],
    allowed: ['studentA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['draft']);
      expect
        .soft(added(o, 'draft'))
        .toEqual([expect.objectContaining({ student_id: w.studentA.id, exercise_id: 'who-says-so-q-reflect' })]);
    },
    onRefused: (o, who) => {
      expect.soft(o.result, `told to keep it in the browser, as ${who}`).toMatchObject({ ok: false, inClass: false });
      expectUnchanged(o, who);
    },
  },
  {
    key: KEYS.openAnswerDraft,
    title: 'the draft of lesson A’s question: only its own student gets it back',
    args: () => ['who-says-so-q-reflect'],
    allowed: ['studentA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toBe(`A draft of mine ${w.studentA.note}`);
      expectUnchanged(o, who);
    },
    onRefused: (o, who) => {
      expect.soft(o.result, `nothing for ${who}`).toBeNull();
      expectUnchanged(o, who);
    },
  },
  {
    key: KEYS.saveDraftToClass,
    title: 'class A’s exercise: only its students save, and only their own draft',
    args: () => [{ exerciseId: EXERCISE_A, answers: [{ id: 'd2', ...w.spans[4], why: w.studentA.note }] }],
    allowed: ['studentA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['draft']);
      const [row] = added(o, 'draft');
      expect.soft(row, 'the student’s own draft, on class A’s assignment').toMatchObject({
        student_id: w.studentA.id,
        assignment_id: w.assignmentA,
      });
      expect.soft(removed(o, 'draft').map((r) => r.student_id)).toEqual([w.studentA.id]);
    },
  },
  {
    key: KEYS.submitExercise,
    title: 'class A’s exercise: stored only for its students, key held back; others grade self-guided',
    args: () => [submission(EXERCISE_A, [{ ...w.spans[5] }])],
    allowed: ['studentA', 'anonymous', 'studentB', 'instructorB', 'instructorA'],
    onAllowed: (o, who) => {
      if (who === 'studentA') {
        expect.soft(o.result, 'stored, no key').toMatchObject({ ok: true, graded: null });
        expectOnly(o, who, ['submission']);
        expect
          .soft(added(o, 'submission'), 'one submission of the student, to class A’s assignment')
          .toEqual([expect.objectContaining({ student_id: w.studentA.id, assignment_id: w.assignmentA })]);
        return;
      }
      // Self-guided (decision 0007): the file key comes back, nothing is stored, and no
      // class's key additions or work appear.
      expect.soft(o.result, who).toMatchObject({ ok: true, graded: { exerciseId: EXERCISE_A } });
      expect.soft(o.body, `${who} gets the file key`).toContain(w.fileKeyText);
      expectUnchanged(o, who);
    },
  },
  {
    key: KEYS.submitExercise,
    title: 'replaying the target student’s submission id hands their work to no one',
    args: () => [{ exerciseId: EXERCISE_A, clientId: w.target.clientId, answers: [] }],
    allowed: ['anonymous', 'studentB', 'instructorB', 'instructorA'],
    onAllowed: (o, who) => {
      // Not a student of class A: graded self-guided, the id means nothing, nothing is stored.
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectUnchanged(o, who);
    },
  },
  {
    key: KEYS.submitExercise,
    title: 'free practice on class A’s article: no key for class A’s students while it is held back',
    args: () => [submission(`practice-${ARTICLE_A}`, [{ ...w.spans[5] }])],
    allowed: ['anonymous', 'studentB', 'instructorB', 'instructorA'],
    onAllowed: (o, who) => {
      // Anyone else practises self-guided and gets the whole article's file key (decision 0007).
      expect.soft(o.result, who).toMatchObject({ ok: true, graded: { exerciseId: `practice-${ARTICLE_A}` } });
      expect.soft(o.body, `${who} gets the key`).toContain(w.fileKeyText);
      expectUnchanged(o, who);
    },
  },
  {
    key: KEYS.createClass,
    title: 'instructors only, and the class is the caller’s own',
    args: (who) => [{ name: `Scratch class of ${who}` }],
    allowed: ['instructorB', 'instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['class']);
      expect.soft(added(o, 'class'), who).toEqual([
        expect.objectContaining({
          instructor_id: w[who as 'instructorA' | 'instructorB'].userId,
          name: `Scratch class of ${who}`,
        }),
      ]);
      expect.soft(removed(o, 'class')).toEqual([]);
    },
  },
  {
    key: KEYS.renameClass,
    title: 'class A: its instructor only',
    args: (who) => [w.classA.id, { name: `Renamed by ${who}` }],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['class']);
      const { before, after } = updated(o, 'class', w.classA.id);
      expect.soft(before?.name).toBe(w.classA.name);
      expect.soft(after?.name).toBe(`Renamed by ${who}`);
    },
  },
  {
    key: KEYS.renameClass,
    title: 'class A, back to its name (restores the marker the later rows look for)',
    actors: ['instructorA'],
    args: () => [w.classA.id, { name: w.classA.name }],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expect.soft(updated(o, 'class', w.classA.id).after?.name).toBe(w.classA.name);
    },
  },
  {
    key: KEYS.regenerateJoinCode,
    title: 'class A: its instructor only',
    args: () => [w.classA.id],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['class']);
      const { before, after } = updated(o, 'class', w.classA.id);
      expect.soft(before?.join_code).toBe(current(w.classA.joinCodes));
      expect.soft(after?.join_code).not.toBe(before?.join_code);
      // The new code is a secret of class A from now on (the old one stays one too).
      w.classA.joinCodes.push(String(after?.join_code));
      expect.soft(o.body, 'the new code is shown to the instructor').toContain(String(after?.join_code));
    },
  },
  {
    key: KEYS.liftJoinLimit,
    title: 'class A: its instructor only',
    args: () => [w.classA.id],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['class']);
      const { before, after } = updated(o, 'class', w.classA.id);
      expect.soft(before?.joins_lifted_until, 'not lifted before').toBeNull();
      expect
        .soft(Date.parse(String(after?.joins_lifted_until)), 'lifted for about an hour')
        .toBeGreaterThan(Date.now() + 50 * 60 * 1000);
    },
  },
  {
    key: KEYS.createAssignments,
    title: 'class A: its instructor only',
    args: () => [
      w.classA.id,
      {
        lessonSlugs: [LESSON_EXTRA],
        opensDate: '',
        opensTime: '',
        dueDate: '',
        dueTime: '',
        timeZone: 'UTC',
        releasePolicy: 'manual',
        allowResubmit: true,
      },
    ],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true, count: 1 });
      expectOnly(o, who, ['assignment']);
      expect
        .soft(added(o, 'assignment'))
        .toEqual([expect.objectContaining({ class_id: w.classA.id, lesson_slug: LESSON_EXTRA })]);
    },
  },
  {
    key: KEYS.acceptExtra,
    title: 'class A’s assignment: its instructor only',
    args: (who) => [
      w.assignmentA,
      EXERCISE_A,
      w.spans[6],
      { weight: 'optional', explanation: `Accepted by ${who} here.` },
    ],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      // A new version of class A's key holding the span, and nothing else.
      expect.soft(added(o, 'class_key_version')).toEqual([
        expect.objectContaining({
          class_id: w.classA.id,
          exercise_id: EXERCISE_A,
          changes_json: expect.stringContaining(`Accepted by ${who} here.`),
        }),
      ]);
      // Rescoring may rewrite class A's submissions of this exercise, and nothing else.
      for (const table of Object.keys(o.diff)) expect.soft(['class_key_version', 'submission']).toContain(table);
      for (const row of [...added(o, 'submission'), ...removed(o, 'submission')])
        expect.soft(row).toMatchObject({ assignment_id: w.assignmentA, exercise_id: EXERCISE_A });
    },
  },
  {
    key: KEYS.dismissExtra,
    title: 'class A’s assignment: its instructor only',
    args: (who) => [w.assignmentA, EXERCISE_A, w.spans[6], { comment: `Dismissed by ${who}.` }],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['extra_dismissal']);
      expect
        .soft(added(o, 'extra_dismissal'))
        .toEqual([expect.objectContaining({ assignment_id: w.assignmentA, comment: `Dismissed by ${who}.` })]);
    },
  },
  {
    key: KEYS.addComment,
    title: 'the target student’s submission: class A’s instructor only',
    args: (who) => [w.assignmentA, w.target.submissionId, { span: '', body: `Comment by ${who}.` }],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['comment']);
      expect
        .soft(added(o, 'comment'))
        .toEqual([expect.objectContaining({ submission_id: w.target.submissionId, created_by: w.instructorA.userId })]);
    },
  },
  {
    key: KEYS.setGradingRule,
    title: 'class A’s assignment: its instructor only',
    args: () => [w.assignmentA, { labelPoints: '10', answerPoints: '2' }],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['assignment']);
      expect.soft(updated(o, 'assignment', w.assignmentA).after).toMatchObject({ label_points: 10, answer_points: 2 });
    },
  },
  {
    key: KEYS.setGradeOverride,
    title: 'the target student’s grade: class A’s instructor only',
    args: () => [w.assignmentA, w.target.id, { points: '7', note: `Set by hand ${w.target.note}` }],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['grade_override']);
      expect
        .soft(added(o, 'grade_override'))
        .toEqual([expect.objectContaining({ assignment_id: w.assignmentA, student_id: w.target.id, points: 7 })]);
    },
  },
  {
    key: KEYS.reviewAnswer,
    title: 'the target’s written answer: class A’s instructor only',
    args: () => [w.assignmentA, w.targetAnswer.id, { status: 'complete', comment: `Well checked ${w.target.note}` }],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['question_answer']);
      expect.soft(updated(o, 'question_answer', w.targetAnswer.id).after).toMatchObject({ review_status: 'complete' });
    },
  },
  {
    key: KEYS.addComment,
    title: 'the target’s submission under the caller’s own assignment id',
    actors: ['instructorB'],
    args: () => [w.assignmentB, w.target.submissionId, { span: '', body: 'Comment by instructorB.' }],
    allowed: [],
  },
  {
    key: KEYS.signIn,
    title: 'a wrong password for instructor A: refused for everyone',
    args: () => [{ email: w.instructorA.email, password: 'not the password at all' }],
    allowed: [],
  },
  {
    key: KEYS.signIn,
    title: 'instructor A’s password (positive control, from a copy of the anonymous cookies)',
    actors: ['anonymous'],
    fresh: true,
    args: () => [{ email: w.instructorA.email, password: w.instructorA.password }],
    allowed: ['anonymous'],
    reveals: () => [w.instructorA.name],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toEqual({ ok: true });
      expectOnly(o, who, ['session']);
      expect.soft(added(o, 'session')).toEqual([expect.objectContaining({ userId: w.instructorA.userId })]);
    },
  },
  {
    key: KEYS.joinClass,
    title: 'a guessed class code: refused for everyone',
    args: () => [{ joinCode: 'QQQQ2345', displayName: 'Guesser' }],
    allowed: [],
  },
  {
    key: KEYS.joinClass,
    title: 'class A’s code (positive control, from a copy of the anonymous cookies)',
    actors: ['anonymous'],
    fresh: true,
    args: () => [{ joinCode: current(w.classA.joinCodes), displayName: 'Newcomer' }],
    allowed: ['anonymous'],
    reveals: () => [w.classA.name],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true, className: w.classA.name });
      expectOnly(o, who, ['student', 'student_session']);
      expect
        .soft(added(o, 'student'))
        .toEqual([expect.objectContaining({ class_id: w.classA.id, display_name: 'Newcomer' })]);
    },
  },
  {
    key: KEYS.resume,
    title: 'class A’s code with a guessed resume code: refused for everyone',
    args: () => [{ joinCode: current(w.classA.joinCodes), resumeCode: 'ABCD-EFGH-JKMN' }],
    allowed: [],
  },
  {
    key: KEYS.resume,
    title: 'the target’s resume code (positive control, from a copy of the anonymous cookies)',
    actors: ['anonymous'],
    fresh: true,
    args: () => [{ joinCode: current(w.classA.joinCodes), resumeCode: current(w.target.resumeCodes) }],
    allowed: ['anonymous'],
    reveals: () => [w.target.name, w.classA.name],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toEqual({ ok: true });
      expectOnly(o, who, ['student_session']);
      expect.soft(added(o, 'student_session')).toEqual([expect.objectContaining({ student_id: w.target.id })]);
    },
  },
  {
    key: KEYS.updateAssignment,
    title: 'class A’s assignment: its instructor only, and the change is recorded',
    args: () => [
      w.assignmentA,
      {
        opensDate: '',
        opensTime: '',
        dueDate: DUE_A_EDITED,
        dueTime: '',
        timeZone: 'UTC',
        releasePolicy: 'manual',
        allowResubmit: false,
      },
    ],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true, message: 'Saved 1 change.' });
      expectOnly(o, who, ['assignment', 'assignment_change']);
      const { before, after } = updated(o, 'assignment', w.assignmentA);
      expect.soft(before?.due_at).toBe(`${DUE_A}T23:59:00.000Z`);
      expect.soft(after?.due_at).toBe(`${DUE_A_EDITED}T23:59:00.000Z`);
      expect.soft(after?.release_policy, 'the key stays held back').toBe('manual');
      expect
        .soft(added(o, 'assignment_change'))
        .toEqual([
          expect.objectContaining({ assignment_id: w.assignmentA, kind: 'due', created_by: w.instructorA.userId }),
        ]);
    },
  },
  {
    key: KEYS.reopenForStudent,
    title: 'the target student on class A’s assignment: class A’s instructor only',
    args: () => [w.assignmentA, w.target.id],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['assignment_exception', 'assignment_change']);
      expect
        .soft(added(o, 'assignment_exception'))
        .toEqual([
          expect.objectContaining({ assignment_id: w.assignmentA, student_id: w.target.id, extra_attempts: 1 }),
        ]);
      expect
        .soft(added(o, 'assignment_change'))
        .toEqual([expect.objectContaining({ kind: 'reopened', student_id: w.target.id })]);
    },
  },
  {
    key: KEYS.reopenForStudent,
    title: 'class B’s student under class A’s assignment: refused even to class A’s instructor',
    args: () => [w.assignmentA, w.studentB.id],
    allowed: [],
  },
  {
    key: KEYS.extendForStudent,
    title: 'the target student on class A’s assignment: class A’s instructor only',
    args: () => [w.assignmentA, w.target.id, { dueDate: DUE_TARGET, dueTime: '', timeZone: 'UTC' }],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      // The target's submission was on time before and is on time now: no submission changes.
      expectOnly(o, who, ['assignment_exception', 'assignment_change']);
      expect
        .soft(added(o, 'assignment_exception'))
        .toEqual([expect.objectContaining({ student_id: w.target.id, due_at: `${DUE_TARGET}T23:59:00.000Z` })]);
      expect
        .soft(added(o, 'assignment_change'))
        .toEqual([expect.objectContaining({ kind: 'extension', student_id: w.target.id })]);
    },
  },
  {
    key: KEYS.copyClass,
    title: 'class A: its instructor only; the copy has no students',
    args: (who) => [w.classA.id, { name: `Next year’s copy by ${who}`, shift: 52, unit: 'weeks', timeZone: 'UTC' }],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true, classId: expect.any(String) });
      const [copy] = added(o, 'class');
      expect
        .soft(added(o, 'class'))
        .toEqual([
          expect.objectContaining({ instructor_id: w.instructorA.userId, name: `Next year’s copy by ${who}` }),
        ]);
      expect.soft(copy?.join_code, 'a code of its own').not.toBe(current(w.classA.joinCodes));
      for (const table of Object.keys(o.diff))
        expect.soft(['class', 'assignment', 'class_key_version', 'extra_dismissal']).toContain(table);
      for (const [table, change] of Object.entries(o.diff))
        expect.soft(change.removed, `${table} loses nothing`).toEqual([]);
      expect
        .soft(added(o, 'assignment').map((r) => [r.class_id, r.lesson_slug]))
        .toEqual(expect.arrayContaining([[copy?.id, LESSON_A]]));
    },
  },
  // From here on the allowed calls change what later rows could see or do: they run last.
  {
    key: KEYS.changePassword,
    title: 'instructors change only their own password, knowing it',
    args: (who) => [
      {
        // Instructor A's password: right for A only.
        currentPassword: w.instructorA.password,
        newPassword: `${w.instructorA.password} changed by ${who}`,
        confirmPassword: `${w.instructorA.password} changed by ${who}`,
      },
    ],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toEqual({ ok: true });
      expect.soft(Object.keys(o.diff).sort()).toEqual(['account', 'session']);
      expect.soft(updated(o, 'account', one(removed(o, 'account'), 'account').id as string).after).toMatchObject({
        userId: w.instructorA.userId,
      });
      // The other sessions end; this one is replaced by a new one (better-auth sets the cookie).
      for (const row of [...added(o, 'session'), ...removed(o, 'session')])
        expect.soft(row).toMatchObject({ userId: w.instructorA.userId });
      w.instructorA.password = `${w.instructorA.password} changed by ${who}`;
    },
  },
  {
    key: KEYS.rescoreClassKey,
    title: 'class A’s key: its instructor only',
    args: () => [w.classA.id, EXERCISE_A],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect
        .soft(o.result, who)
        .toMatchObject({ ok: true, message: expect.stringMatching(/^Rescored \d+ submissions?/) });
      for (const table of Object.keys(o.diff)) expect.soft(['submission']).toContain(table);
      for (const row of [...added(o, 'submission'), ...removed(o, 'submission')])
        expect.soft(row).toMatchObject({ assignment_id: w.assignmentA, exercise_id: EXERCISE_A });
    },
  },
  {
    // Late in the file: the allowed save empties class A's key of exercise A for later rows.
    key: KEYS.saveClassKey,
    title: 'class A’s key: its instructor only, at the newest version',
    args: (who) => {
      const versions = (w.db.snapshot().class_key_version ?? [])
        .filter((r) => r.class_id === w.classA.id && r.exercise_id === EXERCISE_A)
        .map((r) => Number(r.version));
      return [w.classA.id, EXERCISE_A, { baseVersion: Math.max(0, ...versions), items: [], note: `Saved by ${who}` }];
    },
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true, message: expect.stringMatching(/^Saved as version \d+/) });
      expectOnly(o, who, ['class_key_version']);
      expect
        .soft(added(o, 'class_key_version'))
        .toEqual([
          expect.objectContaining({ class_id: w.classA.id, exercise_id: EXERCISE_A, note: `Saved by ${who}` }),
        ]);
    },
  },
  {
    key: KEYS.releaseKey,
    title: 'class A’s assignment: its instructor only',
    args: () => [w.assignmentA],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['assignment']);
      const { before, after } = updated(o, 'assignment', w.assignmentA);
      expect.soft(before?.released_at).toBeNull();
      expect.soft(after?.released_at).toEqual(expect.any(String));
      w.released = true;
    },
  },
  {
    key: KEYS.renameStudent,
    title: 'the target student: class A’s instructor only',
    // The new name holds the old one, so the old name's secrecy checks cover it too.
    args: () => [w.target.id, { name: `${w.target.name} R.` }],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['student']);
      const { before, after } = updated(o, 'student', w.target.id);
      expect.soft(before?.display_name).toBe(w.target.name);
      expect.soft(after?.display_name).toBe(`${w.target.name} R.`);
    },
  },
  {
    key: KEYS.resetResumeCode,
    title: 'the target student: class A’s instructor only',
    args: () => [w.target.id],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['student', 'student_session']);
      expect.soft(updated(o, 'student', w.target.id).after).toBeTruthy();
      expect.soft(added(o, 'student_session'), 'the target is signed out everywhere').toEqual([]);
      expect
        .soft(removed(o, 'student_session').map((r) => r.student_id))
        .toEqual(expect.arrayContaining([w.target.id]));
      const code = /New resume code: ([A-Z0-9-]+)/.exec(o.body)?.[1];
      expect.soft(code, 'the new resume code is shown once').toBeTruthy();
      if (code) w.target.resumeCodes.push(code);
    },
  },
  {
    key: KEYS.removeStudent,
    title: 'the target student: class A’s instructor only',
    args: () => [w.target.id],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expect.soft(removed(o, 'student').map((r) => r.id)).toEqual([w.target.id]);
      expect.soft(removed(o, 'comment').length, 'their comments go').toBeGreaterThan(0);
      expect.soft(removed(o, 'submission').map((r) => r.student_id)).toEqual([w.target.id]);
      for (const row of removed(o, 'assignment_exception')) expect.soft(row.student_id).toBe(w.target.id);
      // The assignment's record of changes keeps the student's name and forgets their id.
      for (const row of added(o, 'assignment_change'))
        expect.soft(row).toMatchObject({ student_id: null, student_name: w.target.name });
      for (const [table, change] of Object.entries(o.diff))
        if (table !== 'assignment_change') expect.soft(change.added, `${table} gains nothing`).toEqual([]);
      w.removed = true;
    },
  },
  {
    key: KEYS.deleteAssignment,
    title: 'class A’s assignment: its instructor only, and everything of it goes',
    args: () => [w.assignmentA],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect
        .soft(o.result, who)
        .toMatchObject({ ok: true, message: expect.stringMatching(/^Deleted, with \d+ submissions?\.$/) });
      expect.soft(removed(o, 'assignment').map((r) => r.id)).toEqual([w.assignmentA]);
      // The class key belongs to the class (decision 16): deleting an assignment keeps it.
      for (const table of ['draft', 'submission', 'extra_dismissal'])
        expect.soft(removed(o, table).length, `${table}: class A’s go`).toBeGreaterThan(0);
      expect.soft(removed(o, 'class_key_version'), 'the class key stays').toEqual([]);
      for (const table of ['draft', 'submission', 'extra_dismissal', 'assignment_exception', 'assignment_change'])
        for (const row of removed(o, table)) expect.soft(row.assignment_id, table).toBe(w.assignmentA);
      for (const [table, change] of Object.entries(o.diff))
        expect.soft(change.added, `${table} gains nothing`).toEqual([]);
    },
  },
  {
    key: KEYS.archiveClass,
    title: 'class A: its instructor only',
    args: () => [w.classA.id],
    allowed: ['instructorA'],
    onAllowed: (o, who) => {
      expect.soft(o.result, who).toMatchObject({ ok: true });
      expectOnly(o, who, ['class']);
      expect.soft(updated(o, 'class', w.classA.id).after?.archived_at).toEqual(expect.any(String));
    },
  },
  {
    key: KEYS.signOut,
    title: 'each caller ends only their own session',
    args: () => [],
    allowed: ACTORS,
    onAllowed: (o, who) => {
      expect.soft(o.redirect, who).toMatch(/^\/;/);
      for (const [table, change] of Object.entries(o.diff))
        expect.soft(change.added, `${table} gains nothing`).toEqual([]);
      const sessions = removed(o, 'session');
      const studentSessions = removed(o, 'student_session');
      if (who === 'anonymous') expectUnchanged(o, who);
      if (who === 'instructorA' || who === 'instructorB') {
        expectOnly(o, who, ['session']);
        expect.soft(sessions.map((r) => r.userId)).toEqual([w[who].userId]);
      }
      if (who === 'studentA' || who === 'studentB') {
        expectOnly(o, who, ['student_session']);
        expect.soft(studentSessions.map((r) => r.student_id)).toEqual([w[who].id]);
      }
    },
  },
];

// ---------------------------------------------------------------------------------------------
// The tests.

test('every page, route handler and server action has a row in the matrix', () => {
  const routes = appRoutes('app');
  expect(routes.length, 'pages found under app/').toBeGreaterThan(10);
  const rowRoutes = new Set(ROUTES.map((r) => r.route));
  expect(
    [...new Set(routes.map((r) => r.route))].filter((r) => !rowRoutes.has(r)),
    'routes without a row',
  ).toEqual([]);
  expect(
    [...rowRoutes].filter((r) => !routes.some((x) => x.route === r)),
    'rows for routes that are gone',
  ).toEqual([]);
  // Every route can fail: some row of it expects an actor to get the page and its markers, or
  // (a route that only takes POSTs) some POST row allows an actor and checks the effect.
  for (const route of rowRoutes) {
    const positive =
      ROUTES.filter((r) => r.route === route).some((r) =>
        Object.values(r.expect()).some((e) => e.kind === 'ok' && e.contains.length > 0),
      ) || ACTION_CASES.some((c) => c.key === `POST ${route}` && c.allowed.length > 0);
    expect(positive, `${route}: a positive control`).toBe(true);
  }
  // Every POST a route handler takes has rows for all five actors, and every POST row a handler.
  const posts = routes.filter((r) => r.methods.includes('POST')).map((r) => `POST ${r.route}`);
  const fullPosts = new Set(
    ACTION_CASES.filter((c) => ROUTE_POST.test(c.key) && (c.actors ?? ACTORS).length === ACTORS.length).map(
      (c) => c.key,
    ),
  );
  expect(
    posts.filter((p) => !fullPosts.has(p)),
    'POST routes without a row for all five actors',
  ).toEqual([]);
  expect(
    ACTION_CASES.filter((c) => ROUTE_POST.test(c.key) && !posts.includes(c.key)).map((c) => c.key),
    'POST rows for routes that are gone',
  ).toEqual([]);

  const built = manifestActions(DIST_DIR);
  expect(built.length, `server actions in ${DIST_DIR}`).toBeGreaterThan(10);
  const full = new Set(ACTION_CASES.filter((c) => (c.actors ?? ACTORS).length === ACTORS.length).map((c) => c.key));
  expect(
    built.filter((a) => !full.has(a.key)).map((a) => a.key),
    'actions without a row for all five actors',
  ).toEqual([]);
  expect(
    ACTION_CASES.filter((c) => !ROUTE_POST.test(c.key) && !built.some((a) => a.key === c.key)).map((c) => c.key),
    'rows for actions that are gone',
  ).toEqual([]);
  for (const c of ACTION_CASES) {
    if (c.allowed.length > 0) expect(c.onAllowed, `${c.key}: ${c.title}: checks the allowed effect`).toBeDefined();
  }
});

for (const row of ROUTES) {
  test(`GET ${row.route}${row.title ? ` (${row.title})` : ''}`, async () => {
    const url = fill(row.route, row.params?.());
    const expectations = row.expect();
    for (const who of ACTORS) {
      const want = expectations[who];
      const before = w.db.snapshot();
      const response = await w.ctx[who].get(url, { maxRedirects: 0 });
      const body = await response.text();
      const what = `GET ${url}`;
      expect.soft(changeSince(before), `${what} as ${who} changed the database`).toEqual({});
      for (const marker of want.kind === 'redirect' ? [] : want.contains)
        expect(
          secretsFor(who, 'page'),
          `matrix: ${row.route} expects ${who} to see one of their secrets`,
        ).not.toContain(marker);
      expectNoSecrets(body, who, 'page', what);
      if (want.kind === 'redirect') {
        expect.soft(response.status(), `${what} as ${who}`).toBe(307);
        const location = response.headers().location ?? '';
        expect.soft(new URL(location, w.base).pathname, `${what} as ${who} redirects`).toBe(want.to);
        continue;
      }
      expect.soft(response.status(), `${what} as ${who}`).toBe(want.kind === 'ok' ? 200 : want.status);
      for (const text of want.contains) expect.soft(body, `${what} as ${who} shows`).toContain(text);
    }
  });
}

test('GET the student export as the submitter, before release: their answers, no score, key items or comment', async () => {
  expect(w.released, 'runs before the release row').toBe(false);
  const url = fill('/instructor/classes/[classId]/students/[studentId]/export');
  const response = await w.targetCtx.get(url, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  const body = await response.text();
  expect(body, 'the submitter’s own note').toContain(w.target.note);
  expect(body, 'the teacher’s comment').not.toContain(w.comment);
  expect(body, 'the class key addition').not.toContain(w.keyAddition);
  expect(body, 'the key’s items').not.toMatch(/"items"\s*:/);
  const data = JSON.parse(body) as { submissions: { score: unknown }[]; comments: unknown[] };
  expect(data.submissions.map((s) => s.score)).toEqual([null]);
  expect(data.comments).toEqual([]);
});

for (const c of ACTION_CASES) {
  const [file, name] = ROUTE_POST.test(c.key) ? ['route handler', c.key] : c.key.split('#');
  test(`action ${name} (${file}): ${c.title}`, async () => {
    const actors = c.actors ?? ACTORS;
    const ordered = [...actors.filter((a) => !c.allowed.includes(a)), ...actors.filter((a) => c.allowed.includes(a))];
    const page = pageOf(c.key);
    for (const who of ordered) {
      let ctx = w.ctx[who];
      if (c.fresh) {
        ctx = await newContext(`10.250.${ACTORS.indexOf(who)}.${w.spare.length % 250}`, ctx);
        w.spare.push(ctx);
      }
      const allowed = c.allowed.includes(who);
      const secretsBefore = secretsFor(who, 'action');
      const before = w.db.snapshot();
      const response = await run(ctx, c.key, page, c.args(who));
      const o: Outcome = { ...response, diff: changeSince(before), viaRoute: ROUTE_POST.test(c.key) };
      const what = `${name}(${c.title})`;
      for (const secret of secretsBefore) {
        if (allowed && (c.reveals?.() ?? []).includes(secret)) continue;
        expect.soft(o.body.includes(secret), `${what} as ${who} leaks "${secret}"`).toBe(false);
      }
      if (allowed) c.onAllowed?.(o, who);
      else (c.onRefused ?? expectRefused)(o, who);
    }
  });
}
