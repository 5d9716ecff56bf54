// scripts/score.ts end to end: spawned as `npm run score` would, on the 002 article
// (mehr-human-rights-letter), against whatever key content/keys holds at run time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getArticle } from '../../../lib/content/articles';
import { getKey, toScoringKey } from '../../../lib/content/keys';
import { type AnswerSpan, type ScoreResult, score } from '../../../lib/scoring';

const ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const SLUG = 'mehr-human-rights-letter';
const dir = mkdtempSync(path.join(tmpdir(), 'score-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[]) {
  const out = spawnSync(TSX, ['--conditions=react-server', script, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

let fileCount = 0;
function answersFile(content: unknown): string {
  const file = path.join(dir, `answers-${fileCount++}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function scoreCli(article: string, content: unknown) {
  return run('scripts/score.ts', ['--article', article, '--answers', answersFile(content)]);
}

function parsed(out: ReturnType<typeof run>): ScoreResult {
  expect(out.stderr).toBe('');
  expect(out.status).toBe(0);
  return JSON.parse(out.stdout) as ScoreResult;
}

describe('score CLI', () => {
  it("answering with the key's own core items (from `keys --json`) scores 1 everywhere", () => {
    const keys = run('scripts/keys.ts', ['--json']);
    expect(keys.status, keys.stderr).toBe(0);
    const rows = JSON.parse(keys.stdout) as (AnswerSpan & { article: string; optional: boolean })[];
    const core = rows
      .filter((r) => r.article === SLUG && !r.optional)
      .map(({ label, start, end }) => ({ label, start, end }));
    expect(core.length, `no core items for ${SLUG} in content/keys`).toBeGreaterThan(0);
    const result = parsed(scoreCli(SLUG, core));
    expect(result.overall).toEqual({ precision: 1, recall: 1, f1: 1 });
    for (const figures of Object.values(result.perLabel))
      expect(figures).toMatchObject({ precision: 1, recall: 1, f1: 1, missed: 0, extra: 0 });
  });

  it('scores 1 for an answer holding every item of the biggest key (the aggregation article)', () => {
    const keys = run('scripts/keys.ts', ['--json']);
    expect(keys.status, keys.stderr).toBe(0);
    const rows = JSON.parse(keys.stdout) as (AnswerSpan & { article: string })[];
    const every = rows
      .filter((r) => r.article === 'envoy-speech-aggregation')
      .map(({ label, start, end }) => ({ label, start, end }));
    // More than the old limit of 500 that refused it.
    expect(every.length).toBeGreaterThan(500);
    const result = parsed(scoreCli('envoy-speech-aggregation', every));
    expect(result.overall).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('prints what the engine computes for the vectors’ answers, by slug or seed file name', () => {
    const vectors = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/scoring-vectors.json'), 'utf8')) as {
      seed: string;
      cases: { name: string; answers: AnswerSpan[] }[];
    };
    const key = getKey(SLUG);
    expect(key, `content/keys/${SLUG}.yaml is missing`).not.toBeNull();
    const scoringKey = toScoringKey(key?.items ?? []);
    const valid = vectors.cases.filter((c) => c.answers.every((a) => a.start >= 0));
    const answers = valid.flatMap((c) => c.answers);
    const expected = score(scoringKey, answers);
    expect(parsed(scoreCli(SLUG, answers))).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(parsed(scoreCli(vectors.seed, answers))).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('resolves answers given by quote, with a prefix where the quote repeats', () => {
    const article = getArticle(SLUG);
    const key = getKey(SLUG);
    expect(key, `content/keys/${SLUG}.yaml is missing`).not.toBeNull();
    const text = article?.text ?? '';
    // "atrocities" occurs twice; the prefix picks the second. Offsets found here by plain search.
    const first = text.indexOf('atrocities');
    const second = text.indexOf('their atrocities') + 'their '.length;
    expect(first).toBeGreaterThanOrEqual(0);
    expect(second).toBeGreaterThan(first);
    const byQuote = [
      { label: 'sourcing', quote: 'the letter read' },
      { label: 'loaded-language', quote: 'atrocities', prefix: 'their ' },
    ];
    const at = (start: number): AnswerSpan[] => [
      { label: 'sourcing', start: text.indexOf('the letter read'), end: text.indexOf('the letter read') + 15 },
      { label: 'loaded-language', start, end: start + 'atrocities'.length },
    ];
    const scoringKey = toScoringKey(key?.items ?? []);
    const result = parsed(scoreCli(SLUG, byQuote));
    expect(result).toEqual(JSON.parse(JSON.stringify(score(scoringKey, at(second)))));
    expect(result, 'the key should tell the two occurrences apart').not.toEqual(
      JSON.parse(JSON.stringify(score(scoringKey, at(first)))),
    );
  });

  it.each([
    [
      'an unknown article',
      ['--article', 'no-such-article', '--answers', 'x.json'],
      /unknown article "no-such-article"; known: .*mehr-human-rights-letter/,
    ],
    ['a missing --article', ['--answers', 'x.json'], /missing --article; usage:/],
    ['a missing --answers', ['--article', SLUG], /missing --answers; usage:/],
    ['an --answers flag without a value', ['--article', SLUG, '--answers'], /missing --answers/],
    [
      'an unreadable file',
      ['--article', SLUG, '--answers', '/nonexistent/answers.json'],
      /cannot read answers file: ENOENT/,
    ],
  ])('rejects %s', (_what, args, message) => {
    const out = run('scripts/score.ts', args);
    expect(out.status).not.toBe(0);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
  });

  it.each([
    ['malformed JSON', '[{"label": "sourcing",', /is not valid JSON/],
    ['an unknown label', [{ label: 'spin', start: 0, end: 5 }], /answer 0, field "label": unknown label "spin"/],
    [
      'offsets outside the text',
      [{ label: 'sourcing', start: 10, end: 100_000 }],
      /answer 0, field "end": offset 100000 is outside the text \(2920 characters\)/,
    ],
    ['a negative offset', [{ label: 'sourcing', start: -1, end: 20 }], /answer 0, field "start": must not be negative/],
    [
      'a quote not found',
      [
        { label: 'sourcing', start: 0, end: 5 },
        { label: 'sourcing', quote: 'not in this article' },
      ],
      /answer 1: quote not found: "not in this article"/,
    ],
    ['an ambiguous quote', [{ label: 'loaded-language', quote: 'MKO' }], /answer 0: quote "MKO" occurs \d+ times/],
    [
      'a file that is not an array',
      { label: 'sourcing', start: 0, end: 5 },
      /answers must be an array of spans, got object/,
    ],
  ])('rejects %s', (_what, content, message) => {
    const out = scoreCli(SLUG, content);
    expect(out.status).not.toBe(0);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });
});
