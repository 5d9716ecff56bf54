import 'server-only';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * A fixed secret for development and tests only, so that `next dev` and vitest need no
 * set-up. Production never uses it: there a missing secret is generated and persisted.
 */
const DEV_AUTH_SECRET = 'close-read-development-secret-not-for-production-use';

/** better-auth refuses secrets shorter than 32 characters; so do we, with a clearer message. */
const MIN_SECRET_LENGTH = 32;

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// or postgresql:// URL (leave it unset for SQLite)' })
    .optional(),
  DATA_DIR: z.string().min(1).default('data'),
  CONTENT_DIR: z.string().min(1).default('content'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  BETTER_AUTH_SECRET: z.string().min(MIN_SECRET_LENGTH).optional(),
  BETTER_AUTH_URL: z.url().optional(),
  APP_URL: z.url().optional(),
  NEXT_DIST_DIR: z.string().min(1).default('.next'),
});

/** The parsed environment: every setting the server reads, with defaults applied. */
export type Env = {
  nodeEnv: 'development' | 'test' | 'production';
  /** A PostgreSQL URL, or null for the embedded SQLite database in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  /** Lessons, article registry and keys (the tests point it at a copy with planted markers). */
  contentDir: string;
  authSecret: string;
  /** The public base URL of the app, used by better-auth for origins and cookies. */
  appUrl: string;
  /** The production build's folder (next.config.mjs reads the same variable). */
  distDir: string;
};

let cached: Env | undefined;

/**
 * The environment, parsed once on first use. Throws an error naming each bad variable, so
 * a misconfigured server fails at start-up rather than on the first request.
 */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Parses a set of variables; exported for tests, which must not depend on the real environment. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const blankAsUnset = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`close-read: invalid environment variables:\n${lines.join('\n')}`);
  }
  const vars = parsed.data;
  const dataDir = path.resolve(vars.DATA_DIR);
  return {
    nodeEnv: vars.NODE_ENV,
    databaseUrl: vars.DATABASE_URL ?? null,
    dataDir,
    contentDir: path.resolve(vars.CONTENT_DIR),
    authSecret: vars.BETTER_AUTH_SECRET ?? defaultSecret(vars.NODE_ENV, dataDir),
    appUrl: vars.BETTER_AUTH_URL ?? vars.APP_URL ?? `http://localhost:${vars.PORT}`,
    distDir: path.resolve(vars.NEXT_DIST_DIR),
  };
}

/**
 * Development and tests share a fixed secret. In production a missing secret is generated
 * once and kept in DATA_DIR/auth-secret (mode 0600), so `npm start` needs no set-up and
 * sessions survive restarts.
 */
function defaultSecret(nodeEnv: Env['nodeEnv'], dataDir: string): string {
  if (nodeEnv !== 'production') return DEV_AUTH_SECRET;
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `close-read: ${file} holds a secret shorter than ${MIN_SECRET_LENGTH} characters; delete it or set BETTER_AUTH_SECRET`,
      );
    }
    return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // 'wx' fails if another process created the file first; then use theirs.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
  chmodSync(file, 0o600);
  return secret;
}
