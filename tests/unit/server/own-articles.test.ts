import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { getArticle } from '@/lib/content/articles';
import { getKey } from '@/lib/content/keys';
import type { Actor } from '@/lib/server/actor';
import { gradeForActor, openClassroomExercise } from '@/lib/server/classroom-grading';
import { deleteAssignment } from '@/lib/server/data/assignment-control';
import { archiveClass, createClass } from '@/lib/server/data/classes';
import {
  copyOwnArticle,
  replaceOwnArticleText,
  saveOwnKey,
  saveOwnKeyFromEditor,
} from '@/lib/server/data/own-article-edit';
import { exportOwnArticle, exportShippedArticle, importArticleFile } from '@/lib/server/data/own-article-files';
import { ownExerciseId } from '@/lib/server/data/own-article-source';
import { createOwnArticle, deleteOwnArticle, getOwnArticle, listOwnArticles } from '@/lib/server/data/own-articles';
import { type CreateOwnAssignmentInput, createOwnAssignment } from '@/lib/server/data/own-assignments';
import type { Db } from '@/lib/server/db/client';
import { toStoredItem } from '@/lib/server/keys/overlay';
import { keyResolver } from '@/lib/server/keys/resolve';
import { writeKeyVersion } from '@/lib/server/keys/store';
import type { OwnArticleInput } from '@/lib/validation/own-article';
import { describeEachEngine } from './db-harness';
import { ANONYMOUS, makeClassAssignment, makeInstructor, makeStudent, must } from './fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const TEXT = 'Officials said the plan failed.\r\nCritics slammed the reckless scheme, reports said.\u0007\tEnd.';
const INPUT: OwnArticleInput = {
  title: 'A plan fails',
  outlet: 'The Daily Example',
  author: '',
  published: '2026-11-30',
  sourceUrl: 'https://news.example/plan',
  provenance: 'Pasted from the outlet’s page for class use.',
  text: TEXT,
};
const ITEMS = [
  {
    start: 0,
    end: 14,
    label: 'sourcing',
    kind: 'vague',
    explanation: 'No official is named: the reader cannot tell who said it.',
  },
  {
    start: 40,
    end: 47,
    label: 'loaded-language',
    voice: 'outlet',
    explanation: 'Slammed is chosen to make criticism sound violent; criticised is neutral.',
    accept: ['unverifiable-claim'],
  },
  {
    start: 15,
    end: 31,
    label: 'unverifiable-claim',
    basis: 'vague-source',
    explanation: 'The failure rests on unnamed officials; the article gives nothing to check.',
    check: 'Look for the agency’s own report on the plan.',
    optional: true,
  },
];

async function rowCounts(db: Db) {
  const articles = await db
    .selectFrom('own_article')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const items = await db
    .selectFrom('own_key_item')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return [Number(articles?.n), Number(items?.n)];
}

/** An assignment of the article to the class: attributions only, the key released by hand, unless changed. */
async function assign(
  db: Db,
  teacher: Actor,
  articleId: string,
  classId: string,
  change: Partial<CreateOwnAssignmentInput> = {},
) {
  return must(
    await createOwnAssignment(
      teacher,
      articleId,
      {
        classId,
        instructions: 'Label every attribution.',
        labels: ['sourcing'],
        opensAt: null,
        dueAt: null,
        releasePolicy: 'manual',
        allowResubmit: false,
        ...change,
      },
      db,
    ),
  );
}

describeEachEngine('own articles', (h) => {
  it('are stored normalized with their SHA-256 and seen by their instructor only', async () => {
    const teacher = await makeInstructor(h.db, 'Owner');
    const other = await makeInstructor(h.db, 'Other');
    const { id } = must(await createOwnArticle(teacher, INPUT, h.db));
    const article = must(await getOwnArticle(teacher, id, h.db));
    expect(article.text).toBe(
      'Officials said the plan failed.\nCritics slammed the reckless scheme, reports said.\tEnd.',
    );
    expect(article.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(article).toMatchObject({ author: null, keyVersion: 1, items: [], locked: false });
    expect(must(await listOwnArticles(teacher, h.db)).map((a) => a.title)).toEqual(['A plan fails']);
    expect(must(await listOwnArticles(other, h.db))).toEqual([]);
    expect(await getOwnArticle(other, id, h.db)).toMatchObject({ ok: false, error: 'not-found' });
    expect(await getOwnArticle(ANONYMOUS, id, h.db)).toMatchObject({ ok: false, error: 'forbidden' });
    const { actor: student } = await makeStudent(h.db, (await makeClassAssignment(h.db)).klass.joinCode);
    expect(await getOwnArticle(student, id, h.db)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await exportOwnArticle(other, id, h.db)).toMatchObject({ ok: false, error: 'not-found' });
    expect(await copyOwnArticle(other, id, h.db)).toMatchObject({ ok: false, error: 'not-found' });
    expect(await saveOwnKey(other, id, { version: 1, items: ITEMS }, h.db)).toMatchObject({
      ok: false,
      error: 'not-found',
    });
    expect(await createOwnArticle(student, INPUT, h.db)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await importArticleFile(ANONYMOUS, 'x', h.db)).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('refuse bad input naming the field, and store nothing', async () => {
    const teacher = await makeInstructor(h.db);
    const cases: [Partial<OwnArticleInput>, RegExp][] = [
      [{ text: 'x'.repeat(100_001) }, /text: The text has 100,001 characters; at most 100,000/],
      [{ text: ' \r\n\u0001 ' }, /text: Paste the article’s text: it is empty/],
      [{ title: 'T'.repeat(201) }, /title: The title may have at most 200 characters/],
      [{ title: 'Plan <script>alert(1)</script>' }, /title: The title must be plain text/],
      [{ text: 'A <img src=x onerror=alert(1)> text' }, /text: The text must be plain text/],
      [{ provenance: 'Mine <b>here</b> and there' }, /provenance: The provenance and licence note must be plain text/],
      [{ sourceUrl: 'javascript:alert(1)' }, /sourceUrl: The source address must be a web address/],
    ];
    for (const [change, message] of cases) {
      const result = await createOwnArticle(teacher, { ...INPUT, ...change }, h.db);
      expect(result.ok, JSON.stringify(change).slice(0, 60)).toBe(false);
      if (!result.ok) expect(result.message).toMatch(message);
    }
    expect(await rowCounts(h.db)).toEqual([0, 0]);
  });

  it('keep a key written by offsets, refusing offsets outside the text and a stale version', async () => {
    const teacher = await makeInstructor(h.db);
    const { id } = must(await createOwnArticle(teacher, INPUT, h.db));
    expect(must(await saveOwnKey(teacher, id, { version: 1, items: ITEMS }, h.db))).toEqual({
      version: 2,
      rescored: { classes: [], submissions: 0, studentsChanged: 0 },
    });
    const article = must(await getOwnArticle(teacher, id, h.db));
    expect(article.items.map((i) => [i.id, i.quote, i.start, i.end])).toEqual([
      ['sourcing-1', 'Officials said', 0, 14],
      ['unverifiable-claim-1', 'the plan failed.', 15, 31],
      ['loaded-language-1', 'slammed', 40, 47],
    ]);
    expect(article.keyVersion).toBe(2);
    const outside = await saveOwnKey(teacher, id, { version: 2, items: [{ ...ITEMS[0], start: 80, end: 900 }] }, h.db);
    expect(outside).toMatchObject({ ok: false, error: 'invalid' });
    expect(!outside.ok && outside.message).toMatch(
      /field "items.0.end": the offsets 80-900 are outside the text \(0 to 87\)/,
    );
    const noExplanation = await saveOwnKey(
      teacher,
      id,
      { version: 2, items: [{ ...ITEMS[0], explanation: '' }] },
      h.db,
    );
    expect(!noExplanation.ok && noExplanation.message).toMatch(/field "items.0.explanation"/);
    const markup = await saveOwnKey(
      teacher,
      id,
      { version: 2, items: [{ ...ITEMS[0], explanation: '<script>alert(1)</script> No official is named here.' }] },
      h.db,
    );
    expect(!markup.ok && markup.message).toMatch(/field "items.0.explanation": must be plain text/);
    const tooMany = await saveOwnKey(
      teacher,
      id,
      { version: 2, items: Array.from({ length: 2001 }, () => ITEMS[0]) },
      h.db,
    );
    expect(!tooMany.ok && tooMany.message).toMatch(/field "items": at most 2000 items/);
    // A second tab that read version 1 is refused, not merged silently.
    expect(await saveOwnKey(teacher, id, { version: 1, items: [] }, h.db)).toMatchObject({
      ok: false,
      error: 'conflict',
      message: expect.stringContaining('Reload'),
    });
    expect(await rowCounts(h.db)).toEqual([1, 3]);
  });

  it('take the key editor’s list, refusing by field and refusing a stale version', async () => {
    const teacher = await makeInstructor(h.db);
    const { id } = must(await createOwnArticle(teacher, INPUT, h.db));
    const item = {
      id: 'new-1',
      label: 'sourcing',
      start: 0,
      end: 14,
      attribute: 'vague',
      explanation: 'No official is named: the reader cannot tell who said it.',
      check: null,
      record: null,
      optional: false,
      accept: [],
    };
    expect(await saveOwnKeyFromEditor(teacher, id, { baseVersion: 1, items: [item], note: '' }, h.db)).toEqual({
      ok: true,
      value: { version: 2, rescored: { classes: [], submissions: 0, studentsChanged: 0 } },
    });
    const noKind = await saveOwnKeyFromEditor(
      teacher,
      id,
      { baseVersion: 2, items: [{ ...item, attribute: null }], note: '' },
      h.db,
    );
    expect(noKind).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: { 'items.0.kind': [expect.any(String)] },
    });
    expect(await saveOwnKeyFromEditor(teacher, id, { baseVersion: 1, items: [], note: '' }, h.db)).toMatchObject({
      ok: false,
      error: 'conflict',
    });
    expect(must(await getOwnArticle(teacher, id, h.db)).items.map((i) => i.quote)).toEqual(['Officials said']);
  });

  it('export then import gives back the same article and items, as a new article of the importer', async () => {
    const teacher = await makeInstructor(h.db);
    const { id } = must(await createOwnArticle(teacher, { ...INPUT, author: 'A. Writer' }, h.db));
    must(await saveOwnKey(teacher, id, { version: 1, items: ITEMS }, h.db));
    const file = must(await exportOwnArticle(teacher, id, h.db));
    expect(file.filename).toBe('a-plan-fails.yaml');
    const other = await makeInstructor(h.db, 'Colleague');
    const copy = must(await importArticleFile(other, file.yaml, h.db));
    const [a, b] = [must(await getOwnArticle(teacher, id, h.db)), must(await getOwnArticle(other, copy.id, h.db))];
    const same = ({ title, outlet, author, published, sourceUrl, provenance, text, sha256, items }: typeof a) => ({
      title,
      outlet,
      author,
      published,
      sourceUrl,
      provenance,
      text,
      sha256,
      items,
    });
    expect(same(b)).toEqual(same(a));
    expect(must(await exportOwnArticle(other, copy.id, h.db)).yaml).toBe(file.yaml);
    // `npm run check-key` accepts the exported file.
    const dir = mkdtempSync(path.join(tmpdir(), 'close-read-own-export-'));
    writeFileSync(path.join(dir, file.filename), file.yaml);
    const run = spawnSync(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      ['--conditions=react-server', 'scripts/check-key.ts', path.join(dir, file.filename)],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('3 items: sourcing 1, unverifiable-claim 1, loaded-language 1');
    expect(run.status).toBe(0);
  });

  it('import a shipped article’s export with its whole key', async () => {
    const teacher = await makeInstructor(h.db);
    const file = must(exportShippedArticle(teacher, 'un-envoy-us-cooperation'));
    const { id } = must(await importArticleFile(teacher, file.yaml, h.db));
    const article = must(await getOwnArticle(teacher, id, h.db));
    expect(article.text).toBe(getArticle('un-envoy-us-cooperation')?.text);
    // The same items at the same places; a quote's prefix or suffix is the shortest that
    // makes it unique, which may be shorter than the one the shipped file's author chose.
    const spans = (items: readonly object[]) =>
      items.map(({ prefix: _p, suffix: _s, ...rest }: { prefix?: string; suffix?: string }) => rest);
    expect(spans(article.items)).toEqual(spans(getKey('un-envoy-us-cooperation')?.items ?? []));
    expect(article.items).toHaveLength(getKey('un-envoy-us-cooperation')?.items.length ?? -1);
    expect(exportShippedArticle(ANONYMOUS, 'un-envoy-us-cooperation')).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('refuse a bad import naming the field, and store nothing', async () => {
    const teacher = await makeInstructor(h.db);
    const { id } = must(await createOwnArticle(teacher, INPUT, h.db));
    must(await saveOwnKey(teacher, id, { version: 1, items: ITEMS }, h.db));
    const good = must(await exportOwnArticle(teacher, id, h.db)).yaml;
    const before = await rowCounts(h.db);
    const cases: [string, RegExp][] = [
      ['title: [unclosed\n', /not valid YAML/],
      [good.replace('quote: slammed', 'quote: slammd'), /key item \d+ \(loaded-language "slammd"\): quote not found/],
      [
        good.replace('title: A plan fails', `title: ${'T'.repeat(201)}`),
        /field "article.title": must have at most 200/,
      ],
      [good.replace('title: A plan fails', 'title: A plan <b>fails</b>'), /field "article.title": must be plain text/],
    ];
    for (const [source, message] of cases) {
      const result = await importArticleFile(teacher, source, h.db);
      expect(result).toMatchObject({ ok: false, error: 'invalid' });
      expect(!result.ok && result.message).toMatch(message);
    }
    expect(await rowCounts(h.db)).toEqual(before);
  });

  it('change their text until a submission exists, then only a copy', async () => {
    const teacher = await makeInstructor(h.db);
    const { id } = must(await createOwnArticle(teacher, INPUT, h.db));
    must(await saveOwnKey(teacher, id, { version: 1, items: ITEMS }, h.db));
    // A text where "slammed" is gone: the key would lose an item, so nothing changes.
    const lost = await replaceOwnArticleText(teacher, id, 'Officials said the plan failed. Critics spoke.', h.db);
    expect(!lost.ok && lost.message).toMatch(/quote not found: "slammed"/);
    must(await replaceOwnArticleText(teacher, id, `Update. ${INPUT.text}`, h.db));
    const moved = must(await getOwnArticle(teacher, id, h.db));
    expect(moved.items.map((i) => i.start)).toEqual([8, 23, 48]);
    expect(moved.keyVersion).toBe(3);
    // A submission on an assignment of the article locks its text.
    const klass = must(await createClass(teacher, { name: 'Period 2' }, h.db));
    const assignment = await assign(h.db, teacher, id, klass.id);
    const { actor } = await makeStudent(h.db, klass.joinCode);
    const submitted = await gradeForActor(
      actor,
      { exerciseId: ownExerciseId(assignment.id), clientId: crypto.randomUUID(), answers: [] },
      h.db,
    );
    expect(submitted).toMatchObject({ ok: true, graded: null });
    expect(must(await getOwnArticle(teacher, id, h.db)).locked).toBe(true);
    expect(await replaceOwnArticleText(teacher, id, `Again. ${INPUT.text}`, h.db)).toMatchObject({
      ok: false,
      error: 'conflict',
      message: expect.stringContaining('Make a copy'),
    });
    const copy = must(await copyOwnArticle(teacher, id, h.db));
    const copied = must(await getOwnArticle(teacher, copy.id, h.db));
    expect(copied).toMatchObject({ title: 'Copy of A plan fails', text: moved.text, locked: false, copiedFrom: id });
    expect(copied.items).toEqual(moved.items);
  });

  it('are deleted with their key by their owner only, and kept while a class uses them, naming it', async () => {
    const teacher = await makeInstructor(h.db);
    const other = await makeInstructor(h.db, 'Other');
    const { id } = must(await createOwnArticle(teacher, INPUT, h.db));
    must(await saveOwnKey(teacher, id, { version: 1, items: ITEMS }, h.db));
    const { actor: student } = await makeStudent(h.db, (await makeClassAssignment(h.db)).klass.joinCode);
    expect(await deleteOwnArticle(other, id, h.db)).toMatchObject({ ok: false, error: 'not-found' });
    expect(await deleteOwnArticle(student, id, h.db)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await deleteOwnArticle(ANONYMOUS, id, h.db)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await rowCounts(h.db)).toEqual([1, 3]);

    // Assigned in two classes: refused, naming both; nothing goes.
    const first = must(await createClass(teacher, { name: 'Period 2' }, h.db));
    const second = must(await createClass(teacher, { name: 'Period 5' }, h.db));
    const a1 = await assign(h.db, teacher, id, first.id);
    const a2 = await assign(h.db, teacher, id, second.id);
    expect(await deleteOwnArticle(teacher, id, h.db)).toEqual({
      ok: false,
      error: 'conflict',
      message:
        '“A plan fails” is assigned in Period 2 and Period 5. Delete those assignments on the class’s page first (their students’ work goes with them), then delete the article.',
    });
    must(await deleteAssignment(teacher, a1.id, h.db));
    expect(await deleteOwnArticle(teacher, id, h.db)).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^“A plan fails” is assigned in Period 5\. Delete that assignment .*\(its students’ work goes with it\)/,
      ),
    });
    expect(await rowCounts(h.db)).toEqual([1, 3]);
    must(await deleteAssignment(teacher, a2.id, h.db));
    expect(await deleteOwnArticle(teacher, id, h.db)).toEqual({ ok: true, value: { title: 'A plan fails' } });
    expect(await rowCounts(h.db)).toEqual([0, 0]);
    expect(await getOwnArticle(teacher, id, h.db)).toMatchObject({ ok: false, error: 'not-found' });
    expect(await deleteOwnArticle(teacher, id, h.db)).toMatchObject({ ok: false, error: 'not-found' });

    // An archived class keeps its record: the article it used stays.
    const kept = must(await createOwnArticle(teacher, INPUT, h.db));
    const old = must(await createClass(teacher, { name: 'Last year' }, h.db));
    await assign(h.db, teacher, kept.id, old.id);
    must(await archiveClass(teacher, old.id, h.db));
    expect(await deleteOwnArticle(teacher, kept.id, h.db)).toMatchObject({
      ok: false,
      error: 'conflict',
      message:
        '“A plan fails” is part of the record of the archived class Last year, with its students’ work, so it stays.',
    });
  });

  it('after students submitted, a change of the key rescores their work at once, as a class key version that says why', async () => {
    const teacher = await makeInstructor(h.db);
    const { id } = must(await createOwnArticle(teacher, INPUT, h.db));
    must(await saveOwnKey(teacher, id, { version: 1, items: ITEMS }, h.db));
    const klass = must(await createClass(teacher, { name: 'Period 2' }, h.db));
    const assignment = await assign(h.db, teacher, id, klass.id, {
      instructions: 'Label every attribution and every loaded word.',
      labels: ['sourcing', 'loaded-language'],
      releasePolicy: 'on-submit',
    });
    const exerciseId = ownExerciseId(assignment.id);
    const { actor } = await makeStudent(h.db, klass.joinCode);
    // "slammed" labeled loaded language, as the key has it: found, the label right.
    const submitted = await gradeForActor(
      actor,
      { exerciseId, clientId: crypto.randomUUID(), answers: [{ label: 'loaded-language', start: 40, end: 47 }] },
      h.db,
    );
    if (!submitted.ok || !submitted.graded) throw new Error('no graded submission');
    const before = submitted.graded.result.overall;
    expect(submitted.notice).toBe('Submitted.');

    // The teacher decides "slammed" is not loaded language but a claim of its own, and moves
    // the first item's extent: two of the student's figures move.
    const changed = ITEMS.map((item, i) =>
      i === 1 ? { ...item, label: 'sourcing', kind: 'named-person', voice: undefined } : item,
    );
    const saved = must(await saveOwnKey(teacher, id, { version: 2, items: changed }, h.db));
    expect(saved).toEqual({ version: 3, rescored: { classes: ['Period 2'], submissions: 1, studentsChanged: 1 } });

    const row = await h.db
      .selectFrom('submission')
      .select(['key_version', 'score_json'])
      .where('assignment_id', '=', assignment.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.key_version)).toBe(1);
    const versions = await h.db
      .selectFrom('class_key_version')
      .select(['version', 'note'])
      .where('class_id', '=', klass.id)
      .where('exercise_id', '=', exerciseId)
      .execute();
    expect(versions).toEqual([
      { version: 1, note: 'The article’s key changed (its version 3); the class’s own changes carried over.' },
    ]);
    // What the student sees is one key: the new items, the figures scored against them, and a
    // line saying the key changed after they submitted.
    const view = await openClassroomExercise(actor, exerciseId, h.db);
    const graded = view?.submitted?.graded;
    if (!graded) throw new Error('the student sees no comparison');
    expect(graded.key.map((i) => i.label)).toEqual(['sourcing', 'sourcing']);
    expect(graded.result.overall).not.toEqual(before);
    expect(JSON.parse(row.score_json).overall).toEqual(graded.result.overall);
    expect(view?.submitted?.notice).toBe(
      'Submitted. Your teacher changed the key after you submitted; this is version 1, and your figures are scored against it.',
    );

    // The class makes a change of its own; the next change of the article's key carries it over.
    const classKey = await keyResolver(h.db).classKey(klass.id, exerciseId);
    const first = classKey?.exercise.baseKey[0];
    if (!first || teacher.kind !== 'instructor') throw new Error('no key item');
    const own = [{ kind: 'edit' as const, item: { ...toStoredItem(first), optional: true } }];
    must(
      await writeKeyVersion(h.db, {
        classId: klass.id,
        exerciseId,
        baseVersion: 1,
        changes: own,
        note: 'Optional in this class.',
        userId: teacher.userId,
      }),
    );
    const third = must(await saveOwnKey(teacher, id, { version: 3, items: ITEMS }, h.db));
    expect(third.rescored).toMatchObject({ classes: ['Period 2'], submissions: 1 });
    const rows = await h.db
      .selectFrom('class_key_version')
      .select(['version', 'changes_json'])
      .where('class_id', '=', klass.id)
      .where('exercise_id', '=', exerciseId)
      .orderBy('version')
      .execute();
    expect(rows.map((r) => Number(r.version))).toEqual([1, 2, 3]);
    expect(JSON.parse(rows[2]?.changes_json ?? '')).toEqual(JSON.parse(rows[1]?.changes_json ?? ''));
    expect(JSON.parse(rows[2]?.changes_json ?? '')).toHaveLength(1);

    // Archived, the class keeps its record: a further change of the key leaves it alone.
    must(await archiveClass(teacher, klass.id, h.db));
    const stored = await h.db
      .selectFrom('submission')
      .select(['key_version', 'score_json'])
      .where('assignment_id', '=', assignment.id)
      .executeTakeFirstOrThrow();
    const fourth = must(await saveOwnKey(teacher, id, { version: 4, items: changed }, h.db));
    expect(fourth.rescored).toEqual({ classes: [], submissions: 0, studentsChanged: 0 });
    expect(
      await h.db
        .selectFrom('submission')
        .select(['key_version', 'score_json'])
        .where('assignment_id', '=', assignment.id)
        .executeTakeFirstOrThrow(),
    ).toEqual(stored);
  });

  it('a student with work in two assignments of the article is counted once among the students whose figures changed', async () => {
    const teacher = await makeInstructor(h.db);
    const { id } = must(await createOwnArticle(teacher, INPUT, h.db));
    must(await saveOwnKey(teacher, id, { version: 1, items: ITEMS }, h.db));
    const klass = must(await createClass(teacher, { name: 'Period 3' }, h.db));
    const settings = { labels: ['sourcing', 'loaded-language'] as const, releasePolicy: 'on-submit' as const };
    const first = await assign(h.db, teacher, id, klass.id, { ...settings, labels: [...settings.labels] });
    const second = await assign(h.db, teacher, id, klass.id, { ...settings, labels: [...settings.labels] });
    const { actor } = await makeStudent(h.db, klass.joinCode);
    for (const a of [first, second]) {
      const submitted = await gradeForActor(
        actor,
        {
          exerciseId: ownExerciseId(a.id),
          clientId: crypto.randomUUID(),
          answers: [{ label: 'loaded-language', start: 40, end: 47 }],
        },
        h.db,
      );
      expect(submitted.ok).toBe(true);
    }
    const changed = ITEMS.map((item, i) =>
      i === 1 ? { ...item, label: 'sourcing', kind: 'named-person', voice: undefined } : item,
    );
    const saved = must(await saveOwnKey(teacher, id, { version: 2, items: changed }, h.db));
    expect(saved.rescored).toEqual({ classes: ['Period 3'], submissions: 2, studentsChanged: 1 });
  });
});
