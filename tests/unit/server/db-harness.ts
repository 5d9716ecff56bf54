// Gives each database test a migrated, empty database of its own, on SQLite (a temp file)
// and, when TEST_DATABASE_URL is set, on PostgreSQL (a fresh database per test, copied
// from a template migrated once per file and dropped afterwards).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { createDb, type Db } from '@/lib/server/db/client';
import { migrateToLatest } from '@/lib/server/db/migrate';
import { type Env, parseEnv } from '@/lib/server/env';

export type Engine = 'sqlite' | 'postgres';

const PG_URL = process.env.TEST_DATABASE_URL;
export const PG_SKIP_REASON =
  'skipped: TEST_DATABASE_URL is not set (CI sets it, e.g. postgres://postgres@127.0.0.1:55432/postgres), so the PostgreSQL variant cannot run here';

/** The environment the server code sees in tests: nothing from the real process. */
export const TEST_ENV: Env = parseEnv({ NODE_ENV: 'test', DATA_DIR: path.join(tmpdir(), 'close-read-unused') });

export type Harness = {
  engine: Engine;
  /** This test's database, migrated and empty. */
  readonly db: Db;
  /** Where this test's database lives (file path or URL), for opening more handles. */
  readonly target: string;
  /** Another handle on this test's database, closed after the test. */
  openAnother(): Db;
};

/** Runs `body` once per engine; the PostgreSQL run is skipped, with the reason, without TEST_DATABASE_URL. */
export function describeEachEngine(title: string, body: (h: Harness) => void, options: { migrated?: boolean } = {}) {
  for (const engine of ['sqlite', 'postgres'] as const) {
    if (engine === 'postgres' && !PG_URL) {
      describe.skip(`${title} [postgres] ${PG_SKIP_REASON}`, () => {
        it(PG_SKIP_REASON, () => {});
      });
      continue;
    }
    describe(`${title} [${engine}]`, () => {
      body(engine === 'sqlite' ? sqliteHarness(options.migrated ?? true) : postgresHarness(options.migrated ?? true));
    });
  }
}

function handles() {
  const open: Db[] = [];
  return {
    track(db: Db) {
      open.push(db);
      return db;
    },
    async closeAll() {
      await Promise.all(open.splice(0).map((db) => db.destroy()));
    },
  };
}

function sqliteHarness(migrated: boolean): Harness {
  let dir = '';
  let db: Db | undefined;
  const extra = handles();
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'close-read-test-'));
    db = createDb(path.join(dir, 'test.db'));
    if (migrated) await mustMigrate(db);
  });
  afterEach(async () => {
    await extra.closeAll();
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    engine: 'sqlite',
    get db() {
      if (!db) throw new Error('no database outside a test');
      return db;
    },
    get target() {
      return path.join(dir, 'test.db');
    },
    openAnother: () => extra.track(createDb(path.join(dir, 'test.db'))),
  };
}

function urlFor(database: string): string {
  const url = new URL(PG_URL as string);
  url.pathname = `/${database}`;
  return url.toString();
}

function postgresHarness(migrated: boolean): Harness {
  const admin = new pg.Client({ connectionString: PG_URL });
  const template = `t_${randomBytes(6).toString('hex')}_tpl`;
  let name = '';
  let db: Db | undefined;
  const extra = handles();
  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const tpl = createDb(urlFor(template));
    if (migrated) await mustMigrate(tpl);
    await tpl.destroy();
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.end();
  });
  beforeEach(async () => {
    name = `t_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    db = createDb(urlFor(name));
  });
  afterEach(async () => {
    await extra.closeAll();
    await db?.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  });
  return {
    engine: 'postgres',
    get db() {
      if (!db) throw new Error('no database outside a test');
      return db;
    },
    get target() {
      return urlFor(name);
    },
    openAnother: () => extra.track(createDb(urlFor(name))),
  };
}

async function mustMigrate(db: Db) {
  const report = await migrateToLatest(db);
  if (report.error) throw report.error;
}
