import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type APIRequestContext, request } from '@playwright/test';
import pg from 'pg';
import { type ActionResponse, callAction, manifestActions, npmRun, postJson } from './authz';
import { expect, test } from './fixtures';

// Two app servers, each its own process with its own data folder, on one PostgreSQL database:
// whatever one of them records (sessions, classes, drafts, submissions, rate-limit counts)
// the other one sees, because none of it lives in a process's memory. Each request below goes
// to the server that makes the point: signed in on one, recognized on the other; a draft
// saved on one, found on the other; a retry of a submission on the other server stored once;
// failed sign-ins spread over both counted against one limit; signed out on one, out on both.

const PG_URL = process.env.TEST_DATABASE_URL;
test.skip(!PG_URL, 'TEST_DATABASE_URL is not set: this test needs a PostgreSQL server (.ci/run starts one)');

// Ports of their own beside the suite's server (E2E_PORT), so parallel checkouts do not collide.
const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
const PORTS = [BASE_PORT + 201, BASE_PORT + 202] as const;
const LESSON = 'who-says-so';
const EXERCISE = 'who-says-so-attributions';
const SPAN = { label: 'sourcing', start: 412, end: 437, attribute: 'named-person' } as const;
/** SIGN_IN_ADDRESS_RULE.max in lib/server/sign-in-limits.ts (server-only): sign-in attempts per address, any email. */
const SIGN_IN_LIMIT = 30;

const tag = randomBytes(4).toString('hex');
const database = `close_read_two_${tag}`;
const servers: ChildProcess[] = [];
let dbUrl = '';
let admin: pg.Client;
let A = '';
let B = '';

/** The build's server action ids by file#export, read once the test runs. */
let ids: Map<string, string>;

function call(ctx: APIRequestContext, base: string, key: string, page: string, args: unknown[]) {
  const id = ids.get(key);
  if (!id) throw new Error(`${key} is not in the build's action manifest`);
  return callAction(ctx, base, id, `${base}${page}`, args);
}

async function must(ctx: APIRequestContext, base: string, key: string, page: string, args: unknown[]) {
  const response: ActionResponse = await call(ctx, base, key, page, args);
  expect(response.result, `${key} on ${base}: ${response.body.slice(0, 300)}`).toMatchObject({ ok: true });
  return response.result as Record<string, unknown>;
}

async function ready(base: string): Promise<void> {
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server at ${base} did not start`);
}

async function one<T>(sql: string, params: unknown[]): Promise<T> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const { rows } = await client.query(sql, params);
    expect(rows, sql).toHaveLength(1);
    return rows[0] as T;
  } finally {
    await client.end();
  }
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  ids = new Map(manifestActions().map((a) => [a.key, a.id]));
  admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const url = new URL(PG_URL as string);
  url.pathname = `/${database}`;
  dbUrl = url.toString();
  // The same secret for both, as a deployment of several servers must set it; nothing else shared.
  const secret = randomBytes(32).toString('hex');
  for (const port of PORTS) {
    const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build', '--hostname', '127.0.0.1'], {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: dbUrl,
        DATA_DIR: mkdtempSync(path.join(tmpdir(), `close-read-two-${port}-`)),
        BETTER_AUTH_SECRET: secret,
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    servers.push(child);
  }
  // Both start (and migrate the empty database) at the same moment.
  [A, B] = PORTS.map((p) => `http://127.0.0.1:${p}`) as [string, string];
  await Promise.all([ready(A), ready(B)]);
});

test.afterAll(async () => {
  for (const child of servers) child.kill('SIGTERM');
  await Promise.all(servers.map((c) => new Promise((r) => (c.exitCode === null ? c.once('exit', r) : r(null)))));
  await admin?.query(`drop database if exists ${database} with (force)`);
  await admin?.end();
});

test('sessions, classes, drafts, submissions and rate limits are shared by two servers on one PostgreSQL', async () => {
  const instructor = { email: `two-${tag}@school.example`, name: `Odile Two ${tag}`, password: `two servers ${tag}` };
  await npmRun(
    ['create-instructor', '--', '--email', instructor.email, '--name', instructor.name],
    { ...process.env, DATABASE_URL: dbUrl, NODE_ENV: 'production' },
    instructor.password,
  );
  const teacher = await request.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '10.77.0.1' } });
  const student = await request.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '10.77.0.2' } });
  const stranger = await request.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '10.77.0.3' } });
  try {
    // Signed in on A; B recognizes the session and makes the class; A makes the assignment.
    await must(teacher, A, 'app/instructor/account-actions.ts#signIn', '/instructor/sign-in', [
      { email: instructor.email, password: instructor.password },
    ]);
    const className = `Civics two servers ${tag}`;
    const made = await must(teacher, B, 'app/instructor/class-actions.ts#createClassAction', '/instructor', [
      { name: className },
    ]);
    const classId = String(made.classId);
    const home = await teacher.get(`${A}/instructor`);
    expect(await home.text()).toContain(className);
    await must(
      teacher,
      A,
      'app/instructor/class-actions.ts#createAssignmentsAction',
      `/instructor/classes/${classId}`,
      [
        classId,
        {
          lessonSlugs: [LESSON],
          opensDate: '',
          opensTime: '',
          dueDate: '',
          dueTime: '',
          timeZone: 'UTC',
          releasePolicy: 'on-submit',
          allowResubmit: false,
        },
      ],
    );
    const { join_code: joinCode } = await one<{ join_code: string }>('select join_code from class where id = $1', [
      classId,
    ]);
    const { id: assignmentId } = await one<{ id: string }>('select id from assignment where class_id = $1', [classId]);

    // The student joins on A, keeps a draft on B, and A hands the draft back.
    const displayName = `Pia ${tag}`;
    await must(student, A, 'app/join/actions.ts#joinClassAction', '/join', [{ joinCode, displayName }]);
    await must(student, B, 'app/lessons/classroom-actions.ts#saveDraftToClass', `/lessons/${LESSON}`, [
      { exerciseId: EXERCISE, answers: [{ id: 'd1', ...SPAN }] },
    ]);
    const opened = await student.get(`${A}/api/classroom/${EXERCISE}`);
    expect(opened.status()).toBe(200);
    expect(await opened.json()).toMatchObject({ assignmentId, draft: [{ start: SPAN.start, end: SPAN.end }] });

    // Submitted on A; the same submission retried on B is the same submission, stored once.
    const clientId = randomUUID();
    const submission = { exerciseId: EXERCISE, clientId, answers: [SPAN] };
    const first = await postJson(student, A, '/api/submissions', submission);
    const retry = await postJson(student, B, '/api/submissions', submission);
    expect(first.result, first.body.slice(0, 300)).toMatchObject({ ok: true });
    expect(retry.result).toEqual(first.result);
    const stored = await one<{ n: string }>('select count(*) as n from submission where client_id = $1', [clientId]);
    expect(Number(stored.n)).toBe(1);
    const review = await teacher.get(`${B}/instructor/assignments/${assignmentId}/review`);
    expect(await review.text()).toContain(displayName);

    // Failed sign-ins from one address, alternating between the servers, meet one limit.
    for (let i = 0; i < SIGN_IN_LIMIT; i++) {
      const wrong = await call(
        stranger,
        i % 2 ? A : B,
        'app/instructor/account-actions.ts#signIn',
        '/instructor/sign-in',
        [{ email: `nobody-${i}-${tag}@school.example`, password: 'not the password at all' }],
      );
      expect(wrong.result, `attempt ${i + 1}`).toMatchObject({
        ok: false,
        message: 'The email or password is not right.',
      });
    }
    for (const base of [A, B]) {
      const over = await call(stranger, base, 'app/instructor/account-actions.ts#signIn', '/instructor/sign-in', [
        { email: `nobody-last-${tag}@school.example`, password: 'not the password at all' },
      ]);
      expect(over.result).toMatchObject({ ok: false, message: expect.stringContaining('Too many sign-in attempts') });
    }

    // Signed out on B: the session is gone on A too.
    await call(teacher, B, 'app/account/actions.ts#signOut', '/instructor', []);
    const after = await teacher.get(`${A}/instructor`);
    expect(await after.text()).not.toContain(className);
    expect(after.url()).toContain('/instructor/sign-in');
  } finally {
    await Promise.all([teacher.dispose(), student.dispose(), stranger.dispose()]);
  }
});
