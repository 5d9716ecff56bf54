import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from '@playwright/test';
import Database from 'better-sqlite3';
import { parseDocument, stringify } from 'yaml';
import { type ActionResponse, callAction, manifestActions, npmRun, postJson } from './authz';
import { expect, test } from './fixtures';
import { keyItems } from './helpers';

// Plants a unique marker in every explanation and "how to check" of every key, builds the app
// from that content, and crawls everything a student can load before submitting: pages, their
// RSC payloads and every JavaScript chunk of the build. No marker may appear. After submitting,
// the markers must appear, which proves they were live.
// A port of its own beside the suite's server (E2E_PORT), so parallel checkouts do not collide.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 90;
const DIST = '.next-leak';
const BASE = `http://127.0.0.1:${PORT}`;

test.describe.configure({ mode: 'serial', timeout: 420_000 });

const marker = `KEYLEAK${randomBytes(6).toString('hex')}`;
let server: ReturnType<typeof spawn> | undefined;
let dataDir = '';

type Ctx = Awaited<ReturnType<typeof request.newContext>>;

/**
 * A call of a server action of the marked build, by its manifest key, that must succeed: its
 * answer is `{ ok: true, … }`, or (`strict` false) at least not a refusal.
 */
function markedAction({
  strict,
}: {
  strict: boolean;
}): (ctx: Ctx, key: string, page: string, args: unknown[]) => Promise<ActionResponse> {
  const actions = new Map(manifestActions(DIST).map((a) => [a.key, a.id]));
  return async (ctx, key, page, args) => {
    const id = actions.get(key);
    if (!id) throw new Error(`${key} is not in the marked build`);
    const response = await callAction(ctx, BASE, id, page, args);
    const what = `${key}: ${response.body.slice(0, 300)}`;
    if (strict) expect(response.result, what).toMatchObject({ ok: true });
    else expect(response.result, what).not.toMatchObject({ ok: false });
    return response;
  };
}

/** A new instructor, made with `npm run create-instructor` in the server's database. */
async function newTeacher(tag: string, name: string): Promise<{ email: string; password: string }> {
  const teacher = {
    email: `${name.toLowerCase().replace(/\W+/g, '-')}-${tag}@school.example`,
    password: `${name} ${tag}`,
  };
  await npmRun(
    ['create-instructor', '--', '--email', teacher.email, '--name', `${name} ${tag}`],
    { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'production', DATABASE_URL: '' },
    teacher.password,
  );
  return teacher;
}

/** A class of the signed-in teacher's, with lesson 1 assigned and its key released by hand; its id. */
async function classWithLessonOne(
  act: ReturnType<typeof markedAction>,
  teacherCtx: Ctx,
  name: string,
): Promise<string> {
  const created = await act(teacherCtx, 'app/instructor/class-actions.ts#createClassAction', '/instructor', [{ name }]);
  const classId = String((created.result as { classId: string }).classId);
  await act(teacherCtx, 'app/instructor/class-actions.ts#createAssignmentsAction', `/instructor/classes/${classId}`, [
    classId,
    {
      lessonSlugs: ['who-says-so'],
      opensDate: '',
      opensTime: '',
      dueDate: '',
      dueTime: '',
      timeZone: 'UTC',
      releasePolicy: 'manual',
      allowResubmit: false,
    },
  ]);
  return classId;
}

function plantMarkers(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'close-read-leak-'));
  cpSync('content', dir, { recursive: true });
  const keys = path.join(dir, 'keys');
  let n = 0;
  for (const file of readdirSync(keys)) {
    const doc = parseDocument(readFileSync(path.join(keys, file), 'utf8'));
    const items = doc.get('items') as { items: { set: (k: string, v: string) => void; get: (k: string) => unknown }[] };
    for (const item of items.items) {
      n++;
      item.set('explanation', `${String(item.get('explanation'))} ${marker}e${n}`);
      if (item.get('check')) item.set('check', `${String(item.get('check'))} ${marker}c${n}`);
    }
    writeFileSync(path.join(keys, file), doc.toString({ lineWidth: 0 }));
  }
  expect(n).toBeGreaterThan(500);
  // Model answers of the lessons' written questions, in the lessons' front matter.
  const lessons = path.join(dir, 'lessons');
  let m = 0;
  for (const file of readdirSync(lessons)) {
    const source = readFileSync(path.join(lessons, file), 'utf8');
    const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
    const doc = parseDocument(front);
    const questions = doc.get('questions') as {
      items: { set: (k: string, v: string) => void; get: (k: string) => unknown }[];
    };
    for (const q of questions?.items ?? []) {
      m++;
      q.set('model', `${String(q.get('model'))} ${marker}m${m}`);
    }
    writeFileSync(path.join(lessons, file), `---\n${doc.toString({ lineWidth: 0 })}---\n${body}`);
  }
  expect(m).toBeGreaterThan(10);
  return dir;
}

test.beforeAll(async () => {
  // A second production build: give it room on a busy machine.
  test.setTimeout(420_000);
  const contentDir = plantMarkers();
  const env = { ...process.env, CONTENT_DIR: contentDir, NEXT_DIST_DIR: DIST };
  const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { env, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  // The build's last step, as `npm run build` makes it (decision 19).
  const textFirst = spawnSync(process.execPath, ['scripts/text-first.mjs'], { env, encoding: 'utf8' });
  expect(textFirst.status, textFirst.stderr).toBe(0);
  dataDir = mkdtempSync(path.join(tmpdir(), 'close-read-leak-data-'));
  server = spawn(process.execPath, ['scripts/start.mjs', '--no-build', '--hostname', '127.0.0.1'], {
    env: { ...env, PORT: String(PORT), DATA_DIR: dataDir, NODE_ENV: 'production' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the marked build did not start');
});

test.afterAll(() => {
  server?.kill('SIGTERM');
});

function pages(): string[] {
  const articles = readdirSync('content/articles').map((f) => f.replace(/\.yaml$/, ''));
  const lessons = readdirSync('content/lessons').map((f) => f.replace(/^\d{2}\.|\.mdx$/g, ''));
  return [
    '/',
    '/articles',
    '/lessons',
    '/join',
    '/resume',
    '/class',
    ...articles.flatMap((a) => [`/articles/${a}`, `/articles/${a}/practice`]),
    ...lessons.map((l) => `/lessons/${l}`),
    ...lessons.map((l) => `/lessons/${l}/key`),
  ];
}

test('no key text is in any page, RSC payload or chunk before submitting', async () => {
  const leaks: string[] = [];
  const check = (where: string, body: string) => {
    if (body.includes(marker)) leaks.push(`${where}: marker`);
    if (/"explanation"\s*:/.test(body)) leaks.push(`${where}: key structure`);
  };
  let crawled = 0;
  for (const page of pages()) {
    const html = await (await fetch(BASE + page)).text();
    check(page, html);
    const rsc = await (await fetch(BASE + page, { headers: { RSC: '1' } })).text();
    check(`${page} (RSC)`, rsc);
    // The script files a page names: in its tags, and in the list its loader asks for after the first paint.
    const named = new Set([...html.matchAll(/"(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1] as string));
    expect(named.size, `${page} names its script files`).toBeGreaterThan(2);
    for (const file of named) check(file, await (await fetch(new URL(file, BASE))).text());
    crawled++;
  }
  const chunks = path.join(DIST, 'static', 'chunks');
  const files = readdirSync(chunks, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js'));
  for (const file of files) check(`chunk ${file}`, readFileSync(path.join(chunks, file), 'utf8'));
  expect(crawled).toBe(pages().length);
  expect(files.length).toBeGreaterThan(5);
  expect(leaks).toEqual([]);
});

test('after submitting, the comparison carries the (marked) key', async ({ page }) => {
  await page.goto(`${BASE}/lessons/who-says-so`);
  const exercise = page.locator('[data-exercise="who-says-so-attributions"]');
  await exercise.getByRole('button', { name: 'Submit my labels' }).click();
  await exercise.getByRole('button', { name: 'Submit with no labels' }).click();
  await expect(exercise.getByRole('region', { name: 'Your labels and the key' })).toContainText(marker);
});

test('a student’s own data export, written answers and their review hold no key, model answer or comment before release', async () => {
  const act = markedAction({ strict: true });
  const tag = randomBytes(4).toString('hex');
  const teacher = await newTeacher(tag, 'Leak Teacher');
  const teacherCtx = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { 'X-Forwarded-For': '10.77.0.1' } });
  const studentCtx = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { 'X-Forwarded-For': '10.77.0.2' } });
  const db = new Database(path.join(dataDir, 'close-read.db'), { readonly: true });
  try {
    await act(teacherCtx, 'app/instructor/account-actions.ts#signIn', '/instructor/sign-in', [teacher]);
    const classId = await classWithLessonOne(act, teacherCtx, `Leak class ${tag}`);
    const row = (sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as Record<string, string>;
    const { join_code: joinCode } = row('select join_code from class where id = ?', classId);
    await act(studentCtx, 'app/join/actions.ts#joinClassAction', '/join', [{ joinCode, displayName: `Sol ${tag}` }]);
    const { id: studentId } = row('select id from student where class_id = ?', classId);
    const { id: assignmentId } = row('select id from assignment where class_id = ?', classId);
    // The student labels every attribution of the key exactly, and submits.
    const answers = keyItems('un-envoy-us-cooperation')
      .filter((k) => k.label === 'sourcing' && !k.optional)
      .map(({ label, start, end }) => ({ label, start, end }));
    expect(answers.length).toBeGreaterThan(5);
    const submitted = await postJson(studentCtx, BASE, '/api/submissions', {
      exerciseId: 'who-says-so-attributions',
      clientId: crypto.randomUUID(),
      answers,
    });
    expect(submitted.result, submitted.body.slice(0, 300)).toMatchObject({ ok: true, graded: null });
    expect(submitted.body, 'the key is held back').not.toContain(marker);
    const { id: submissionId } = row('select id from submission where student_id = ?', studentId);
    const comment = `${marker}comment`;
    await act(
      teacherCtx,
      'app/instructor/assignments/[assignmentId]/students/[studentId]/actions.ts#addCommentAction',
      `/instructor/assignments/${assignmentId}/students/${studentId}`,
      [assignmentId, submissionId, { span: '', body: comment }],
    );

    // A written answer before release: stored for the teacher, and no model answer comes back;
    // the teacher's review of it (marked) waits for the release too.
    const answered = await act(studentCtx, 'app/lessons/question-actions.ts#answerQuestion', '/lessons/who-says-so', [
      {
        questionId: 'who-says-so-q-vague',
        answer: 'Press TV names an outlet and a speaker, so I could look up the record of the speech myself.',
      },
    ]);
    expect(answered.body).not.toContain(marker);
    expect((answered.result as { model: unknown }).model).toBeNull();
    const { id: answerId } = row('select id from question_answer where student_id = ?', studentId);
    await act(
      teacherCtx,
      'app/instructor/assignments/[assignmentId]/grades/actions.ts#reviewAnswerAction',
      `/instructor/assignments/${assignmentId}/grades`,
      [assignmentId, answerId, { status: 'revise', comment: `${marker}answer-review` }],
    );
    const feedbackBefore = await (await studentCtx.get(`/feedback/${assignmentId}`)).text();
    expect(feedbackBefore).not.toContain(marker);

    const exportUrl = `/instructor/classes/${classId}/students/${studentId}/export`;
    const before = await studentCtx.get(exportUrl);
    expect(before.status()).toBe(200);
    const text = await before.text();
    expect(text).not.toContain(marker);
    expect(text).not.toMatch(/"explanation"\s*:/);
    expect(text).not.toMatch(/"items"\s*:/);
    const held = JSON.parse(text) as {
      submissions: { score: unknown; keyReleased: boolean }[];
      comments: unknown[];
      writtenAnswers: { answer: string; teacherComment: unknown }[];
    };
    expect(held.writtenAnswers).toEqual([expect.objectContaining({ teacherComment: null, reviewStatus: null })]);
    expect(held.submissions).toEqual([expect.objectContaining({ score: null, keyReleased: false })]);
    expect(held.comments).toEqual([]);

    // Released: the same export now carries the score and the (marked) comment, so the
    // checks above were made on live data.
    await act(teacherCtx, 'app/instructor/class-actions.ts#releaseKeyAction', `/instructor/classes/${classId}`, [
      assignmentId,
    ]);
    const after = await (await studentCtx.get(exportUrl)).text();
    expect(after).toContain(comment);
    expect(after).toMatch(/"items"\s*:/);
    expect(await (await studentCtx.get(`/feedback/${assignmentId}`)).text()).toContain(`${marker}answer-review`);
    const again = await act(studentCtx, 'app/lessons/question-actions.ts#answerQuestion', '/lessons/who-says-so', [
      {
        questionId: 'who-says-so-q-vague',
        answer: 'Press TV names an outlet and a speaker, so I could look up the record of the speech myself.',
      },
    ]);
    expect(again.body, 'the (marked) model answer after release').toContain(marker);
  } finally {
    db.close();
    await teacherCtx.dispose();
    await studentCtx.dispose();
  }
});

test('an explanation edited in a class’s key reaches the class’s student only after release', async ({ page }) => {
  const act = markedAction({ strict: false });
  const tag = randomBytes(4).toString('hex');
  const edited = `${marker}class-edit`;
  const teacher = await newTeacher(tag, 'Edit Teacher');
  const teacherCtx = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { 'X-Forwarded-For': '10.78.0.1' } });
  const studentCtx = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { 'X-Forwarded-For': '10.78.0.2' } });
  const db = new Database(path.join(dataDir, 'close-read.db'), { readonly: true });
  try {
    await act(teacherCtx, 'app/instructor/account-actions.ts#signIn', '/instructor/sign-in', [teacher]);
    const classId = await classWithLessonOne(act, teacherCtx, `Edit class ${tag}`);
    // The teacher edits the first item's explanation in the key editor, in a browser.
    await page
      .context()
      .addCookies((await teacherCtx.storageState()).cookies.map((c) => ({ ...c, domain: '127.0.0.1' })));
    await page.goto(`${BASE}/instructor/classes/${classId}/key/who-says-so-attributions`);
    await page.getByRole('list', { name: 'Key items' }).getByRole('button').first().click();
    await page.getByLabel(/^Explanation/).fill(`The class’s own reading of this attribution. ${edited}.`);
    await page.getByRole('button', { name: 'Apply to this item' }).click();
    await page.getByRole('button', { name: 'Save the key' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Saved as version 1/ })).toBeVisible();

    const row = (sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as Record<string, string>;
    const { join_code: joinCode } = row('select join_code from class where id = ?', classId);
    await act(studentCtx, 'app/join/actions.ts#joinClassAction', '/join', [{ joinCode, displayName: `Ed ${tag}` }]);
    const { id: assignmentId } = row('select id from assignment where class_id = ?', classId);
    const answers = keyItems('un-envoy-us-cooperation')
      .filter((k) => k.label === 'sourcing' && !k.optional)
      .map(({ label, start, end }) => ({ label, start, end }));
    const submitted = await postJson(studentCtx, BASE, '/api/submissions', {
      exerciseId: 'who-says-so-attributions',
      clientId: crypto.randomUUID(),
      answers,
    });
    expect(submitted.result, submitted.body.slice(0, 300)).toMatchObject({ ok: true, graded: null });
    expect(submitted.body).not.toContain(edited);
    // The exercise's classroom state, as the page asks for it after load.
    const open = async () => (await studentCtx.get(`${BASE}/api/classroom/who-says-so-attributions`)).text();
    expect(await open()).not.toContain(edited);
    for (const where of ['/lessons/who-says-so', '/class', `/feedback/${assignmentId}`]) {
      expect(await (await studentCtx.get(where)).text(), where).not.toContain(edited);
      expect(await (await studentCtx.get(where, { headers: { RSC: '1' } })).text(), where).not.toContain(edited);
    }
    // Free practice on the same article by the student is refused while the key is held.
    const practice = await postJson(studentCtx, BASE, '/api/submissions', {
      exerciseId: 'practice-un-envoy-us-cooperation',
      clientId: crypto.randomUUID(),
      answers: [],
    });
    expect(practice.result).toMatchObject({ ok: false, message: expect.stringMatching(/not released its key yet/) });
    expect(practice.body).not.toContain(edited);

    await act(teacherCtx, 'app/instructor/class-actions.ts#releaseKeyAction', `/instructor/classes/${classId}`, [
      assignmentId,
    ]);
    expect(await open(), 'the edited (marked) explanation after release').toContain(edited);
  } finally {
    db.close();
    await teacherCtx.dispose();
    await studentCtx.dispose();
  }
});

test('an own article’s key reaches only its class, on release: never a self-guided reader or another class', async () => {
  const must = markedAction({ strict: true });
  const tag = randomBytes(4).toString('hex');
  const ownMarker = `${marker}own${tag}`;
  const teacher = await newTeacher(tag, 'Own Leak Teacher');
  const ctx = (n: number) =>
    request.newContext({ baseURL: BASE, extraHTTPHeaders: { 'X-Forwarded-For': `10.78.${n}.${n}` } });
  const [teacherCtx, classmateCtx, outsiderCtx, readerCtx] = await Promise.all([ctx(1), ctx(2), ctx(3), ctx(4)]);
  const db = new Database(path.join(dataDir, 'close-read.db'), { readonly: true });
  try {
    await must(teacherCtx, 'app/instructor/account-actions.ts#signIn', '/instructor/sign-in', [teacher]);
    // The article and its key (the marker in an explanation), imported from a file.
    const text = `Officials said the harbor plan failed ${tag}.\nCritics slammed the reckless scheme.`;
    const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    const file = `${stringify({
      slug: 'harbor',
      title: `Harbor ${tag}`,
      outlet: 'The Example Courier',
      date: '2026-11-30',
      provenance: 'Written for the key-leak test.',
      sha256,
      text,
    })}---\n${stringify({
      article: 'harbor',
      sha256,
      items: [
        {
          label: 'sourcing',
          quote: 'Officials said',
          kind: 'vague',
          explanation: `No one is named here. ${ownMarker}`,
        },
      ],
    })}`;
    await must(teacherCtx, 'app/instructor/articles/actions.ts#importArticleAction', '/instructor/articles', [
      { file },
    ]);
    const row = (sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as Record<string, string>;
    const { id: articleId } = row('select id from own_article where title = ?', `Harbor ${tag}`);
    // Two classes of the teacher's; the article is assigned to the first, its key shown on submitting.
    const classIds: string[] = [];
    for (const name of [`Own class ${tag}`, `Other class ${tag}`]) {
      const created = await must(teacherCtx, 'app/instructor/class-actions.ts#createClassAction', '/instructor', [
        { name },
      ]);
      classIds.push(String((created.result as { classId: string }).classId));
    }
    await must(
      teacherCtx,
      'app/instructor/articles/actions.ts#createOwnAssignmentAction',
      `/instructor/articles/${articleId}`,
      [
        articleId,
        {
          classId: classIds[0],
          instructions: 'Label every attribution.',
          labels: ['sourcing'],
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
    const { id: assignmentId } = row('select id from assignment where own_article_id = ?', articleId);
    const exerciseId = `own-${assignmentId}`;
    for (const [student, classId] of [
      [classmateCtx, classIds[0]],
      [outsiderCtx, classIds[1]],
    ] as const) {
      const { join_code: joinCode } = row('select join_code from class where id = ?', classId);
      await must(student, 'app/join/actions.ts#joinClassAction', '/join', [{ joinCode, displayName: `S ${tag}` }]);
    }
    const submit = (who: typeof readerCtx) =>
      postJson(who, BASE, '/api/submissions', {
        exerciseId,
        clientId: crypto.randomUUID(),
        answers: [{ label: 'sourcing', start: 0, end: 14 }],
      });
    // A self-guided reader and a student of the other class: no page, no grading, no key.
    for (const who of [readerCtx, outsiderCtx]) {
      for (const page of [
        '/class',
        `/class/assignments/${assignmentId}`,
        '/instructor/articles',
        `/instructor/articles/${articleId}/export`,
      ]) {
        expect(await (await who.get(page)).text()).not.toContain(ownMarker);
        expect(await (await who.get(page, { headers: { RSC: '1' } })).text()).not.toContain(ownMarker);
      }
      const graded = await submit(who);
      expect(graded.result).toMatchObject({ ok: false });
      expect(graded.body).not.toContain(ownMarker);
    }
    // The class's student: the exercise's page holds no key; submitting shows it (on-submit), so the marker was live.
    const exercisePage = await (await classmateCtx.get(`/class/assignments/${assignmentId}`)).text();
    expect(exercisePage).toContain(`Harbor ${tag}`);
    expect(exercisePage).not.toContain(ownMarker);
    const graded = await submit(classmateCtx);
    expect(graded.result).toMatchObject({ ok: true, graded: { exerciseId } });
    expect(graded.body).toContain(ownMarker);
  } finally {
    db.close();
    await Promise.all([teacherCtx, classmateCtx, outsiderCtx, readerCtx].map((c) => c.dispose()));
  }
});
