import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/server/env';

describe('env', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('defaults: SQLite under data/, localhost on PORT, a fixed secret outside production', () => {
    const env = parseEnv({ NODE_ENV: 'development', PORT: '4000' });
    expect(env.databaseUrl).toBeNull();
    expect(env.dataDir).toBe(path.resolve('data'));
    expect(env.appUrl).toBe('http://localhost:4000');
    expect(env.authSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('names the bad variable', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ BETTER_AUTH_SECRET: 'short' })).toThrow(/BETTER_AUTH_SECRET/);
    expect(() => parseEnv({ APP_URL: 'not a url' })).toThrow(/APP_URL/);
  });

  it('accepts postgres:// and postgresql:// URLs', () => {
    expect(parseEnv({ DATABASE_URL: 'postgresql://u@h/db' }).databaseUrl).toBe('postgresql://u@h/db');
  });

  it('in production without a secret, generates one into DATA_DIR/auth-secret (0600) and reuses it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'close-read-env-'));
    dirs.push(dir);
    const dataDir = path.join(dir, 'data');
    const first = parseEnv({ NODE_ENV: 'production', DATA_DIR: dataDir });
    const file = path.join(dataDir, 'auth-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.authSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(parseEnv({ NODE_ENV: 'production', DATA_DIR: dataDir }).authSecret).toBe(first.authSecret);
    expect(parseEnv({ NODE_ENV: 'development' }).authSecret).not.toBe(first.authSecret);
  });
});
