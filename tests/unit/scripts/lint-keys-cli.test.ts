import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run --silent lint-keys -- --json`: every finding as JSON, exit 1 on any error.
const ROOT = path.resolve(__dirname, '../../..');

function lint(args: string[], edit?: (dir: string) => void) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (edit) {
    const dir = mkdtempSync(path.join(tmpdir(), 'close-read-lint-'));
    cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
    edit(dir);
    env.CONTENT_DIR = dir;
  }
  return spawnSync(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    ['--conditions=react-server', 'scripts/lint-keys.ts', ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env,
    },
  );
}

describe('lint-keys', () => {
  it('prints [] and exits 0 on the shipped keys', () => {
    const result = lint(['--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('prints each finding with file, quote, rule and message, and exits 1 on an error', () => {
    const result = lint(['--json'], (dir) => {
      const file = path.join(dir, 'keys/un-envoy-us-cooperation.yaml');
      const source = readFileSync(file, 'utf8');
      // The envoy's death toll sits inside his quoted words: `no-source` contradicts them.
      const planted = source.replace(
        'which bears responsibility for the death of more than 12,000 Iranian civilians"\n    basis: named-source-only',
        'which bears responsibility for the death of more than 12,000 Iranian civilians"\n    basis: no-source',
      );
      expect(planted).not.toBe(source);
      writeFileSync(file, planted);
    });
    expect(result.status).toBe(1);
    const findings = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      quote: 'which bears responsibility for the death of more than 12,000 Iranian civilians',
      rule: 'no-source-beside-source',
      severity: 'error',
    });
    expect(String(findings[0]?.file)).toMatch(/keys\/un-envoy-us-cooperation\.yaml$/);
    expect(String(findings[0]?.message)).toContain('inside a quotation');
  });

  it('prints a readable list without --json', () => {
    const result = lint([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('keys ok: no findings\n');
  });
});
