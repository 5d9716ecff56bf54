// Helpers for the HTTP authorization matrix (authz-matrix.spec.ts): the app's routes read
// from the file system, its server actions read from the build's manifest, server actions
// and JSON route handlers called over raw HTTP as the browser calls them, and row-by-row snapshots of the test
// server's SQLite database.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';

export { type ManifestAction, manifestActions } from '../../scripts/action-manifest';

/**
 * A page (page.tsx) or route handler (route.ts) under app/, as a URL pattern like /a/[id]/b;
 * `methods` are the HTTP methods a handler exports (GET for a page).
 */
export type AppRoute = { route: string; kind: 'page' | 'handler'; file: string; methods: string[] };

const EXPORTED_METHOD = /^export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/gm;

const PAGE_FILE = /^page\.(tsx|ts|jsx|js|md|mdx)$/;
const HANDLER_FILE = /^route\.(ts|js)$/;

/** Every page and route handler under `dir`; route groups `(name)` add no URL segment. */
export function appRoutes(dir = 'app'): AppRoute[] {
  const found: AppRoute[] = [];
  const walk = (folder: string, segments: string[]) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(file, /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      } else if (PAGE_FILE.test(entry.name) || HANDLER_FILE.test(entry.name)) {
        const page = PAGE_FILE.test(entry.name);
        found.push({
          route: `/${segments.join('/')}`,
          kind: page ? 'page' : 'handler',
          file: file.split(path.sep).join('/'),
          methods: page
            ? ['GET']
            : [...readFileSync(file, 'utf8').matchAll(EXPORTED_METHOD)].map((m) => m[1] as string),
        });
      }
    }
  };
  walk(dir, []);
  return found.sort((a, b) => a.route.localeCompare(b.route));
}

/** What a server action answered over HTTP: status, raw RSC text, the decoded return value, any redirect. */
export type ActionResponse = { status: number; body: string; result: unknown; redirect: string | undefined };

/**
 * The action's return value from an RSC action response: row 0 names the row holding it
 * ("a":"$@1"), which is a JSON line. Undefined when there is none (a redirect, an error).
 */
export function actionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) rows.set(match[1], match[2]);
  }
  try {
    const head = JSON.parse(rows.get('0') ?? 'null') as { a?: unknown } | null;
    const ref = typeof head?.a === 'string' ? /^\$@([0-9a-f]+)$/.exec(head.a)?.[1] : undefined;
    const row = ref === undefined ? undefined : rows.get(ref);
    return row === undefined ? undefined : JSON.parse(row);
  } catch {
    return undefined;
  }
}

/** Calls a server action the way the browser's router does: POST to a page with its id and JSON arguments. */
export async function callAction(
  ctx: APIRequestContext,
  base: string,
  actionId: string,
  pagePath: string,
  args: unknown[],
): Promise<ActionResponse> {
  const response = await ctx.post(pagePath, {
    headers: {
      'Next-Action': actionId,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: base,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const body = await response.text();
  return {
    status: response.status(),
    body,
    result: actionResult(body),
    redirect: response.headers()['x-action-redirect'],
  };
}

/**
 * POSTs a JSON body to a route handler as the app's own script does (same origin), with the
 * answer in the shape of an action's: `result` is the decoded JSON body (undefined if none).
 */
export async function postJson(
  ctx: APIRequestContext,
  base: string,
  route: string,
  data: unknown,
): Promise<ActionResponse> {
  const response = await ctx.post(`${base}${route}`, {
    headers: { 'Content-Type': 'application/json', Origin: base },
    data: JSON.stringify(data),
    maxRedirects: 0,
  });
  const body = await response.text();
  let result: unknown;
  try {
    result = JSON.parse(body);
  } catch {
    result = undefined;
  }
  return { status: response.status(), body, result, redirect: undefined };
}

/** Runs an npm script without blocking the event loop; rejects with its stderr on failure. */
export function npmRun(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`npm ${args.join(' ')}: ${err}`))));
    child.stdin.end(input ?? '');
  });
}

export type Row = Record<string, unknown>;
export type Snapshot = Record<string, Row[]>;
/** Rows added and removed per table (a changed row is one removed and one added); only tables that changed. */
export type Diff = Record<string, { added: Row[]; removed: Row[] }>;

/**
 * Read-only snapshots of the SQLite database the test server uses. `excluded` tables are
 * left out of every comparison (the caller says why).
 */
export class DbWatcher {
  private readonly db: Database.Database;

  constructor(
    file: string,
    private readonly excluded: ReadonlySet<string>,
  ) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
  }

  tables(): string[] {
    return (
      this.db
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
        .all() as { name: string }[]
    ).map((r) => r.name);
  }

  /** Every row of every table but the excluded ones, in one read transaction. */
  snapshot(): Snapshot {
    const read = this.db.transaction(() => {
      const out: Snapshot = {};
      for (const table of this.tables()) {
        if (this.excluded.has(table)) continue;
        out[table] = this.db.prepare(`select * from "${table}"`).all() as Row[];
      }
      return out;
    });
    return read();
  }

  /** A query for looking up ids, e.g. the assignment the app just created. */
  all<T>(sql: string, ...params: unknown[]): T[] {
    return this.db.prepare(sql).all(...params) as T[];
  }

  close() {
    this.db.close();
  }
}

/** Rows added and removed between two snapshots, compared as whole rows (multisets of JSON). */
export function diffSnapshots(before: Snapshot, after: Snapshot): Diff {
  const diff: Diff = {};
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const count = new Map<string, number>();
    for (const row of before[table] ?? []) count.set(JSON.stringify(row), (count.get(JSON.stringify(row)) ?? 0) + 1);
    const added: Row[] = [];
    for (const row of after[table] ?? []) {
      const k = JSON.stringify(row);
      const n = count.get(k) ?? 0;
      if (n > 0) count.set(k, n - 1);
      else added.push(row);
    }
    const removed: Row[] = [];
    for (const [k, n] of count) for (let i = 0; i < n; i++) removed.push(JSON.parse(k) as Row);
    if (added.length > 0 || removed.length > 0) diff[table] = { added, removed };
  }
  return diff;
}

/**
 * Drops from a diff the rows that provably belong to instructors other than `ours` (the
 * whole suite shares one test server and database, and other spec files may be writing to
 * it at the same time). A row is traced to its instructor through the foreign keys, using
 * both snapshots so deleted rows trace too; a row that cannot be traced is kept.
 */
export function withoutForeignRows(diff: Diff, before: Snapshot, after: Snapshot, ours: ReadonlySet<string>): Diff {
  const index = (table: string, column: string) => {
    const map = new Map<string, string>();
    for (const row of [...(before[table] ?? []), ...(after[table] ?? [])]) map.set(String(row.id), String(row[column]));
    return map;
  };
  const classOwner = index('class', 'instructor_id');
  const studentClass = index('student', 'class_id');
  const assignmentClass = index('assignment', 'class_id');
  const submissionStudent = index('submission', 'student_id');
  const articleOwner = index('own_article', 'instructor_id');
  const viaClass = (id: unknown) => classOwner.get(String(id));
  const viaStudent = (id: unknown) => viaClass(studentClass.get(String(id)));
  const viaAssignment = (id: unknown) => viaClass(assignmentClass.get(String(id)));
  const owner: Record<string, (row: Row) => string | undefined> = {
    user: (r) => String(r.id),
    account: (r) => String(r.userId),
    session: (r) => String(r.userId),
    class: (r) => String(r.instructor_id),
    student: (r) => viaClass(r.class_id),
    student_session: (r) => viaStudent(r.student_id),
    draft: (r) => viaStudent(r.student_id),
    submission: (r) => viaStudent(r.student_id),
    assignment: (r) => viaClass(r.class_id),
    class_key_version: (r) => viaClass(r.class_id),
    extra_dismissal: (r) => viaAssignment(r.assignment_id),
    comment: (r) => viaStudent(submissionStudent.get(String(r.submission_id))),
    question_answer: (r) => viaStudent(r.student_id),
    grade_override: (r) => viaAssignment(r.assignment_id),
    assignment_exception: (r) => viaAssignment(r.assignment_id),
    assignment_change: (r) => viaAssignment(r.assignment_id),
    own_article: (r) => String(r.instructor_id),
    own_key_item: (r) => articleOwner.get(String(r.article_id)),
  };
  const kept: Diff = {};
  for (const [table, change] of Object.entries(diff)) {
    const ownerOf = owner[table];
    const mine = (row: Row) => {
      const who = ownerOf?.(row);
      return who === undefined || who === 'undefined' || ours.has(who);
    };
    const added = change.added.filter(mine);
    const removed = change.removed.filter(mine);
    if (added.length > 0 || removed.length > 0) kept[table] = { added, removed };
  }
  return kept;
}
