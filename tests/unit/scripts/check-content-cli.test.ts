import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run build` runs this check before `next build`: a broken entry stops the build with
// the file and the field named.
const ROOT = path.resolve(__dirname, '../../..');

function checkWith(edit: (dir: string) => void) {
  const dir = mkdtempSync(path.join(tmpdir(), 'close-read-content-'));
  cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  edit(dir);
  return spawnSync(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    ['--conditions=react-server', 'scripts/check-content.ts'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CONTENT_DIR: dir } },
  );
}

function edit(dir: string, file: string, change: (s: string) => string) {
  const target = path.join(dir, file);
  writeFileSync(target, change(readFileSync(target, 'utf8')));
}

describe('the content check before a build', () => {
  it('passes on the real content', () => {
    const result = checkWith(() => {});
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/content ok: 5 articles, 5 keys, 6 lessons/);
  });

  it('stops on a broken article entry, naming the file and the field', () => {
    const result = checkWith((dir) =>
      edit(dir, 'articles/mehr-human-rights-letter.yaml', (s) => s.replace(/^kind: .*$/m, 'kind: gossip')),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('mehr-human-rights-letter.yaml');
    expect(result.stderr).toContain('field "kind"');
  });

  it('stops on broken lesson metadata, naming the file and the field', () => {
    const result = checkWith((dir) =>
      edit(dir, 'lessons/02.words-that-judge.mdx', (s) => s.replace(/^minutes: .*\n/m, 'minutes: lots\n')),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('02.words-that-judge.mdx');
    expect(result.stderr).toContain('field "minutes"');
  });

  it('stops on a key item whose quote no longer resolves, naming the item', () => {
    const result = checkWith((dir) =>
      edit(dir, 'keys/mehr-human-rights-letter.yaml', (s) => s.replace('quote: "despot"', 'quote: "tyrant"')),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('mehr-human-rights-letter.yaml');
    expect(result.stderr).toMatch(/loaded-language "tyrant"\): quote not found/);
  });

  it('stops on a key lint error, naming the file, the rule and the quote', () => {
    // The Mehr delistings sentence attributes nothing: accepting sourcing there is the error
    // the lint's accept-sourcing-without-source rule exists for.
    const result = checkWith((dir) =>
      edit(dir, 'keys/mehr-human-rights-letter.yaml', (s) =>
        s.replace(
          "basis: no-source\n    explanation: >-\n      Mehr's own narration",
          "basis: no-source\n    accept: [sourcing]\n    explanation: >-\n      Mehr's own narration",
        ),
      ),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('keys/mehr-human-rights-letter.yaml');
    expect(result.stderr).toContain('accept-sourcing-without-source');
    expect(result.stderr).toContain('"Western countries, led by the United States');
  });
});
